package dev.pathwise.api.learner;

import dev.pathwise.engine.learner.LearnerSnapshot;

/** A learner row: the snapshot and its version (incremented by every write). */
public record StoredLearner(String tenantId, LearnerSnapshot snapshot, long version) {

    public String learnerId() {
        return snapshot.learnerId();
    }
}
