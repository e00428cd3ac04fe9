package dev.pathwise.api.tenant;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/keys}: the tenant's API keys, for admins. A new key is shown once, in the answer to its creation; the
 * list never holds a secret; a revoked key is refused from the next request on.
 */
@RestController
@RequestMapping("/v1/keys")
@RequiresRole(Role.ADMIN)
public class KeyController {

    private final TenantService tenants;

    public KeyController(TenantService tenants) {
        this.tenants = tenants;
    }

    /** What to create: a role and an optional label. */
    public record NewKey(String role, String label) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public TenantService.CreatedKey create(Caller caller, @RequestBody NewKey request) {
        return tenants.createKey(caller.tenantId(), request.role(), request.label());
    }

    @GetMapping
    public List<TenantService.KeyJson> list(Caller caller) {
        return tenants.keys(caller.tenantId());
    }

    @DeleteMapping("/{id}")
    public TenantService.KeyJson revoke(Caller caller, @PathVariable String id) {
        return tenants.revoke(caller.tenantId(), id);
    }
}
