package dev.pathwise.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.SliceKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The HTTP contract of {@code /v1/evidence}: who may send, what a refusal names, what a batch answers. */
@ControllerSlice(EvidenceController.class)
@org.springframework.context.annotation.Import(EvidenceItems.class)
class EvidenceControllerTest {

    private static final String PIECE = """
            {"id": "e-1", "learnerId": "ana", "competencyId": "ratio.concept",
             "score": {"raw": 9, "min": 0, "max": 10}, "kind": "FORMATIVE", "source": "lms"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EvidenceService evidence;

    @MockitoBean
    EvidenceStatus statuses;

    /** An update without changes or steps, as the service answers for evidence that changed nothing. */
    static PathUpdateJson update(String learnerId, String evidenceId) {
        return new PathUpdateJson(
                learnerId,
                evidenceId,
                "district-default@1.0.0",
                Instant.parse("2026-10-01T10:00:00Z"),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                null);
    }

    private static MockHttpServletRequestBuilder postJson(String path, String key, String body) {
        MockHttpServletRequestBuilder request =
                post(path).contentType(MediaType.APPLICATION_JSON).content(body);
        return key == null ? request : request.header("X-Api-Key", key);
    }

    @Test
    void evidenceOfThePlatformIsIngestedForItsTenantAndAnsweredWithThePathUpdate() throws Exception {
        given(evidence.ingest(eq(SliceKeys.TENANT), any())).willReturn(new EvidenceResult(update("ana", "e-1"), false));

        mvc.perform(postJson("/v1/evidence", SliceKeys.PLATFORM, PIECE))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.learnerId").value("ana"))
                .andExpect(jsonPath("$.evidenceId").value("e-1"))
                .andExpect(jsonPath("$.policyVersion").value("district-default@1.0.0"));

        ArgumentCaptor<EvidenceRequest> sent = ArgumentCaptor.forClass(EvidenceRequest.class);
        verify(evidence).ingest(eq(SliceKeys.TENANT), sent.capture());
        assertThat(sent.getValue().id()).isEqualTo("e-1");
        assertThat(sent.getValue().competencyId()).isEqualTo("ratio.concept");
        assertThat(sent.getValue().score().raw()).isEqualTo(9.0);
        assertThat(sent.getValue().score().max()).isEqualTo(10.0);
    }

    @Test
    void evidenceNeitherStoredNorRefusedIsA404ProblemSayingItMayBePending() throws Exception {
        given(statuses.of(SliceKeys.TENANT, "e-9"))
                .willThrow(new dev.pathwise.api.problem.ApiProblem(
                        org.springframework.http.HttpStatus.NOT_FOUND,
                        "evidence-pending",
                        "id",
                        "e-9",
                        "id: evidence 'e-9' is neither stored nor refused",
                        null));

        mvc.perform(get("/v1/evidence/e-9").header("X-Api-Key", SliceKeys.PLATFORM))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/evidence-pending")))
                .andExpect(jsonPath("$.field").value("id"));
    }

    @Test
    void storedEvidenceIsReadByIdWithItsUpdate() throws Exception {
        given(statuses.of(SliceKeys.TENANT, "e-1"))
                .willReturn(new EvidenceStatus.EvidenceStatusJson("e-1", "stored", update("ana", "e-1"), null));

        mvc.perform(get("/v1/evidence/e-1").header("X-Api-Key", SliceKeys.PLATFORM))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("stored"))
                .andExpect(jsonPath("$.update.evidenceId").value("e-1"));
    }

    @Test
    void anAdminMaySendEvidence() throws Exception {
        given(evidence.ingest(eq(SliceKeys.TENANT), any())).willReturn(new EvidenceResult(update("ana", "e-1"), false));

        mvc.perform(postJson("/v1/evidence", SliceKeys.ADMIN, PIECE)).andExpect(status().isOk());

        verify(evidence).ingest(eq(SliceKeys.TENANT), any());
    }

    @Test
    void noKeyAndAnUnknownKeyAre401ProblemsThatSayWhatToSend() throws Exception {
        mvc.perform(postJson("/v1/evidence", null, PIECE))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail")
                        .value("header X-Api-Key is missing; send the API key of your" + " tenant"));
        mvc.perform(postJson("/v1/evidence", "no-such-key", PIECE))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail")
                        .value("the API key in X-Api-Key is unknown; check it or ask your" + " admin for a key"));

        verifyNoInteractions(evidence);
    }

    @Test
    void aTeacherKeyIsRefused403NamingTheRoleAndTheRolesAllowed() throws Exception {
        mvc.perform(postJson("/v1/evidence", SliceKeys.TEACHER, PIECE))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.value").value("teacher"))
                .andExpect(jsonPath("$.detail")
                        .value("role 'teacher' may not call POST /v1/evidence; allowed:" + " platform and admin"));

        verifyNoInteractions(evidence);
    }

    @Test
    void malformedJsonIs400NamingTheBody() throws Exception {
        mvc.perform(postJson("/v1/evidence", SliceKeys.PLATFORM, "{\"id\": \"e-bad\", "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("body"));

        verifyNoInteractions(evidence);
    }

    @Test
    void aScoreOfTheWrongTypeIs400NamingTheFieldAndTheValue() throws Exception {
        mvc.perform(postJson(
                        "/v1/evidence",
                        SliceKeys.PLATFORM,
                        "{\"id\": \"e-bad\", \"learnerId\": \"ana\", \"score\": {\"raw\": \"seven\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("score.raw"))
                .andExpect(jsonPath("$.value").value("seven"));

        verifyNoInteractions(evidence);
    }

    @Test
    void anUnknownFieldIs400NamingIt() throws Exception {
        mvc.perform(postJson(
                        "/v1/evidence",
                        SliceKeys.PLATFORM,
                        PIECE.replace("\"kind\"", "\"colour\": \"red\"," + " \"kind\"")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("colour"));

        verifyNoInteractions(evidence);
    }

    @Test
    void aWildcardContentTypeIs415NamingTheHeader() throws Exception {
        mvc.perform(post("/v1/evidence")
                        .header("X-Api-Key", SliceKeys.PLATFORM)
                        .contentType("application/*")
                        .content(PIECE))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("Content-Type"))
                .andExpect(jsonPath("$.value").value("application/*"));

        verifyNoInteractions(evidence);
    }

    @Test
    void aRefusalOfTheServiceIsAProblemWithItsStatusFieldAndValue() throws Exception {
        given(evidence.ingest(eq(SliceKeys.TENANT), any()))
                .willThrow(ApiProblem.notFound("learnerId", "nobody", "learnerId: no learner 'nobody' in this tenant"));

        mvc.perform(postJson("/v1/evidence", SliceKeys.PLATFORM, PIECE.replace("\"ana\"", "\"nobody\"")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("learnerId"))
                .andExpect(jsonPath("$.value").value("nobody"))
                .andExpect(jsonPath("$.detail").value("learnerId: no learner 'nobody' in this tenant"));
    }

    @Test
    void aBatchIsAnsweredWithItsCountsAndAResultPerItemAndAnItemThatIsNoObjectIsNamedByItsIndex() throws Exception {
        given(evidence.batchLimit()).willReturn(1000);
        ProblemDetail refused = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "items[1]: is a JSON" + " number; send an evidence object");
        given(evidence.ingestBatch(eq(SliceKeys.TENANT), anyList()))
                .willReturn(List.of(
                        new BatchItemResult(0, "e-1", 200, false, update("ana", "e-1"), null),
                        new BatchItemResult(1, null, 400, false, null, refused)));

        mvc.perform(postJson("/v1/evidence/batch", SliceKeys.PLATFORM, "{\"items\": [" + PIECE + ", 7]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").value(2))
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.refused").value(1))
                .andExpect(jsonPath("$.results[0].update.evidenceId").value("e-1"))
                .andExpect(jsonPath("$.results[1].status").value(400));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<BatchItem>> items = ArgumentCaptor.forClass(List.class);
        verify(evidence).ingestBatch(eq(SliceKeys.TENANT), items.capture());
        assertThat(items.getValue()).hasSize(2);
        assertThat(items.getValue().get(0).request().learnerId()).isEqualTo("ana");
        assertThat(items.getValue().get(0).unreadable()).isNull();
        assertThat(items.getValue().get(1).request()).isNull();
        assertThat(items.getValue().get(1).unreadable().field()).isEqualTo("items[1]");
        assertThat(items.getValue().get(1).unreadable().getMessage())
                .isEqualTo("items[1]: is a JSON number; send" + " an evidence object");
    }

    @Test
    void aBatchOverTheLimitIs413NamingTheLimitAndTheCount() throws Exception {
        given(evidence.batchLimit()).willReturn(2);

        mvc.perform(postJson("/v1/evidence/batch", SliceKeys.PLATFORM, "[" + PIECE + ", " + PIECE + ", " + PIECE + "]"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("items"))
                .andExpect(jsonPath("$.value").value(3))
                .andExpect(jsonPath("$.detail")
                        .value("items: a batch holds at most 2 pieces of evidence; this one"
                                + " has 3. Split it into batches of 2 or fewer"));

        verify(evidence, never()).ingestBatch(any(), anyList());
    }

    @Test
    void aBatchThatIsNeitherAnArrayNorAnObjectWithItemsIs400NamingItems() throws Exception {
        mvc.perform(postJson("/v1/evidence/batch", SliceKeys.PLATFORM, PIECE))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("items"));

        verify(evidence, never()).ingestBatch(any(), anyList());
    }

    @Test
    void aBatchAskingForTheSummaryAnswersEachItemsOutcomeWithoutItsExplanations() throws Exception {
        given(evidence.batchLimit()).willReturn(1000);
        PathUpdateJson.ExplanationJson why = new PathUpdateJson.ExplanationJson("a rule", "a sentence");
        PathUpdateJson full = new PathUpdateJson(
                "ana",
                "e-1",
                "district-default@1.0.0",
                Instant.parse("2026-10-01T10:00:00Z"),
                List.of(new PathUpdateJson.MasteryChangeJson(
                        "ratio.concept",
                        "APPROACHING",
                        "MASTERED",
                        0.7,
                        0.85,
                        "decaying_average",
                        4,
                        "text",
                        why,
                        List.of())),
                List.of(new PathUpdateJson.EventJson("ratio.rates", why)),
                List.of(),
                List.of(new PathUpdateJson.FlagJson("STRUGGLING", "ratio.tables", null, 3, null, why)),
                List.of(
                        new PathUpdateJson.NextStepJson(
                                1, "act-7", "ratio.rates", "PRACTICE", null, null, false, false, List.of("r")),
                        new PathUpdateJson.NextStepJson(
                                2, "act-3", "ratio.tables", "PRACTICE", null, null, false, true, List.of("r"))),
                List.of(),
                null,
                List.of(new PathUpdateJson.RuleFiringJson("a rule", "mastery")),
                null);
        given(evidence.ingestBatch(eq(SliceKeys.TENANT), anyList()))
                .willReturn(List.of(new BatchItemResult(0, "e-1", 200, true, full, null)));

        mvc.perform(postJson("/v1/evidence/batch?answer=summary", SliceKeys.PLATFORM, "[" + PIECE + "]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.results[0].replayed").value(true))
                .andExpect(jsonPath("$.results[0].update").doesNotExist())
                .andExpect(jsonPath("$.results[0].summary.learnerId").value("ana"))
                .andExpect(jsonPath("$.results[0].summary.policyVersion").value("district-default@1.0.0"))
                .andExpect(jsonPath("$.results[0].summary.masteryChanges[0].competencyId")
                        .value("ratio.concept"))
                .andExpect(
                        jsonPath("$.results[0].summary.masteryChanges[0].from").value("APPROACHING"))
                .andExpect(jsonPath("$.results[0].summary.masteryChanges[0].to").value("MASTERED"))
                .andExpect(
                        jsonPath("$.results[0].summary.masteryChanges[0].score").value(0.85))
                .andExpect(
                        jsonPath("$.results[0].summary.masteryChanges[0].why").doesNotExist())
                .andExpect(jsonPath("$.results[0].summary.unlocked[0]").value("ratio.rates"))
                .andExpect(jsonPath("$.results[0].summary.flags[0].kind").value("STRUGGLING"))
                .andExpect(
                        jsonPath("$.results[0].summary.flags[0].competencyId").value("ratio.tables"))
                .andExpect(jsonPath("$.results[0].summary.nextSteps[0]").value("act-7"))
                .andExpect(jsonPath("$.results[0].summary.nextSteps[1]").value("act-3"));
    }

    @Test
    void anUnknownAnswerFormIs400NamingTheParameterAndItsValueAndNothingIsIngested() throws Exception {
        mvc.perform(postJson("/v1/evidence/batch?answer=short", SliceKeys.PLATFORM, "[" + PIECE + "]"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("answer"))
                .andExpect(jsonPath("$.value").value("short"))
                .andExpect(jsonPath("$.detail").value("answer: 'short' is not an answer form; use full or summary"));

        verify(evidence, never()).ingestBatch(any(), anyList());
    }
}
