package dev.pathwise.api.evidence;

import dev.pathwise.engine.evaluation.Timeline;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerSnapshot;
import java.time.Instant;

/**
 * A validated piece of evidence: its tenant, its index in the request, as the engine takes it, the hash of its
 * content (which makes its id an idempotency key), and whether its time is the server's ({@code observedAt} not sent).
 */
record Piece(String tenantId, int index, Evidence evidence, String contentHash, boolean timedOnArrival) {

    String learnerId() {
        return evidence.learnerId();
    }

    String evidenceId() {
        return evidence.id();
    }

    /**
     * The evidence as it counts for {@code learner}: evidence sent without {@code observedAt} was observed when it
     * arrived, which is never before what the learner already counts (a concurrent request may have stored later
     * evidence between this one's arrival and its turn): it takes the learner's latest time then, and counts last.
     */
    Evidence on(LearnerSnapshot learner) {
        if (!timedOnArrival) {
            return evidence;
        }
        Instant latest = Timeline.latest(learner);
        if (latest == null || !latest.isAfter(evidence.observedAt())) {
            return evidence;
        }
        return new Evidence(
                evidence.id(),
                evidence.learnerId(),
                evidence.competencyId(),
                evidence.activityId(),
                evidence.score(),
                evidence.kind(),
                evidence.source(),
                latest);
    }
}
