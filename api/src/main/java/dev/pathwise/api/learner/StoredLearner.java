package dev.pathwise.api.learner;

import dev.pathwise.engine.learner.LearnerSnapshot;

/**
 * A learner row: the snapshot, its version (incremented by every write) and how many evidence rows of the learner
 * the snapshot accounts for (counted, voided or cut off alike).
 */
public record StoredLearner(String tenantId, LearnerSnapshot snapshot, long version, long evidenceCount) {

    public String learnerId() {
        return snapshot.learnerId();
    }
}
