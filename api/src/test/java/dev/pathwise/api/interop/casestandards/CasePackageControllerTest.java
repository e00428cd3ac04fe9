package dev.pathwise.api.interop.casestandards;

import static dev.pathwise.api.testing.SliceRequests.as;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of the CASE binding's {@code GET /ims/case/v1p0/CFPackages/{id}}: keyed like /v1. */
@ControllerSlice(CasePackageController.class)
class CasePackageControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CasePackageExport export;

    @Test
    void aPackageIsServedWithTheServicesOwnAddressAsItsBase() throws Exception {
        ObjectNode cfPackage = JsonNodeFactory.instance.objectNode();
        cfPackage.putObject("CFDocument").put("identifier", "doc-1");
        given(export.cfPackage(SliceKeys.TENANT, "doc-1", "https://pathwise.example.org"))
                .willReturn(cfPackage);

        mvc.perform(as(SliceKeys.PLATFORM, get("https://pathwise.example.org:443/ims/case/v1p0/CFPackages/doc-1")))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"CFDocument\": {\"identifier\": \"doc-1\"}}", JsonCompareMode.STRICT));
    }

    @Test
    void anUnknownDocumentIs404NamingIt() throws Exception {
        given(export.cfPackage(SliceKeys.TENANT, "doc-9", "http://localhost"))
                .willThrow(ApiProblem.notFound("id", "doc-9", "id: no CASE document 'doc-9'"));

        mvc.perform(as(SliceKeys.TEACHER, get("/ims/case/v1p0/CFPackages/doc-9")))
                .andExpect(Refusals.problem(HttpStatus.NOT_FOUND, "id", "doc-9"));
    }

    @Test
    void theBindingNeedsAKeyToo() throws Exception {
        mvc.perform(get("/ims/case/v1p0/CFPackages/doc-1")).andExpect(Refusals.withoutKey());

        verifyNoInteractions(export);
    }
}
