package dev.pathwise.api.policy;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.rules.DefaultPolicyPack;

/** The policy in force for a tenant: the default pack, compiled once and shared. */
@Service
public class TenantPolicies {

    private final PolicyRuntime runtime;
    private final JdbcClient jdbc;
    private final Clock clock;

    public TenantPolicies(PolicyRuntime runtime, JdbcClient jdbc, Clock clock) {
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CompiledPolicy active(String tenantId) {
        return runtime.require(DefaultPolicyPack.POLICY_ID);
    }

    /** Records the active version for a tenant, once. */
    public void recordActivation(String tenantId) {
        CompiledPolicy policy = active(tenantId);
        long known = jdbc.sql("select count(*) from policy_versions where tenant_id = :t and policy_id = :p"
                        + " and version = :v")
                .param("t", tenantId).param("p", policy.policyId()).param("v", policy.version())
                .query(Long.class).single();
        if (known == 0) {
            jdbc.sql("insert into policy_versions (tenant_id, policy_id, version, content_hash, active, activated_at)"
                            + " values (:t, :p, :v, :h, true, :at)")
                    .param("t", tenantId).param("p", policy.policyId()).param("v", policy.version())
                    .param("h", policy.contentHash().length() > 64 ? policy.contentHash().substring(0, 64)
                            : policy.contentHash())
                    .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update();
        }
    }
}
