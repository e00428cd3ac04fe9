package dev.pathwise.api.tenant;

import dev.pathwise.api.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/keys}: the tenant's API keys, for admins: keys of the tenant (one role, for systems such as a learning
 * platform) and, listed here too, keys of users ({@code POST /v1/users/{id}/keys}). A new key is shown once, in the
 * answer to its creation; the list never holds a secret; a revoked key is refused from the next request on.
 */
@RestController
@RequestMapping("/v1/keys")
@RequiresRole(Role.ADMIN)
public class KeyController {

    private final KeyService keys;
    private final AuditTrail audit;

    public KeyController(KeyService keys, AuditTrail audit) {
        this.keys = keys;
        this.audit = audit;
    }

    /** What to create: a role and an optional label. */
    public record NewKey(String role, String label) {}

    @Operation(
            operationId = "createKey",
            summary = "Create an API key",
            description = "The secret is in this answer only; store it.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public KeyService.CreatedKey create(Caller caller, @RequestBody NewKey request) {
        KeyService.CreatedKey created = keys.createKey(caller.tenantId(), request.role(), request.label());
        audit.record(caller, "key.created", "key", created.id(), "role " + created.role());
        return created;
    }

    @Operation(operationId = "listKeys", summary = "List the tenant's API keys", description = "Without their secrets.")
    @GetMapping
    public List<KeyService.KeyJson> list(Caller caller) {
        return keys.keys(caller.tenantId());
    }

    @Operation(operationId = "revokeKey", summary = "Revoke an API key")
    @DeleteMapping("/{id}")
    @Transactional
    public KeyService.KeyJson revoke(Caller caller, @PathVariable String id) {
        KeyService.KeyJson revoked = keys.revoke(caller.tenantId(), id);
        audit.record(caller, "key.revoked", "key", id, null);
        return revoked;
    }
}
