package dev.pathwise.api.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.framework.Framework;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The stored evidence that counts for a learner's state, in the order it arrived (the engine counts it in the order
 * it was observed, see {@link dev.pathwise.engine.evaluation.Timeline}): voided evidence and evidence whose evaluation
 * was cut off are left out, and so is evidence that no longer names a competency or activity of the curriculum. What a
 * replay of the learner runs on, whether it rebuilds the state (late evidence, voiding) or checks it (verification).
 */
@Component
public class StoredEvidence {

    private final EvidenceRepository evidence;
    private final ObjectMapper json;

    public StoredEvidence(EvidenceRepository evidence, ObjectMapper json) {
        this.evidence = evidence;
        this.json = json;
    }

    /**
     * The learner's replayable evidence.
     *
     * @param evidence the evidence to replay, in arrival order
     * @param skipped  how many pieces were left out because the curriculum no longer has what they name
     */
    public record Replayable(List<Evidence> evidence, int skipped) {}

    /** One learner's replayable evidence. */
    public Replayable of(String tenantId, String learnerId, Curriculum curriculum) {
        return replayable(evidence.countingPayloads(tenantId, learnerId), curriculum);
    }

    /** The replayable evidence of every learner of the tenant, in arrival order. */
    public Replayable ofTenant(String tenantId, Curriculum curriculum) {
        return replayable(evidence.countingPayloads(tenantId), curriculum);
    }

    private Replayable replayable(List<String> payloads, Curriculum curriculum) {
        List<Evidence> replayable = new ArrayList<>(payloads.size());
        int skipped = 0;
        for (String payload : payloads) {
            Evidence piece = read(payload).toDomain();
            if (fits(curriculum, piece)) {
                replayable.add(piece);
            } else {
                skipped++;
            }
        }
        return new Replayable(List.copyOf(replayable), skipped);
    }

    /** True when the evidence still names a competency or activity of the curriculum (else a replay skips it). */
    public static boolean fits(Curriculum curriculum, Evidence evidence) {
        Framework framework = curriculum.framework();
        if (evidence.competencyId() != null && !evidence.competencyId().isBlank()) {
            return framework.contains(evidence.competencyId()) && framework.isLeaf(evidence.competencyId());
        }
        return curriculum
                .activity(evidence.activityId())
                .map(a -> a.competencyIds().stream().anyMatch(id -> framework.contains(id) && framework.isLeaf(id)))
                .orElse(false);
    }

    private EvidencePayload read(String text) {
        try {
            return json.readValue(text, EvidencePayload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored evidence payload is not valid JSON", e);
        }
    }
}
