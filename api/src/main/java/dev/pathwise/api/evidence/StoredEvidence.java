package dev.pathwise.api.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evidence.Evidence;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored evidence that counts for a learner's state, in the order it was evaluated: voided evidence and evidence
 * whose evaluation was cut off are left out, and so is evidence that no longer names a competency or activity of the
 * curriculum. What a replay of the learner runs on, whether it rebuilds the state (voiding) or checks it
 * (verification).
 */
@Component
public class StoredEvidence {

    private static final String COUNTING = "select payload from evidence where tenant_id = :t"
            + " and voided_by is null and evaluation_error is null";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public StoredEvidence(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * The learner's replayable evidence.
     *
     * @param evidence the evidence to replay, in stored order
     * @param skipped  how many pieces were left out because the curriculum no longer has what they name
     */
    public record Replayable(List<Evidence> evidence, int skipped) {
    }

    /** One learner's replayable evidence. */
    public Replayable of(String tenantId, String learnerId, Curriculum curriculum) {
        return replayable(jdbc.sql(COUNTING + " and learner_id = :l order by seq").param("t", tenantId)
                .param("l", learnerId).query(String.class).list(), curriculum);
    }

    /** The replayable evidence of every learner of the tenant, in stored order. */
    public Replayable ofTenant(String tenantId, Curriculum curriculum) {
        return replayable(jdbc.sql(COUNTING + " order by seq").param("t", tenantId).query(String.class).list(),
                curriculum);
    }

    private Replayable replayable(List<String> payloads, Curriculum curriculum) {
        List<Evidence> evidence = new ArrayList<>(payloads.size());
        int skipped = 0;
        for (String payload : payloads) {
            Evidence piece = read(payload).toDomain();
            if (EvidenceVoiding.fits(curriculum, piece)) {
                evidence.add(piece);
            } else {
                skipped++;
            }
        }
        return new Replayable(List.copyOf(evidence), skipped);
    }

    private EvidencePayload read(String text) {
        try {
            return json.readValue(text, EvidencePayload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored evidence payload is not valid JSON", e);
        }
    }
}
