package dev.pathwise.api.term;

import static dev.pathwise.api.testing.SliceRequests.as;
import static dev.pathwise.api.testing.SliceRequests.json;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code /v1/terms}: dates as ISO days, read by every role, changed by admins. */
@ControllerSlice(TermController.class)
class TermControllerTest {

    private static final TermService.TermJson FALL = new TermService.TermJson(
            "2026-fall", "Fall 2026", "semester", LocalDate.of(2026, 8, 24), LocalDate.of(2026, 12, 18), null, 2027);
    private static final String FALL_JSON = "{\"id\": \"2026-fall\", \"title\": \"Fall 2026\", \"type\": \"semester\","
            + " \"startDate\": \"2026-08-24\", \"endDate\": \"2026-12-18\", \"schoolYear\": 2027}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TermService terms;

    @Test
    void aTermIsCreatedFromItsIsoDatesAndAnsweredWith201() throws Exception {
        given(terms.create(SliceKeys.caller(SliceKeys.ADMIN), FALL)).willReturn(FALL);

        mvc.perform(json(SliceKeys.ADMIN, post("/v1/terms"), FALL_JSON))
                .andExpect(status().isCreated())
                .andExpect(content().json(FALL_JSON, JsonCompareMode.STRICT));

        verify(terms).create(SliceKeys.caller(SliceKeys.ADMIN), FALL);
    }

    @Test
    void aDateThatIsNoDayIs400NamingTheFieldAndTheValue() throws Exception {
        mvc.perform(json(SliceKeys.ADMIN, put("/v1/terms/2026-fall"), "{\"startDate\": \"2026-13-40\"}"))
                .andExpect(Refusals.invalid("startDate", "2026-13-40"));

        verifyNoInteractions(terms);
    }

    @Test
    void aPlatformReadsOneTermByThePathAndAnUnknownOneIs404() throws Exception {
        given(terms.get(SliceKeys.TENANT, "2026-fall")).willReturn(FALL);
        given(terms.get(SliceKeys.TENANT, "1999"))
                .willThrow(ApiProblem.notFound("termId", "1999", "termId: no term '1999' in this tenant"));

        mvc.perform(as(SliceKeys.PLATFORM, get("/v1/terms/2026-fall")))
                .andExpect(status().isOk())
                .andExpect(content().json(FALL_JSON, JsonCompareMode.STRICT));
        mvc.perform(as(SliceKeys.PLATFORM, get("/v1/terms/1999")))
                .andExpect(Refusals.problem(HttpStatus.NOT_FOUND, "termId", "1999"));
    }

    @Test
    void aTeacherMayReadButNotDeleteATerm() throws Exception {
        mvc.perform(as(SliceKeys.TEACHER, delete("/v1/terms/2026-fall")))
                .andExpect(Refusals.forbidden("teacher", "DELETE /v1/terms/2026-fall", "allowed to admin only"));
        mvc.perform(as(SliceKeys.ADMIN, delete("/v1/terms/2026-fall"))).andExpect(status().isNoContent());

        verify(terms).delete(SliceKeys.caller(SliceKeys.ADMIN), "2026-fall");
    }

    @Test
    void theListWithoutAKeyIs401() throws Exception {
        mvc.perform(get("/v1/terms")).andExpect(Refusals.withoutKey());

        verifyNoInteractions(terms);
    }
}
