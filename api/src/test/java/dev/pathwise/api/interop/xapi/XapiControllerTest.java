package dev.pathwise.api.interop.xapi;

import static dev.pathwise.api.testing.SliceRequests.as;
import static dev.pathwise.api.testing.SliceRequests.json;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.evidence.EvidenceRepository;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.LearnerScope;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The HTTP contract of {@code /v1/xapi}: the xAPI version header both ways, one statement read back as it was sent,
 * a teacher's reach, the parked statements and who may change the mappings.
 */
@ControllerSlice(XapiController.class)
class XapiControllerTest {

    private static final String ID = "6f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0";
    private static final String STATEMENT = "{\"id\": \"" + ID + "\", \"result\": {\"score\": {\"scaled\": 0.850}}}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    XapiStatementService statements;

    @MockitoBean
    XapiMappings mappings;

    @MockitoBean
    EvidenceRepository evidence;

    @MockitoBean
    LearnerScope scope;

    @Test
    void statementsOfVersion1_0AreReceivedAsSentAndAnsweredWithTheVersionThisServiceSpeaks() throws Exception {
        given(statements.receive(SliceKeys.TENANT, STATEMENT))
                .willReturn(new XapiStatementService.StatementsResponse(1, 1, 0, 0, 0, List.of(ID), List.of()));

        mvc.perform(json(SliceKeys.PLATFORM, post("/v1/xapi/statements"), STATEMENT)
                        .header("X-Experience-API-Version", "1.0.1"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Experience-API-Version", "1.0.3"))
                .andExpect(content()
                        .json(
                                "{\"statements\": 1, \"stored\": 1, \"voided\": 0, \"parked\": 0, \"conflicts\": 0,"
                                        + " \"ids\": [\"" + ID + "\"], \"results\": []}",
                                JsonCompareMode.STRICT));
    }

    @Test
    void withoutTheVersionHeaderOrWithAnotherVersionStatementsAre400NamingTheHeader() throws Exception {
        mvc.perform(json(SliceKeys.PLATFORM, post("/v1/xapi/statements"), STATEMENT))
                .andExpect(Refusals.invalid("X-Experience-API-Version", null))
                .andExpect(jsonPath("$.detail")
                        .value("header X-Experience-API-Version is required by xAPI; send X-Experience-API-Version:"
                                + " 1.0.3"));
        mvc.perform(json(SliceKeys.PLATFORM, post("/v1/xapi/statements"), STATEMENT)
                        .header("X-Experience-API-Version", "0.95"))
                .andExpect(Refusals.invalid("X-Experience-API-Version", "0.95"));

        verifyNoInteractions(statements);
    }

    @Test
    void oneStatementIsReadBackWithTheDigitsItWasSentWith() throws Exception {
        given(statements.statement(SliceKeys.TENANT, ID, false)).willReturn(STATEMENT);

        mvc.perform(as(SliceKeys.CURRICULUM, get("/v1/xapi/statements?statementId=" + ID)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Experience-API-Version", "1.0.3"))
                .andExpect(header().string("Content-Type", "application/json"))
                .andExpect(content().string(STATEMENT));
    }

    @Test
    void bothIdsOrNeitherAre400NamingStatementIdAndAnIdThatIsNoUuidNamesItsParameter() throws Exception {
        mvc.perform(as(SliceKeys.PLATFORM, get("/v1/xapi/statements")))
                .andExpect(Refusals.invalid("statementId", null));
        mvc.perform(as(SliceKeys.PLATFORM, get("/v1/xapi/statements?statementId=" + ID + "&voidedStatementId=" + ID)))
                .andExpect(Refusals.invalid("statementId", ID));
        mvc.perform(as(SliceKeys.PLATFORM, get("/v1/xapi/statements?voidedStatementId=s-1")))
                .andExpect(Refusals.invalid("voidedStatementId", "s-1"));

        verifyNoInteractions(statements);
    }

    @Test
    void aTeacherAskingForAStatementAboutALearnerOfAnotherClassGetsA404() throws Exception {
        given(evidence.learnerOf(SliceKeys.TENANT, ID)).willReturn(Optional.of("zoe"));
        willThrow(LearnerRepository.unknown("zoe"))
                .given(scope)
                .requireVisible(SliceKeys.caller(SliceKeys.RIVERA), "zoe");

        mvc.perform(as(SliceKeys.RIVERA, get("/v1/xapi/statements?statementId=" + ID)))
                .andExpect(Refusals.problem(HttpStatus.NOT_FOUND, "statementId", ID))
                .andExpect(jsonPath("$.detail")
                        .value("statementId: no statement '" + ID + "' was received by this tenant"));

        verify(statements, never()).statement(any(), any(), anyBoolean());
    }

    @Test
    void theParkedStatementsOfAReasonAreCounted() throws Exception {
        given(statements.unmapped(SliceKeys.TENANT, "unknown-actor"))
                .willReturn(List.of(new XapiStatementService.Unmapped(
                        ID,
                        "unknown-actor",
                        "no learner for mailto:x@example.org",
                        "mailto:x@example.org",
                        "http://adlnet.gov/expapi/verbs/completed",
                        "https://lms.example.org/a/1",
                        Instant.parse("2026-10-01T10:00:00Z"),
                        null)));

        mvc.perform(as(SliceKeys.TEACHER, get("/v1/xapi/unmapped?reason=unknown-actor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.statements[0].statementId").value(ID))
                .andExpect(jsonPath("$.statements[0].reason").value("unknown-actor"));
    }

    @Test
    void aCurriculumKeyMayAlignActivitiesButNotMapActors() throws Exception {
        mvc.perform(json(SliceKeys.CURRICULUM, put("/v1/xapi/alignments"), "[]"))
                .andExpect(status().isOk());
        mvc.perform(json(SliceKeys.CURRICULUM, put("/v1/xapi/actors"), "[]"))
                .andExpect(Refusals.forbidden("curriculum", "PUT /v1/xapi/actors", "allowed: platform and admin"));

        verify(mappings).putAlignments(eq(SliceKeys.TENANT), any());
        verify(mappings, never()).putActors(any(), any());
    }
}
