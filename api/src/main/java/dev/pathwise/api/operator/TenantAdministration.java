package dev.pathwise.api.operator;

import dev.pathwise.api.audit.AuditTrail;
import dev.pathwise.api.tenant.KeyService;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.tenant.TenantService;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator does to tenants, the same from the API and from {@code pathwise admin} on the database; each
 * change is written to the tenant's audit trail under the operator's name.
 */
@Service
public class TenantAdministration {

    private final TenantService tenants;
    private final KeyService keys;
    private final AuditTrail audit;

    public TenantAdministration(TenantService tenants, KeyService keys, AuditTrail audit) {
        this.tenants = tenants;
        this.keys = keys;
        this.audit = audit;
    }

    public List<TenantService.TenantJson> list() {
        return tenants.list();
    }

    public TenantService.TenantJson get(String tenantId) {
        return tenants.require(tenantId);
    }

    @Transactional
    public TenantService.CreatedTenant create(String actor, String tenantId, String name) {
        TenantService.CreatedTenant created = tenants.createWithAdminKey(tenantId, name);
        audit.record(
                tenantId,
                null,
                actor,
                "tenant.created",
                "tenant",
                tenantId,
                created.tenant().name());
        audit.record(
                tenantId, null, actor, "key.created", "key", created.adminKey().id(), "role admin");
        return created;
    }

    @Transactional
    public TenantService.TenantJson disable(String actor, String tenantId) {
        TenantService.TenantJson tenant = tenants.disable(tenantId);
        audit.record(tenantId, null, actor, "tenant.disabled", "tenant", tenantId, null);
        return tenant;
    }

    @Transactional
    public TenantService.TenantJson enable(String actor, String tenantId) {
        TenantService.TenantJson tenant = tenants.enable(tenantId);
        audit.record(tenantId, null, actor, "tenant.enabled", "tenant", tenantId, null);
        return tenant;
    }

    /** A new admin key for the tenant (when the first is lost), shown once. */
    @Transactional
    public KeyService.CreatedKey adminKey(String actor, String tenantId, String label) {
        tenants.require(tenantId);
        KeyService.CreatedKey key = keys.createKey(
                tenantId, Role.ADMIN.label(), label == null || label.isBlank() ? "operator-admin-key" : label);
        audit.record(tenantId, null, actor, "key.created", "key", key.id(), "role admin");
        return key;
    }
}
