package dev.pathwise.api.interop.casestandards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/frameworks/case}: a CASE 1.0 CFPackage creates a framework, or updates the one kept as its CASE
 * document ({@code frameworkId=} names the framework to create or to update instead).
 */
@RestController
public class CaseFrameworkController {

    private final CaseImportService imports;

    public CaseFrameworkController(CaseImportService imports) {
        this.imports = imports;
    }

    /** 201 when the package created the framework, 200 when it updated it or changed nothing. */
    @Operation(
            operationId = "importCasePackage",
            summary = "Import a CASE 1.0 package as a framework",
            description = "201 when the package created the framework, 200 when it updated it or changed nothing.")
    @PostMapping("/v1/frameworks/case")
    @RequiresRole(Role.CURRICULUM)
    public ResponseEntity<CaseImportResult> importPackage(
            Caller caller,
            @RequestBody JsonNode body,
            @RequestParam(name = "frameworkId", required = false) String frameworkId) {
        CaseImportResult result = imports.importPackage(caller.tenantId(), body, frameworkId);
        return ResponseEntity.status("created".equals(result.status()) ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result);
    }
}
