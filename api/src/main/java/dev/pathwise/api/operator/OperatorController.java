package dev.pathwise.api.operator;

import dev.pathwise.api.tenant.KeyService;
import dev.pathwise.api.tenant.TenantService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/operator/tenants}: the operator's endpoints (header {@code X-Operator-Key}): create a district with its
 * first admin key (shown once), list the districts, disable and enable one, give one a new admin key.
 */
@RestController
@RequestMapping("/v1/operator/tenants")
@SecurityRequirement(name = "operatorKey")
public class OperatorController {

    private final TenantAdministration tenants;

    public OperatorController(TenantAdministration tenants) {
        this.tenants = tenants;
    }

    /** A district to create. */
    public record NewTenant(String id, String name) {}

    /** A key to create; the label is optional. */
    public record NewKey(String label) {}

    @Operation(operationId = "listTenants", summary = "List districts")
    @GetMapping
    public List<TenantService.TenantJson> list() {
        return tenants.list();
    }

    @Operation(
            operationId = "createTenant",
            summary = "Create a district with its first admin key",
            description = "The key's secret is in this answer only.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public TenantService.CreatedTenant create(
            @RequestAttribute(OperatorKeyInterceptor.ATTRIBUTE) OperatorKeys.OperatorKey operator,
            @RequestBody NewTenant request) {
        return tenants.create(actor(operator), request.id(), request.name());
    }

    @Operation(operationId = "getTenant", summary = "Read one district")
    @GetMapping("/{id}")
    public TenantService.TenantJson get(@PathVariable String id) {
        return tenants.get(id);
    }

    @Operation(
            operationId = "disableTenant",
            summary = "Disable a district",
            description = "Its keys are refused until it is enabled again; nothing is deleted.")
    @PostMapping("/{id}/disable")
    public TenantService.TenantJson disable(
            @RequestAttribute(OperatorKeyInterceptor.ATTRIBUTE) OperatorKeys.OperatorKey operator,
            @PathVariable String id) {
        return tenants.disable(actor(operator), id);
    }

    @Operation(operationId = "enableTenant", summary = "Enable a district again")
    @PostMapping("/{id}/enable")
    public TenantService.TenantJson enable(
            @RequestAttribute(OperatorKeyInterceptor.ATTRIBUTE) OperatorKeys.OperatorKey operator,
            @PathVariable String id) {
        return tenants.enable(actor(operator), id);
    }

    @Operation(operationId = "createTenantAdminKey", summary = "Create an admin key for a district")
    @PostMapping("/{id}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    public KeyService.CreatedKey adminKey(
            @RequestAttribute(OperatorKeyInterceptor.ATTRIBUTE) OperatorKeys.OperatorKey operator,
            @PathVariable String id,
            @RequestBody(required = false) NewKey request) {
        return tenants.adminKey(actor(operator), id, request == null ? null : request.label());
    }

    private static String actor(OperatorKeys.OperatorKey key) {
        return "operator (" + key.label() + ")";
    }
}
