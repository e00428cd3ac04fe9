package dev.pathwise.api.audit;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/audit}: the tenant's audit trail, for admins, a page at a time ({@code after} the last seq). */
@RestController
@RequestMapping("/v1/audit")
@RequiresRole(Role.ADMIN)
public class AuditController {

    static final int MAX_PAGE = 1000;

    private final AuditTrail audit;

    public AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    /** A page of events; {@code next} is the {@code after} of the next page, or null at the end. */
    public record Page(List<AuditTrail.Event> events, Long next) {}

    @Operation(
            operationId = "listAuditEvents",
            summary = "Read the audit trail",
            description = "A page at a time after the last seq.")
    @GetMapping
    public Page events(
            Caller caller,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiProblem.invalid("limit", limit, "limit: " + limit + " must be between 1 and " + MAX_PAGE);
        }
        List<AuditTrail.Event> events = audit.events(caller.tenantId(), after, limit, null, null);
        return new Page(
                events, events.size() == limit ? events.get(events.size() - 1).seq() : null);
    }
}
