package dev.pathwise.api.policy;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;

/** {@code /v1/policies}: the tenant's active policy, its files and parameters. */
@RestController
@RequestMapping("/v1/policies")
@RequiresRole({Role.CURRICULUM, Role.TEACHER})
public class PolicyController {

    private final PolicyService policies;

    public PolicyController(PolicyService policies) {
        this.policies = policies;
    }

    @GetMapping
    public List<PolicyService.PolicySummary> list(Caller caller) {
        return policies.list(caller.tenantId());
    }

    @GetMapping("/{id}")
    public PolicyService.PolicyDetail get(Caller caller, @PathVariable String id) {
        return policies.get(caller.tenantId(), id);
    }
}
