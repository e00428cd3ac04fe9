package dev.pathwise.api.learner;

import dev.pathwise.api.evidence.PathUpdateJson;
import dev.pathwise.api.learner.LearnerViews.LearnerJson;
import dev.pathwise.api.learner.LearnerViews.MasteryChartJson;
import dev.pathwise.api.learner.LearnerViews.PathwayJson;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/learners/{id}}: profile, next steps, pathway, mastery chart and teacher overrides. */
@RestController
@RequestMapping("/v1/learners/{id}")
@RequiresRole({Role.PLATFORM, Role.TEACHER})
public class LearnerController {

    private final LearnerService learners;
    private final OverrideService overrides;
    private final MasteryExplanation explanations;

    public LearnerController(LearnerService learners, OverrideService overrides, MasteryExplanation explanations) {
        this.learners = learners;
        this.overrides = overrides;
        this.explanations = explanations;
    }

    @Operation(operationId = "putLearner", summary = "Create or update a learner's profile")
    @PutMapping
    @RequiresRole(Role.PLATFORM)
    public LearnerJson put(Caller caller, @PathVariable String id, @RequestBody ProfileJson profile) {
        return learners.putProfile(caller.tenantId(), id, profile);
    }

    @Operation(
            operationId = "getLearner",
            summary = "Read a learner",
            description = "Profile, version of the stored state and how much evidence it rests on.")
    @GetMapping
    public LearnerJson get(Caller caller, @PathVariable String id) {
        return learners.get(caller.tenantId(), id);
    }

    @Operation(
            operationId = "getNextSteps",
            summary = "What the learner should do next",
            description = "The next steps with the reason for each, mastery, flags and unlocks.")
    @GetMapping("/next-steps")
    public PathUpdateJson nextSteps(Caller caller, @PathVariable String id) {
        return learners.nextSteps(caller.tenantId(), id);
    }

    @Operation(
            operationId = "getPathway",
            summary = "The learner's pathway",
            description = "Every competency with its status, level and the prerequisites still missing.")
    @GetMapping("/pathway")
    public PathwayJson pathway(Caller caller, @PathVariable String id) {
        return learners.pathway(caller.tenantId(), id);
    }

    @Operation(operationId = "getMasteryChart", summary = "The learner's mastery chart")
    @GetMapping("/mastery")
    public MasteryChartJson mastery(Caller caller, @PathVariable String id) {
        return learners.mastery(caller.tenantId(), id);
    }

    /** One cell of the mastery chart explained: the rule and values that decided it, or the override in force. */
    @Operation(
            operationId = "explainMastery",
            summary = "Why the learner is at this level",
            description = "The rule and values that decided it, or the override in force.")
    @GetMapping("/mastery/{competencyId}")
    public MasteryExplanation.CellJson explain(
            Caller caller, @PathVariable String id, @PathVariable String competencyId) {
        return explanations.explain(caller.tenantId(), id, competencyId);
    }

    @Operation(
            operationId = "overrideLearner",
            summary = "Override the rules for a learner",
            description = "Set a level, assign or remove a step; the rules' verdict is kept in the explanation.")
    @PostMapping("/overrides")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresRole(Role.TEACHER)
    public OverrideService.Applied override(Caller caller, @PathVariable String id, @RequestBody OverrideJson request) {
        return overrides.apply(caller, id, request);
    }

    @Operation(operationId = "listOverrides", summary = "List a learner's overrides")
    @GetMapping("/overrides")
    @RequiresRole(Role.TEACHER)
    public List<OverrideJson> overrides(Caller caller, @PathVariable String id) {
        return overrides.history(caller.tenantId(), id);
    }
}
