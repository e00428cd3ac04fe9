package dev.pathwise.api.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.learner.LearnerViews.LearnerJson;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.SliceKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code /v1/learners/{id}}: who may read, write and override, and what a refusal names. */
@ControllerSlice(LearnerController.class)
class LearnerControllerTest {

    private static final String PROFILE = "{\"grade\": 7, \"schoolId\": \"north\", \"planStart\": \"2025-09-01\"}";
    private static final String OVERRIDE = "{\"kind\": \"SET_LEVEL\", \"competencyId\": \"ratio.tables\","
            + " \"level\": \"MASTERED\", \"reason\": \"Showed it in class\"}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LearnerService learners;

    @MockitoBean
    OverrideService overrides;

    @MockitoBean
    MasteryExplanation explanations;

    private static LearnerJson ana() {
        ProfileJson profile = new ProfileJson(
                7,
                "north",
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                java.time.LocalDate.parse("2025-09-01"),
                null,
                null);
        return new LearnerJson("ana", "6-8", profile, 3, 2, 2, 0);
    }

    @Test
    void thePlatformPutsAProfileForItsTenantAndGetsTheLearnerBack() throws Exception {
        given(learners.putProfile(eq(SliceKeys.TENANT), eq("ana"), any())).willReturn(ana());

        mvc.perform(put("/v1/learners/ana")
                        .header("X-Api-Key", SliceKeys.PLATFORM)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PROFILE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.learnerId").value("ana"))
                .andExpect(jsonPath("$.gradeBand").value("6-8"))
                .andExpect(jsonPath("$.profile.schoolId").value("north"));

        ArgumentCaptor<ProfileJson> sent = ArgumentCaptor.forClass(ProfileJson.class);
        verify(learners).putProfile(eq(SliceKeys.TENANT), eq("ana"), sent.capture());
        assertThat(sent.getValue().grade()).isEqualTo(7);
        assertThat(sent.getValue().planStart()).hasToString("2025-09-01");
    }

    @Test
    void aTeacherReadsALearnerButMayNotWriteTheProfile() throws Exception {
        given(learners.get(SliceKeys.TENANT, "ana")).willReturn(ana());

        mvc.perform(get("/v1/learners/ana").header("X-Api-Key", SliceKeys.TEACHER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.evidenceCount").value(2));
        mvc.perform(put("/v1/learners/ana")
                        .header("X-Api-Key", SliceKeys.TEACHER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PROFILE))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.value").value("teacher"))
                .andExpect(jsonPath("$.detail")
                        .value("role 'teacher' may not call PUT /v1/learners/ana; allowed:" + " platform and admin"));

        verify(learners).get(SliceKeys.TENANT, "ana");
        verify(learners, org.mockito.Mockito.never()).putProfile(any(), any(), any());
    }

    @Test
    void aCurriculumKeyMayNotReadALearner() throws Exception {
        mvc.perform(get("/v1/learners/ana/mastery").header("X-Api-Key", SliceKeys.CURRICULUM))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.value").value("curriculum"));

        verifyNoInteractions(learners);
    }

    @Test
    void anOverrideOfATeacherIsCreated201AndThePlatformMayNotOverride() throws Exception {
        OverrideJson applied = new OverrideJson(
                "o-1",
                "SET_LEVEL",
                "ratio.tables",
                null,
                "MASTERED",
                "teachers",
                "Showed it in class",
                Instant.parse("2026-10-01T10:00:00Z"),
                null);
        given(overrides.apply(any(Caller.class), eq("ana"), any()))
                .willReturn(new OverrideService.Applied(applied, null));

        mvc.perform(post("/v1/learners/ana/overrides")
                        .header("X-Api-Key", SliceKeys.TEACHER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(OVERRIDE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.override.id").value("o-1"))
                .andExpect(jsonPath("$.override.reason").value("Showed it in class"));
        mvc.perform(post("/v1/learners/ana/overrides")
                        .header("X-Api-Key", SliceKeys.PLATFORM)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(OVERRIDE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.value").value("platform"));

        ArgumentCaptor<Caller> caller = ArgumentCaptor.forClass(Caller.class);
        ArgumentCaptor<OverrideJson> request = ArgumentCaptor.forClass(OverrideJson.class);
        verify(overrides).apply(caller.capture(), eq("ana"), request.capture());
        assertThat(caller.getValue().tenantId()).isEqualTo(SliceKeys.TENANT);
        assertThat(caller.getValue().author()).isEqualTo("teachers");
        assertThat(request.getValue().level()).isEqualTo("MASTERED");
    }

    @Test
    void aGradeOfTheWrongTypeIs400NamingTheFieldAndTheValue() throws Exception {
        mvc.perform(put("/v1/learners/ana")
                        .header("X-Api-Key", SliceKeys.PLATFORM)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grade\": \"seven\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("grade"))
                .andExpect(jsonPath("$.value").value("seven"));

        verifyNoInteractions(learners);
    }

    @Test
    void anUnknownLearnerIs404NamingTheId() throws Exception {
        given(learners.pathway(SliceKeys.TENANT, "nobody"))
                .willThrow(ApiProblem.notFound("learnerId", "nobody", "learnerId: no learner 'nobody' in this tenant"));

        mvc.perform(get("/v1/learners/nobody/pathway").header("X-Api-Key", SliceKeys.TEACHER))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("learnerId"))
                .andExpect(jsonPath("$.value").value("nobody"));
    }
}
