package dev.pathwise.api.sync;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The change counters of the {@code tenants} table ({@code V9__tenant_changes.sql}): bumped in the transaction of the
 * change they announce, so that a node that sees a counter move also sees the change.
 */
@Repository
public class TenantChanges {

    /** A tenant's counters as read together. */
    public record Counters(long policy, long curriculum) {}

    private final JdbcClient jdbc;

    public TenantChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Announces a policy publish, activation or rollback of the tenant, in the current transaction. */
    public void policyChanged(String tenantId) {
        jdbc.sql("update tenants set policy_changes = policy_changes + 1 where id = :t")
                .param("t", tenantId)
                .update();
    }

    /** Announces a change of one of the tenant's frameworks or activities, in the current transaction. */
    public void curriculumChanged(String tenantId) {
        jdbc.sql("update tenants set curriculum_changes = curriculum_changes + 1 where id = :t")
                .param("t", tenantId)
                .update();
    }

    /** Every tenant's counters, in one query. */
    public Map<String, Counters> all() {
        Map<String, Counters> all = new HashMap<>();
        jdbc.sql("select id, policy_changes, curriculum_changes from tenants").query(rs -> {
            all.put(rs.getString(1), new Counters(rs.getLong(2), rs.getLong(3)));
        });
        return all;
    }
}
