package dev.pathwise.api.interop.casestandards;

import static dev.pathwise.api.testing.SliceRequests.json;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code POST /v1/frameworks/case}: 201 when the package created a framework, 200 after. */
@ControllerSlice(CaseFrameworkController.class)
class CaseFrameworkControllerTest {

    private static final String PACKAGE = "{\"CFDocument\": {\"identifier\": \"doc-1\"}}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CaseImportService imports;

    private static CaseImportResult result(String status) {
        return new CaseImportResult(
                status, "ratios", "doc-1", "Ratios", "ab12", 3, 2, 1, Map.of(), List.of(), List.of(), List.of(),
                Map.of(), List.of(), List.of(), List.of());
    }

    @Test
    void aPackageThatCreatesTheFrameworkIs201AndOneThatUpdatesItIs200() throws Exception {
        given(imports.importPackage(eq(SliceKeys.TENANT), any(), eq("ratios")))
                .willReturn(result("created"), result("updated"));

        mvc.perform(json(SliceKeys.CURRICULUM, post("/v1/frameworks/case?frameworkId=ratios"), PACKAGE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("created"))
                .andExpect(jsonPath("$.items").value(3));
        mvc.perform(json(SliceKeys.CURRICULUM, post("/v1/frameworks/case?frameworkId=ratios"), PACKAGE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("updated"));
    }

    @Test
    void aPackageThatIsNoJsonIs400NamingTheBody() throws Exception {
        mvc.perform(json(SliceKeys.CURRICULUM, post("/v1/frameworks/case"), "{\"CFDocument\": "))
                .andExpect(Refusals.invalid("body"));

        verifyNoInteractions(imports);
    }

    @Test
    void aTeacherMayNotImportAPackage() throws Exception {
        mvc.perform(json(SliceKeys.TEACHER, post("/v1/frameworks/case"), PACKAGE))
                .andExpect(Refusals.forbidden("teacher", "POST /v1/frameworks/case", "allowed: curriculum and admin"));

        verifyNoInteractions(imports);
    }
}
