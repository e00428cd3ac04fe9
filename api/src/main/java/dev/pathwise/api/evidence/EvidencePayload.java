package dev.pathwise.api.evidence;

import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.evidence.Score;
import java.time.Instant;

/** The evidence as stored append-only: enough to replay it through a policy version. */
public record EvidencePayload(
        String id,
        String learnerId,
        String competencyId,
        String activityId,
        double raw,
        double min,
        double max,
        String kind,
        String source,
        Instant observedAt) {

    /** The evidence again, as it was evaluated. */
    public Evidence toDomain() {
        return new Evidence(
                id,
                learnerId,
                competencyId,
                activityId,
                new Score(raw, min, max),
                EvidenceKind.valueOf(kind),
                source,
                observedAt);
    }

    static EvidencePayload of(Evidence e) {
        return new EvidencePayload(
                e.id(),
                e.learnerId(),
                e.competencyId(),
                e.activityId(),
                e.score().raw(),
                e.score().min(),
                e.score().max(),
                e.kind().name(),
                e.source(),
                e.observedAt());
    }
}
