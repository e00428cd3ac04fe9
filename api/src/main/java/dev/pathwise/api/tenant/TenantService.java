package dev.pathwise.api.tenant;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.pathwise.api.policy.TenantPolicies;

/** Creates tenants with their API keys (stored as hashes) and schools. */
@Service
public class TenantService {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TenantPolicies policies;

    public TenantService(JdbcClient jdbc, Clock clock, TenantPolicies policies) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policies = policies;
    }

    public boolean anyTenant() {
        return jdbc.sql("select count(*) from tenants").query(Long.class).single() > 0;
    }

    /** Creates a tenant with one key per role given (raw keys; only their hashes are kept) and the default policy. */
    @Transactional
    public void create(String tenantId, String name, Map<Role, String> keys) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("insert into tenants (id, name, created_at) values (:id, :name, :at)")
                .param("id", tenantId).param("name", name).param("at", now).update();
        keys.forEach((role, key) -> addKey(tenantId, role, key, role.label() + "-key"));
        policies.recordActivation(tenantId);
    }

    public void addKey(String tenantId, Role role, String rawKey, String label) {
        jdbc.sql("insert into api_keys (key_hash, tenant_id, role, label, created_at) values (:h, :t, :r, :l, :at)")
                .param("h", ApiKeys.hash(rawKey)).param("t", tenantId).param("r", role.name()).param("l", label)
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update();
    }

    public void addSchool(String tenantId, String schoolId, String name) {
        jdbc.sql("insert into schools (tenant_id, school_id, name) values (:t, :s, :n)")
                .param("t", tenantId).param("s", schoolId).param("n", name).update();
    }
}
