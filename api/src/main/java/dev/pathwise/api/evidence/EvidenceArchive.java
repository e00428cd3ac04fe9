package dev.pathwise.api.evidence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stored evidence as records leave the service: all of one learner's rows with their results (a learner's
 * export), the evidence that counts, streamed in stored order (a district's export), and the erasure of one learner's
 * rows. Evidence is append-only otherwise; erasure is the one exception, by law.
 */
@Component
public class EvidenceArchive {

    /** Rows read per round trip while streaming, so a district's evidence never sits in memory at once. */
    static final int FETCH_SIZE = 1_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;

    public EvidenceArchive(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** A stored row in full: the evidence, the answer sent back, and what happened to it since. */
    public record Row(String evidenceId, Instant receivedAt, String policyVersion, String payload, String result,
                      String voidedBy, Instant voidedAt, String evaluationError) {
    }

    /** Every row of the learner, voided ones included, in stored order. */
    public List<Row> ofLearner(String tenantId, String learnerId) {
        return jdbc.sql("select evidence_id, received_at, policy_version, payload, result, voided_by, voided_at,"
                        + " evaluation_error from evidence where tenant_id = :t and learner_id = :l order by seq")
                .param("t", tenantId).param("l", learnerId)
                .query((rs, n) -> new Row(rs.getString(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8)))
                .list();
    }

    /**
     * Hands each piece of the tenant's evidence that counts (voided and cut-off evaluations left out) to
     * {@code sink}, in stored order, reading {@value #FETCH_SIZE} rows at a time. Runs inside the caller's
     * transaction (PostgreSQL streams with a cursor only inside one).
     */
    public void streamCounting(String tenantId, Consumer<EvidencePayload> sink) {
        template.query(con -> {
            var statement = con.prepareStatement("select payload from evidence where tenant_id = ?"
                    + " and voided_by is null and evaluation_error is null order by seq");
            statement.setFetchSize(FETCH_SIZE);
            statement.setString(1, tenantId);
            return statement;
        }, (RowCallbackHandler) rs -> sink.accept(read(rs.getString(1))));
    }

    /** Deletes every row of the learner; returns how many. */
    public int eraseLearner(String tenantId, String learnerId) {
        return jdbc.sql("delete from evidence where tenant_id = :t and learner_id = :l").param("t", tenantId)
                .param("l", learnerId).update();
    }

    private EvidencePayload read(String text) {
        try {
            return json.readValue(text, EvidencePayload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored evidence payload is not valid JSON", e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
