package dev.pathwise.api.privacy;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A learner's export and erasure, for admins. */
@RestController
@RequiresRole(Role.ADMIN)
public class PrivacyController {

    private final LearnerExport exports;
    private final LearnerErasure erasure;

    public PrivacyController(LearnerExport exports, LearnerErasure erasure) {
        this.exports = exports;
        this.erasure = erasure;
    }

    @Operation(operationId = "exportLearner", summary = "Export everything stored about a learner")
    @GetMapping("/v1/learners/{id}/export")
    public LearnerExport.Export export(Caller caller, @PathVariable String id) {
        return exports.export(caller, id);
    }

    @Operation(
            operationId = "eraseLearner",
            summary = "Erase a learner",
            description =
                    "Evidence, overrides, enrollments, xAPI actors and parked statements, roster links and the learner; a tombstone without personal data records when and by whom.")
    @DeleteMapping("/v1/learners/{id}")
    public LearnerErasure.Erasure erase(Caller caller, @PathVariable String id) {
        return erasure.erase(caller, id);
    }
}
