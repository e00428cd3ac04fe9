package dev.pathwise.api.evidence;

import java.time.Instant;

import dev.pathwise.engine.evidence.Evidence;

/** The evidence as stored append-only: enough to replay it through a policy version. */
public record EvidencePayload(String id, String learnerId, String competencyId, String activityId, double raw,
                              double min, double max, String kind, String source, Instant observedAt) {

    static EvidencePayload of(Evidence e) {
        return new EvidencePayload(e.id(), e.learnerId(), e.competencyId(), e.activityId(), e.score().raw(),
                e.score().min(), e.score().max(), e.kind().name(), e.source(), e.observedAt());
    }
}
