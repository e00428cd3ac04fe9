package dev.pathwise.api.evidence;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The evidence table, append-only: every piece of evidence received, with the hash of its content (its id is an
 * idempotency key), its payload as evaluated, its result, the policy version and its storage sequence ({@code seq},
 * the order it arrived in). Voiding marks a row; nothing is deleted, but for the erasure of a learner, which the law
 * requires ({@link #eraseLearner}). Always by tenant.
 */
@Repository
public class EvidenceRepository {

    private static final String INSERT = "insert into evidence (tenant_id, evidence_id, learner_id, content_hash,"
            + " payload, result, policy_version, received_at, evaluation_error) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The rows that count for a learner's state: not voided, not cut off. */
    private static final String COUNTING =
            "select payload from evidence where tenant_id = :t" + " and voided_by is null and evaluation_error is null";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    public EvidenceRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** What is stored under an evidence id: the hash of its content, its result and the error that cut it off. */
    public record StoredRow(String contentHash, String result, String error) {}

    /** A row to insert. {@code error} is set for evidence stored although its evaluation was cut off. */
    public record NewRow(
            String tenantId,
            String evidenceId,
            String learnerId,
            String contentHash,
            String payload,
            String result,
            String policyVersion,
            Instant receivedAt,
            String error) {}

    /**
     * The stored rows of these evidence ids, by id, in one query. The keys are compared as (tenant, id) pairs: H2
     * looks an IN list up in an index only on the index's first column, and would otherwise scan the tenant's
     * evidence.
     */
    public Map<String, StoredRow> rows(String tenantId, Collection<String> evidenceIds) {
        Map<String, StoredRow> rows = new HashMap<>();
        if (evidenceIds.isEmpty()) {
            return rows;
        }
        List<Object[]> keys = new LinkedHashSet<>(evidenceIds)
                .stream().map(id -> new Object[] {tenantId, id}).toList();
        jdbc.sql("select evidence_id, content_hash, result, evaluation_error from evidence"
                        + " where (tenant_id, evidence_id) in (:keys)")
                .param("keys", keys)
                .query(rs -> {
                    rows.put(rs.getString(1), new StoredRow(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return rows;
    }

    /** Inserts the rows in one JDBC batch, in order (so their {@code seq} follows the list). */
    public void insert(List<NewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batches.batchUpdate(INSERT, rows, rows.size(), (ps, row) -> {
            ps.setString(1, row.tenantId());
            ps.setString(2, row.evidenceId());
            ps.setString(3, row.learnerId());
            ps.setString(4, row.contentHash());
            ps.setString(5, row.payload());
            ps.setString(6, row.result());
            ps.setString(7, row.policyVersion());
            ps.setObject(8, row.receivedAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            ps.setString(9, row.error());
        });
    }

    /** The learner an evidence id belongs to, if the tenant has it. */
    public Optional<String> learnerOf(String tenantId, String evidenceId) {
        return jdbc.sql("select learner_id from evidence where tenant_id = :t and evidence_id = :e")
                .param("t", tenantId)
                .param("e", evidenceId)
                .query(String.class)
                .optional();
    }

    /** Who voided the evidence, if it is voided. */
    public Optional<String> voidedBy(String tenantId, String evidenceId) {
        return jdbc.sql("select voided_by from evidence where tenant_id = :t and evidence_id = :e")
                .param("t", tenantId)
                .param("e", evidenceId)
                .query(String.class)
                .optional();
    }

    /** Marks the evidence voided by {@code voidedBy} at {@code at}; the row stays. */
    public void markVoided(String tenantId, String evidenceId, String voidedBy, Instant at) {
        jdbc.sql("update evidence set voided_by = :v, voided_at = :at where tenant_id = :t and evidence_id = :e")
                .param("v", voidedBy)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("t", tenantId)
                .param("e", evidenceId)
                .update();
    }

    /** The payloads of the learner's evidence that counts, in the order it was stored. */
    public List<String> countingPayloads(String tenantId, String learnerId) {
        return jdbc.sql(COUNTING + " and learner_id = :l order by seq")
                .param("t", tenantId)
                .param("l", learnerId)
                .query(String.class)
                .list();
    }

    /** The payloads of the tenant's evidence that counts, in the order it was stored. */
    public List<String> countingPayloads(String tenantId) {
        return jdbc.sql(COUNTING + " order by seq")
                .param("t", tenantId)
                .query(String.class)
                .list();
    }

    /** How many pieces of evidence of the learner are stored and not voided. */
    public long countNotVoided(String tenantId, String learnerId) {
        return jdbc.sql("select count(*) from evidence where tenant_id = :t and learner_id = :l"
                        + " and voided_by is null")
                .param("t", tenantId)
                .param("l", learnerId)
                .query(Long.class)
                .single();
    }

    /** Rows read per round trip while streaming, so a district's evidence never sits in memory at once. */
    static final int FETCH_SIZE = 1_000;

    /** A stored row in full: the evidence, the answer sent back, and what happened to it since. */
    public record FullRow(
            String evidenceId,
            Instant receivedAt,
            String policyVersion,
            String payload,
            String result,
            String voidedBy,
            Instant voidedAt,
            String evaluationError) {}

    /** Every row of the learner, voided ones included, in stored order (a learner's export). */
    public List<FullRow> ofLearner(String tenantId, String learnerId) {
        return jdbc.sql("select evidence_id, received_at, policy_version, payload, result, voided_by, voided_at,"
                        + " evaluation_error from evidence where tenant_id = :t and learner_id = :l order by seq")
                .param("t", tenantId)
                .param("l", learnerId)
                .query((rs, n) -> new FullRow(
                        rs.getString(1),
                        instant(rs.getObject(2, java.time.OffsetDateTime.class)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        instant(rs.getObject(7, java.time.OffsetDateTime.class)),
                        rs.getString(8)))
                .list();
    }

    /**
     * Hands the payload of each piece of the tenant's evidence that counts to {@code sink}, in stored order, reading
     * {@value #FETCH_SIZE} rows at a time (a district's export). Runs inside the caller's transaction: PostgreSQL
     * streams with a cursor only inside one.
     */
    public void streamCountingPayloads(String tenantId, java.util.function.Consumer<String> sink) {
        batches.query(
                con -> {
                    var statement = con.prepareStatement("select payload from evidence where tenant_id = ?"
                            + " and voided_by is null and evaluation_error is null order by seq");
                    statement.setFetchSize(FETCH_SIZE);
                    statement.setString(1, tenantId);
                    return statement;
                },
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(rs.getString(1)));
    }

    /** Deletes every row of the learner (erasure, with the learner's row in the same transaction); how many. */
    public int eraseLearner(String tenantId, String learnerId) {
        return jdbc.sql("delete from evidence where tenant_id = :t and learner_id = :l")
                .param("t", tenantId)
                .param("l", learnerId)
                .update();
    }

    private static Instant instant(java.time.OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
