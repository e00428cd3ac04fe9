package dev.pathwise.api.evidence;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.ApiKeyAuthenticator;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.Role;

/** The HTTP contract of {@code /v1/evidence}: status codes, problem+json with field and value, roles. */
@WebMvcTest(EvidenceController.class)
class EvidenceControllerTest {

    private static final String EVIDENCE = """
            {"id": "e-1", "learnerId": "ana", "competencyId": "ratio.concept",
             "score": {"raw": 7, "min": 0, "max": 10}, "kind": "FORMATIVE"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EvidenceService evidence;

    @MockitoBean
    ApiKeyAuthenticator authenticator;

    @BeforeEach
    void keys() {
        given(authenticator.authenticate(any())).willReturn(Optional.empty());
        given(authenticator.authenticate("platform")).willReturn(Optional.of(new Caller("t1", Role.PLATFORM, "p")));
        given(authenticator.authenticate("teacher")).willReturn(Optional.of(new Caller("t1", Role.TEACHER, "t")));
    }

    @Test
    void acceptedEvidenceAnswersWithThePathUpdate() throws Exception {
        given(evidence.ingest(eq("t1"), any())).willReturn(new EvidenceResult(new PathUpdateJson("ana", "e-1",
                "district-default@1.0.0", Instant.parse("2026-01-01T00:00:00Z"), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, List.of()), false));

        mvc.perform(post("/v1/evidence").header("X-Api-Key", "platform").contentType(MediaType.APPLICATION_JSON)
                        .content(EVIDENCE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidenceId").value("e-1"))
                .andExpect(jsonPath("$.policyVersion").value("district-default@1.0.0"));
    }

    @Test
    void withoutKeyIs401ProblemJson() throws Exception {
        mvc.perform(post("/v1/evidence").contentType(MediaType.APPLICATION_JSON).content(EVIDENCE))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("X-Api-Key"));
    }

    @Test
    void unknownKeyIs401() throws Exception {
        mvc.perform(post("/v1/evidence").header("X-Api-Key", "nope").contentType(MediaType.APPLICATION_JSON)
                        .content(EVIDENCE))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void teacherMayNotSendEvidence() throws Exception {
        mvc.perform(post("/v1/evidence").header("X-Api-Key", "teacher").contentType(MediaType.APPLICATION_JSON)
                        .content(EVIDENCE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.value").value("teacher"));
    }

    @Test
    void malformedJsonIs400ProblemNamingTheBody() throws Exception {
        mvc.perform(post("/v1/evidence").header("X-Api-Key", "platform").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("body"));
    }

    @Test
    void wrongTypeNamesTheFieldAndValue() throws Exception {
        mvc.perform(post("/v1/evidence").header("X-Api-Key", "platform").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\": \"e-1\", \"score\": {\"raw\": \"seven\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("score.raw"))
                .andExpect(jsonPath("$.value").value("seven"));
    }

    @Test
    void scoreOutOfScaleIs400WithFieldAndValue() throws Exception {
        given(evidence.ingest(eq("t1"), any())).willThrow(ApiProblem.invalid("score.raw", 12.0,
                "score.raw: 12.0 is outside the scale 0.0..10.0"));

        mvc.perform(post("/v1/evidence").header("X-Api-Key", "platform").contentType(MediaType.APPLICATION_JSON)
                        .content(EVIDENCE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("score.raw"))
                .andExpect(jsonPath("$.value").value(12.0))
                .andExpect(jsonPath("$.type").value("https://pathwise.dev/problems/invalid-input"));
    }

    @Test
    void unknownLearnerIs404() throws Exception {
        given(evidence.ingest(eq("t1"), any())).willThrow(ApiProblem.notFound("learnerId", "ana", "no learner"));

        mvc.perform(post("/v1/evidence").header("X-Api-Key", "platform").contentType(MediaType.APPLICATION_JSON)
                        .content(EVIDENCE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("learnerId"))
                .andExpect(jsonPath("$.value").value("ana"));
    }

    @Test
    void oversizeBatchIs413NamingTheLimit() throws Exception {
        given(evidence.ingestBatch(eq("t1"), any())).willThrow(new ApiProblem(
                org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "batch-too-large", "items", 1001,
                "items: a batch holds at most 1000 pieces of evidence", null));

        mvc.perform(post("/v1/evidence/batch").header("X-Api-Key", "platform")
                        .contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.value").value(1001));
    }
}
