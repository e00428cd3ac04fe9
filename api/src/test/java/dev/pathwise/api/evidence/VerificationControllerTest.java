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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code GET /v1/learners/{id}/verify}: admins only, the comparison with the replay whole. */
@ControllerSlice(VerificationController.class)
class VerificationControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LearnerVerification verification;

    @Test
    void aMismatchNamesTheCompetenciesAndTheEvidence() throws Exception {
        given(verification.verify(SliceKeys.TENANT, "maya"))
                .willReturn(new LearnerVerification.Verification(
                        "maya", 7, 2, 2, 2, false, List.of("ratio.tables"), List.of("e-1", "e-2")));

        mvc.perform(as(SliceKeys.ADMIN, get("/v1/learners/maya/verify")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                                {"learnerId": "maya", "version": 7, "evidenceCount": 2, "distinctEvidenceIds": 2,
                                 "evidenceRows": 2, "matchesReplay": false, "mismatchedCompetencies": ["ratio.tables"],
                                 "evidenceIds": ["e-1", "e-2"]}""", JsonCompareMode.STRICT));
    }

    @Test
    void onlyAnAdminMayVerify() throws Exception {
        mvc.perform(as(SliceKeys.TEACHER, get("/v1/learners/maya/verify")))
                .andExpect(Refusals.forbidden("teacher", "GET /v1/learners/maya/verify", "allowed to admin only"));
        mvc.perform(get("/v1/learners/maya/verify")).andExpect(Refusals.withoutKey());

        verifyNoInteractions(verification);
    }
}
