package dev.pathwise.api.evidence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code evidence_refusals} table: evidence refused on the evidence stream, with its problem, so that
 * {@code GET /v1/evidence/{id}} can say why. Erased with the learner.
 */
@Repository
public class EvidenceRefusals {

    private final JdbcClient jdbc;

    public EvidenceRefusals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the latest refusal of the evidence id (a refused piece sent again replaces its problem). */
    public void record(String tenantId, String evidenceId, String learnerId, String problemJson, Instant at) {
        jdbc.sql("delete from evidence_refusals where tenant_id = :t and evidence_id = :e")
                .param("t", tenantId)
                .param("e", evidenceId)
                .update();
        jdbc.sql("insert into evidence_refusals (tenant_id, evidence_id, learner_id, problem, refused_at)"
                        + " values (:t, :e, :l, :p, :at)")
                .param("t", tenantId)
                .param("e", evidenceId)
                .param("l", learnerId)
                .param("p", problemJson)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** The problem (problem+json) the evidence id was last refused with. */
    public Optional<String> problem(String tenantId, String evidenceId) {
        return jdbc.sql("select problem from evidence_refusals where tenant_id = :t and evidence_id = :e")
                .param("t", tenantId)
                .param("e", evidenceId)
                .query(String.class)
                .optional();
    }

    /** A refusal kept for a learner: the evidence id, when it was last refused, and the problem (problem+json). */
    public record Refusal(String evidenceId, Instant refusedAt, String problem) {}

    /** The learner's refused evidence, in the order it was refused (for the learner's export). */
    public List<Refusal> ofLearner(String tenantId, String learnerId) {
        return jdbc.sql("select evidence_id, refused_at, problem from evidence_refusals"
                        + " where tenant_id = :t and learner_id = :l order by refused_at, evidence_id")
                .param("t", tenantId)
                .param("l", learnerId)
                .query((rs, n) -> new Refusal(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3)))
                .list();
    }

    public int eraseLearner(String tenantId, String learnerId) {
        return jdbc.sql("delete from evidence_refusals where tenant_id = :t and learner_id = :l")
                .param("t", tenantId)
                .param("l", learnerId)
                .update();
    }
}
