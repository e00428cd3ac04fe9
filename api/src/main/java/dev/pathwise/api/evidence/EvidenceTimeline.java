package dev.pathwise.api.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.problem.ApiProblem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A learner's stored evidence as a teacher reads it, newest first and a page at a time: each piece with its score,
 * when it was observed and received, whether it still counts, and what its evaluation changed. Also finds the
 * latest evaluation that decided a competency's level, which is what explains a cell of the mastery chart.
 */
@Component
public class EvidenceTimeline {

    /** The most pieces one page holds. */
    public static final int MAX_LIMIT = 200;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final LearnerRepository learners;

    public EvidenceTimeline(JdbcClient jdbc, ObjectMapper json, LearnerRepository learners) {
        this.jdbc = jdbc;
        this.json = json;
        this.learners = learners;
    }

    /**
     * One piece of evidence on the timeline.
     *
     * @param seq            its place in the tenant's evidence, for paging ({@code before=})
     * @param status         {@code counted}, {@code voided} (by {@code voidedBy}) or {@code cut-off} (its evaluation
     *                       was stopped: {@code evaluationError})
     * @param masteryChanges what its evaluation changed, each with the rule and values that decided it
     */
    public record Entry(
            long seq,
            String evidenceId,
            String competencyId,
            String activityId,
            double raw,
            double min,
            double max,
            String kind,
            String source,
            Instant observedAt,
            Instant receivedAt,
            String policyVersion,
            String status,
            String voidedBy,
            String evaluationError,
            List<PathUpdateJson.MasteryChangeJson> masteryChanges,
            List<PathUpdateJson.FlagJson> flags) {}

    /**
     * A page of the timeline.
     *
     * @param total      every piece stored for the learner, voided ones included
     * @param nextBefore pass as {@code before} for the next (older) page; {@code null} on the last page
     */
    public record Page(String learnerId, long total, List<Entry> evidence, Long nextBefore) {}

    /** The decision of the latest evaluation that changed (or confirmed) a competency of the learner. */
    public record Decision(Entry evidence, PathUpdateJson.MasteryChangeJson change) {}

    private static final String COLUMNS = "select seq, payload, result, received_at, policy_version, voided_by,"
            + " evaluation_error from evidence where tenant_id = :t and learner_id = :l";

    public Page page(String tenantId, String learnerId, Long before, int limit) {
        learners.require(tenantId, learnerId);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", limit, "limit: " + limit + " must be between 1 and " + MAX_LIMIT);
        }
        long total = jdbc.sql("select count(*) from evidence where tenant_id = :t and learner_id = :l")
                .param("t", tenantId)
                .param("l", learnerId)
                .query(Long.class)
                .single();
        List<Entry> entries = jdbc.sql(
                        COLUMNS + (before == null ? "" : " and seq < :before") + " order by seq desc limit :n")
                .param("t", tenantId)
                .param("l", learnerId)
                .param("before", before == null ? 0 : before)
                .param("n", limit + 1)
                .query((rs, n) -> entry(rs))
                .list();
        boolean more = entries.size() > limit;
        List<Entry> page = more ? entries.subList(0, limit) : entries;
        return new Page(learnerId, total, page, more ? page.get(page.size() - 1).seq() : null);
    }

    /**
     * The latest counted evaluation whose mastery changes name the competency (its own evidence, or a child's for a
     * parent's rollup); empty when no evidence ever decided it.
     */
    public Optional<Decision> latestDecision(String tenantId, String learnerId, String competencyId) {
        Long before = null;
        while (true) {
            List<Entry> batch = jdbc.sql(COLUMNS + " and voided_by is null and evaluation_error is null"
                            + (before == null ? "" : " and seq < :before") + " order by seq desc limit 100")
                    .param("t", tenantId)
                    .param("l", learnerId)
                    .param("before", before == null ? 0 : before)
                    .query((rs, n) -> entry(rs))
                    .list();
            for (Entry entry : batch) {
                for (PathUpdateJson.MasteryChangeJson change : entry.masteryChanges()) {
                    if (change.competencyId().equals(competencyId)) {
                        return Optional.of(new Decision(entry, change));
                    }
                }
            }
            if (batch.size() < 100) {
                return Optional.empty();
            }
            before = batch.get(batch.size() - 1).seq();
        }
    }

    private Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        EvidencePayload payload = read(rs.getString("payload"), EvidencePayload.class);
        String result = rs.getString("result");
        PathUpdateJson update = result == null || result.isBlank() ? null : read(result, PathUpdateJson.class);
        String voidedBy = rs.getString("voided_by");
        String error = rs.getString("evaluation_error");
        String status = voidedBy != null ? "voided" : error != null ? "cut-off" : "counted";
        return new Entry(
                rs.getLong("seq"),
                payload.id(),
                payload.competencyId(),
                payload.activityId(),
                payload.raw(),
                payload.min(),
                payload.max(),
                payload.kind(),
                payload.source(),
                payload.observedAt(),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                rs.getString("policy_version"),
                status,
                voidedBy,
                error,
                update == null || update.masteryChanges() == null ? List.of() : update.masteryChanges(),
                update == null || update.flags() == null ? List.of() : update.flags());
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored evidence " + type.getSimpleName() + " is not valid JSON", e);
        }
    }
}
