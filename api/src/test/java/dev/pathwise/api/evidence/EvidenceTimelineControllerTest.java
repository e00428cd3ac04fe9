package dev.pathwise.api.evidence;

import static dev.pathwise.api.testing.SliceRequests.as;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

/** The HTTP contract of {@code GET /v1/learners/{id}/evidence}: the page asked for and the next page's start. */
@ControllerSlice(EvidenceTimelineController.class)
class EvidenceTimelineControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EvidenceTimeline timeline;

    @Test
    void aPageOlderThanBeforeIsAnsweredWithEveryFieldOfItsEvidence() throws Exception {
        Instant at = Instant.parse("2026-10-01T10:00:00Z");
        given(timeline.page(SliceKeys.TENANT, "maya", 40L, 1))
                .willReturn(new EvidenceTimeline.Page(
                        "maya",
                        41,
                        List.of(new EvidenceTimeline.Entry(
                                39,
                                "e-39",
                                "ratio.concept",
                                null,
                                9,
                                0,
                                10,
                                "FORMATIVE",
                                "lms",
                                at,
                                at,
                                "district-default@1.0.0",
                                "evaluated",
                                null,
                                null,
                                List.of(),
                                List.of())),
                        39L));

        mvc.perform(as(SliceKeys.TEACHER, get("/v1/learners/maya/evidence?before=40&limit=1")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                                {"learnerId": "maya", "total": 41, "nextBefore": 39, "evidence": [
                                  {"seq": 39, "evidenceId": "e-39", "competencyId": "ratio.concept",
                                   "raw": 9.0, "min": 0.0, "max": 10.0, "kind": "FORMATIVE", "source": "lms",
                                   "observedAt": "2026-10-01T10:00:00Z", "receivedAt": "2026-10-01T10:00:00Z",
                                   "policyVersion": "district-default@1.0.0", "status": "evaluated",
                                   "masteryChanges": [], "flags": []}]}""", JsonCompareMode.STRICT));
    }

    @Test
    void aBeforeThatIsNoSeqIs400NamingItAndTheValue() throws Exception {
        mvc.perform(as(SliceKeys.PLATFORM, get("/v1/learners/maya/evidence?before=yesterday")))
                .andExpect(Refusals.invalid("before", "yesterday"));

        verifyNoInteractions(timeline);
    }

    @Test
    void aCurriculumKeyMayNotReadATimeline() throws Exception {
        mvc.perform(as(SliceKeys.CURRICULUM, get("/v1/learners/maya/evidence")))
                .andExpect(Refusals.forbidden(
                        "curriculum", "GET /v1/learners/maya/evidence", "allowed: platform, teacher and admin"));

        verifyNoInteractions(timeline);
    }
}
