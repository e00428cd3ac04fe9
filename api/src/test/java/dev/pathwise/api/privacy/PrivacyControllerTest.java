package dev.pathwise.api.privacy;

import static dev.pathwise.api.testing.SliceRequests.as;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of a learner's export and erasure: admins only, the tombstone and what was removed. */
@ControllerSlice(PrivacyController.class)
class PrivacyControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LearnerExport exports;

    @MockitoBean
    LearnerErasure erasure;

    @Test
    void anErasureIsAnsweredWithItsTombstoneAndTheCountsRemoved() throws Exception {
        given(erasure.erase(SliceKeys.caller(SliceKeys.ADMIN), "maya"))
                .willReturn(new LearnerErasure.Erasure(
                        "er-1", Instant.parse("2026-10-01T10:00:00Z"), Map.of("evidence", 12, "overrides", 1)));

        mvc.perform(as(SliceKeys.ADMIN, delete("/v1/learners/maya")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .json(
                                "{\"erasureId\": \"er-1\", \"erasedAt\": \"2026-10-01T10:00:00Z\","
                                        + " \"removed\": {\"evidence\": 12, \"overrides\": 1}}",
                                JsonCompareMode.STRICT));
    }

    @Test
    void anExportNamesTheLearnerAndTheTenant() throws Exception {
        given(exports.export(SliceKeys.caller(SliceKeys.ADMIN), "maya"))
                .willReturn(new LearnerExport.Export(
                        "maya",
                        SliceKeys.TENANT,
                        Instant.parse("2026-10-01T10:00:00Z"),
                        null,
                        4,
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of("mailto:maya@district.example.org"),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()));

        mvc.perform(as(SliceKeys.ADMIN, get("/v1/learners/maya/export")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.learnerId").value("maya"))
                .andExpect(jsonPath("$.tenantId").value(SliceKeys.TENANT))
                .andExpect(jsonPath("$.stateVersion").value(4))
                .andExpect(jsonPath("$.xapiActors[0]").value("mailto:maya@district.example.org"));
    }

    @Test
    void anUnknownLearnerIs404NamingTheId() throws Exception {
        given(exports.export(SliceKeys.caller(SliceKeys.ADMIN), "nobody"))
                .willThrow(ApiProblem.notFound("learnerId", "nobody", "learnerId: no learner 'nobody'"));

        mvc.perform(as(SliceKeys.ADMIN, get("/v1/learners/nobody/export")))
                .andExpect(Refusals.problem(HttpStatus.NOT_FOUND, "learnerId", "nobody"));
    }

    @Test
    void aTeacherMayNeitherExportNorEraseALearner() throws Exception {
        mvc.perform(as(SliceKeys.TEACHER, delete("/v1/learners/maya")))
                .andExpect(Refusals.forbidden("teacher", "DELETE /v1/learners/maya", "allowed to admin only"));
        mvc.perform(as(SliceKeys.PLATFORM, get("/v1/learners/maya/export")))
                .andExpect(Refusals.forbidden("platform", "GET /v1/learners/maya/export", "allowed to admin only"));

        verifyNoInteractions(exports, erasure);
    }
}
