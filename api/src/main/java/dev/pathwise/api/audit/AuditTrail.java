package dev.pathwise.api.audit;

import dev.pathwise.api.tenant.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code audit_events} table: appended to by every administrative action, read by admins. */
@Repository
public class AuditTrail {

    /** The actor of what the operator of the deployment does (no tenant key is involved). */
    public static final String OPERATOR = "operator";

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One row as listed. */
    public record Event(
            long seq,
            Instant at,
            String actor,
            String actorUserId,
            String action,
            String targetType,
            String targetId,
            String detail) {}

    /** Records what the caller did to a target. */
    public void record(Caller caller, String action, String targetType, String targetId, String detail) {
        record(caller.tenantId(), caller.authorUserId(), caller.author(), action, targetType, targetId, detail);
    }

    public void record(
            String tenantId,
            String actorUserId,
            String actor,
            String action,
            String targetType,
            String targetId,
            String detail) {
        jdbc.sql("insert into audit_events (tenant_id, at, actor_user_id, actor, action, target_type, target_id,"
                        + " detail) values (:t, :at, :u, :a, :action, :tt, :ti, :d)")
                .param("t", tenantId)
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .param("u", actorUserId)
                .param("a", actor)
                .param("action", action)
                .param("tt", targetType)
                .param("ti", targetId)
                .param("d", detail)
                .update();
    }

    /** The tenant's events after {@code afterSeq}, oldest first, at most {@code limit}; optionally of one target. */
    public List<Event> events(String tenantId, long afterSeq, int limit, String targetType, String targetId) {
        String where = targetType == null ? "" : " and target_type = :tt and target_id = :ti";
        var sql = jdbc.sql("select seq, at, actor, actor_user_id, action, target_type, target_id, detail"
                        + " from audit_events where tenant_id = :t and seq > :after" + where + " order by seq"
                        + " fetch first " + Math.max(1, limit) + " rows only")
                .param("t", tenantId)
                .param("after", afterSeq);
        if (targetType != null) {
            sql = sql.param("tt", targetType).param("ti", targetId);
        }
        return sql.query((rs, n) -> new Event(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    /**
     * Every row about one target loses the target's id (it becomes {@code replacement}); what was done and by whom
     * stays. Used when a learner is erased. Returns the number of rows changed.
     */
    public int forgetTarget(String tenantId, String targetType, String targetId, String replacement) {
        return jdbc.sql("update audit_events set target_id = :r, detail = null where tenant_id = :t"
                        + " and target_type = :tt and target_id = :ti")
                .param("r", replacement)
                .param("t", tenantId)
                .param("tt", targetType)
                .param("ti", targetId)
                .update();
    }
}
