package dev.pathwise.api.evidence;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/learners/{id}/verify}, admins only: the learner's stored state against a fresh replay. */
@RestController
@RequiresRole(Role.ADMIN)
public class VerificationController {

    private final LearnerVerification verification;

    public VerificationController(LearnerVerification verification) {
        this.verification = verification;
    }

    @Operation(operationId = "verifyLearner", summary = "Check a learner's stored state against a replay")
    @GetMapping("/v1/learners/{id}/verify")
    public LearnerVerification.Verification verify(Caller caller, @PathVariable String id) {
        return verification.verify(caller.tenantId(), id);
    }
}
