package dev.pathwise.api.policy;

import static dev.pathwise.api.testing.SliceRequests.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.policy.BandParameters;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.EffectivePolicy;
import dev.pathwise.engine.policy.EffectiveRuleFile;
import dev.pathwise.engine.policy.RuleFile;
import dev.pathwise.engine.policy.parameters.ParameterValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code GET /v1/learners/{id}/effective-policy}: every value with the layer that set it. */
@ControllerSlice(EffectivePolicyController.class)
class EffectivePolicyControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    LearnerRepository learners;

    @MockitoBean
    TenantPolicies policies;

    @Test
    void thePolicyOfTheLearnersBandAndSchoolIsAnsweredWithTheSourceOfEachValue() throws Exception {
        given(learners.require(SliceKeys.TENANT, "maya"))
                .willReturn(new StoredLearner(
                        SliceKeys.TENANT,
                        LearnerSnapshot.fresh(LearnerProfile.basic("maya", 6, "north-middle")),
                        1,
                        0));
        BandParameters parameters = mock(BandParameters.class);
        given(parameters.sources())
                .willReturn(Map.of("masteryThreshold", new ParameterValue(0.85, "parameters.yaml", 4, "north-middle")));
        CompiledPolicy policy = mock(CompiledPolicy.class);
        given(policy.resolve(GradeBand.G6_8, "north-middle"))
                .willReturn(new EffectivePolicy(
                        "district-default",
                        "2026.3",
                        GradeBand.G6_8,
                        "north-middle",
                        parameters,
                        List.of(new EffectiveRuleFile(
                                new RuleFile("mastery.drl", "package x;"), "north-middle", "district")),
                        null));
        given(policies.active(SliceKeys.TENANT)).willReturn(policy);

        mvc.perform(as(SliceKeys.TEACHER, get("/v1/learners/maya/effective-policy")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                                {"learnerId": "maya", "grade": 6, "gradeBand": "6-8", "schoolId": "north-middle",
                                 "overlay": "north-middle", "policyVersion": "district-default@2026.3",
                                 "parameters": [{"name": "masteryThreshold", "value": 0.85, "layer": "north-middle",
                                   "file": "parameters.yaml", "line": 4}],
                                 "ruleFiles": [{"path": "mastery.drl", "layer": "north-middle",
                                   "replaces": "district"}]}""", JsonCompareMode.STRICT));
    }

    @Test
    void anUnknownLearnerIs404NamingTheId() throws Exception {
        given(learners.require(SliceKeys.TENANT, "nobody"))
                .willThrow(ApiProblem.notFound("learnerId", "nobody", "learnerId: no learner 'nobody'"));

        mvc.perform(as(SliceKeys.CURRICULUM, get("/v1/learners/nobody/effective-policy")))
                .andExpect(Refusals.problem(HttpStatus.NOT_FOUND, "learnerId", "nobody"));

        verify(policies, never()).active(any());
    }

    @Test
    void thePlatformMayNotReadAnEffectivePolicy() throws Exception {
        mvc.perform(as(SliceKeys.PLATFORM, get("/v1/learners/maya/effective-policy")))
                .andExpect(Refusals.forbidden(
                        "platform",
                        "GET /v1/learners/maya/effective-policy",
                        "allowed: teacher, curriculum and admin"));

        verifyNoInteractions(learners);
        verify(policies, never()).active(any());
    }
}
