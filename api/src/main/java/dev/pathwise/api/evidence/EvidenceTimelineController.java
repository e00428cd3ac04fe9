package dev.pathwise.api.evidence;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/learners/{id}/evidence}: the learner's evidence timeline, newest first, a page at a time. */
@RestController
@RequiresRole({Role.TEACHER, Role.PLATFORM})
public class EvidenceTimelineController {

    private final EvidenceTimeline timeline;

    public EvidenceTimelineController(EvidenceTimeline timeline) {
        this.timeline = timeline;
    }

    /** {@code limit} pieces (1 to 200, default 50) older than {@code before} (a {@code seq}; the newest without). */
    @Operation(
            operationId = "listLearnerEvidence",
            summary = "The learner's evidence timeline",
            description = "Newest first, a page at a time.")
    @GetMapping("/v1/learners/{id}/evidence")
    public EvidenceTimeline.Page evidence(
            Caller caller,
            @PathVariable String id,
            @RequestParam(name = "before", required = false) Long before,
            @RequestParam(name = "limit", defaultValue = "50") int limit) {
        return timeline.page(caller.tenantId(), id, before, limit);
    }
}
