package dev.pathwise.api.interop.casestandards;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The CASE 1.0 REST binding's {@code GET /ims/case/v1p0/CFPackages/{id}}: a framework of the tenant as a CFPackage,
 * by its CASE document identifier, so other CASE consumers can read what Pathwise holds.
 */
@RestController
public class CasePackageController {

    private final CasePackageExport export;

    public CasePackageController(CasePackageExport export) {
        this.export = export;
    }

    @Operation(operationId = "getCasePackage", summary = "Export a framework as a CASE 1.0 CFPackage")
    @GetMapping("/ims/case/v1p0/CFPackages/{id}")
    @RequiresRole({Role.CURRICULUM, Role.PLATFORM, Role.TEACHER})
    public ObjectNode cfPackage(Caller caller, @PathVariable String id) {
        return export.cfPackage(
                caller.tenantId(),
                id,
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
    }
}
