package dev.pathwise.api.framework;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/frameworks}: the tenant's competency frameworks, several side by side (one per subject, say). */
@RestController
@RequestMapping("/v1/frameworks")
public class FrameworkController {

    private final FrameworkService frameworks;

    public FrameworkController(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    /** Creates the framework, or replaces the tenant's framework with the same id (201 either way). */
    @Operation(
            operationId = "saveFramework",
            summary = "Create or replace a framework",
            description = "201 either way.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresRole(Role.CURRICULUM)
    public FrameworkJson save(Caller caller, @RequestBody FrameworkJson request) {
        return frameworks.save(caller.tenantId(), request).framework();
    }

    /** One line per framework of the tenant, oldest first. */
    public record FrameworkSummary(
            String id,
            String name,
            String caseDocumentIdentifier,
            int competencies,
            Instant createdAt,
            Instant updatedAt) {}

    @Operation(
            operationId = "listFrameworks",
            summary = "List frameworks",
            description = "One line per framework, oldest first.")
    @GetMapping
    @RequiresRole({Role.CURRICULUM, Role.PLATFORM, Role.TEACHER})
    public List<FrameworkSummary> list(Caller caller) {
        return frameworks.list(caller.tenantId()).stream()
                .map(f -> new FrameworkSummary(
                        f.id(), f.name(), f.caseDocument(), f.competencies().size(), f.createdAt(), f.updatedAt()))
                .toList();
    }

    @Operation(
            operationId = "getFramework",
            summary = "Read one framework",
            description = "Its competencies, hierarchy and prerequisites.")
    @GetMapping("/{id}")
    @RequiresRole({Role.CURRICULUM, Role.PLATFORM, Role.TEACHER})
    public FrameworkJson get(Caller caller, @PathVariable String id) {
        return frameworks.get(caller.tenantId(), id);
    }
}
