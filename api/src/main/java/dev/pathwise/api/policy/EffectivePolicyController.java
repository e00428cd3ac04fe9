package dev.pathwise.api.policy;

import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.EffectivePolicy;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/learners/{id}/effective-policy}: the policy as it applies to one learner, every value sourced. */
@RestController
@RequiresRole({Role.TEACHER, Role.CURRICULUM})
public class EffectivePolicyController {

    private final LearnerRepository learners;
    private final TenantPolicies policies;

    public EffectivePolicyController(LearnerRepository learners, TenantPolicies policies) {
        this.learners = learners;
        this.policies = policies;
    }

    /**
     * The policy for one learner.
     *
     * @param overlay    the school whose overlay applies, {@code null} when the school has none (the district's)
     * @param parameters each parameter with its value and the layer, file and line that set it
     * @param ruleFiles  each rule file in force with its layer, and the layer whose file of that name it replaced
     */
    public record EffectivePolicyJson(
            String learnerId,
            int grade,
            String gradeBand,
            String schoolId,
            String overlay,
            String policyVersion,
            List<ParameterJson> parameters,
            List<RuleFileJson> ruleFiles) {}

    public record ParameterJson(String name, Object value, String layer, String file, int line) {}

    public record RuleFileJson(String path, String layer, String replaces) {}

    @Operation(
            operationId = "getEffectivePolicy",
            summary = "The policy as it applies to one learner",
            description = "Every parameter with the layer, file and line it comes from; the rule files in force.")
    @GetMapping("/v1/learners/{id}/effective-policy")
    public EffectivePolicyJson effectivePolicy(Caller caller, @PathVariable String id) {
        LearnerProfile profile =
                learners.require(caller.tenantId(), id).snapshot().profile();
        CompiledPolicy policy = policies.active(caller.tenantId());
        EffectivePolicy effective = policy.resolve(profile.gradeBand(), profile.schoolId());
        List<ParameterJson> parameters = effective.parameters().sources().entrySet().stream()
                .map(e -> new ParameterJson(
                        e.getKey(),
                        e.getValue().value(),
                        e.getValue().layer(),
                        e.getValue().file(),
                        e.getValue().line()))
                .toList();
        List<RuleFileJson> files = effective.ruleFiles().stream()
                .map(f -> new RuleFileJson(f.file().path(), f.layer(), f.replaces()))
                .toList();
        return new EffectivePolicyJson(
                profile.learnerId(),
                profile.grade(),
                profile.gradeBand().label(),
                profile.schoolId(),
                effective.schoolId(),
                effective.versionLabel(),
                parameters,
                files);
    }
}
