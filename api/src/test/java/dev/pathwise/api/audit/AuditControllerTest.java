package dev.pathwise.api.audit;

import static dev.pathwise.api.testing.SliceRequests.as;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code GET /v1/audit}: a page after a seq, the next page's start, limits, admins only. */
@ControllerSlice(AuditController.class)
class AuditControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditTrail audit;

    private static AuditTrail.Event event(long seq) {
        return new AuditTrail.Event(
                seq, Instant.parse("2026-10-01T10:00:00Z"), "admin", null, "school.created", "school", "east", null);
    }

    @Test
    void aFullPageNamesTheSeqTheNextPageStartsAfter() throws Exception {
        given(audit.events(SliceKeys.TENANT, 40, 2, null, null)).willReturn(List.of(event(41), event(42)));

        mvc.perform(as(SliceKeys.ADMIN, get("/v1/audit?after=40&limit=2")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                                {"events": [
                                  {"seq": 41, "at": "2026-10-01T10:00:00Z", "actor": "admin", "action": "school.created",
                                   "targetType": "school", "targetId": "east"},
                                  {"seq": 42, "at": "2026-10-01T10:00:00Z", "actor": "admin", "action": "school.created",
                                   "targetType": "school", "targetId": "east"}],
                                 "next": 42}""", JsonCompareMode.STRICT));
    }

    @Test
    void aShortPageIsTheLastAndHasNoNext() throws Exception {
        given(audit.events(SliceKeys.TENANT, 0, 100, null, null)).willReturn(List.of(event(1)));

        mvc.perform(as(SliceKeys.ADMIN, get("/v1/audit")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events[0].seq").value(1))
                .andExpect(jsonPath("$.next").doesNotExist());
    }

    @Test
    void aLimitOutsideOneToAThousandIs400NamingIt() throws Exception {
        mvc.perform(as(SliceKeys.ADMIN, get("/v1/audit?limit=0"))).andExpect(Refusals.invalid("limit", 0));
        mvc.perform(as(SliceKeys.ADMIN, get("/v1/audit?limit=1001")))
                .andExpect(Refusals.invalid("limit", 1001))
                .andExpect(jsonPath("$.detail").value("limit: 1001 must be between 1 and 1000"));

        verifyNoInteractions(audit);
    }

    @Test
    void anAfterThatIsNoNumberIs400NamingTheParameterAndTheValue() throws Exception {
        mvc.perform(as(SliceKeys.ADMIN, get("/v1/audit?after=yesterday")))
                .andExpect(Refusals.invalid("after", "yesterday"));

        verifyNoInteractions(audit);
    }

    @Test
    void theTrailIsForAdminsOnly() throws Exception {
        mvc.perform(as(SliceKeys.TEACHER, get("/v1/audit")))
                .andExpect(Refusals.forbidden("teacher", "GET /v1/audit", "allowed to admin only"));
        mvc.perform(get("/v1/audit")).andExpect(Refusals.withoutKey());

        verifyNoInteractions(audit);
    }
}
