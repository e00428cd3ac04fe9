package dev.pathwise.api.evidence;

import dev.pathwise.api.evidence.EvidenceRepository.NewRow;
import dev.pathwise.api.evidence.EvidenceRepository.StoredRow;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerSnapshot;

/**
 * What taking one piece gave: what was stored under its id at that point ({@code seen}), its outcome, the row it
 * stores (if any), the evidence as it counts (its time set, if it was the server's), its learner's state after it (if
 * it changed), how long the evaluation took and how many rules it fired, and whether the evaluation was cut off
 * (rules looping or failing).
 */
record Step(
        StoredRow seen,
        Outcome outcome,
        NewRow row,
        Evidence counted,
        LearnerSnapshot after,
        long nanos,
        int firings,
        boolean cutOff) {

    static Step answered(StoredRow seen, Outcome outcome) {
        return new Step(seen, outcome, null, null, null, 0, 0, false);
    }

    /** What is stored under the piece's id once this step is kept, or {@code null} when it stores nothing. */
    StoredRow stored() {
        return row == null ? null : new StoredRow(row.contentHash(), row.result(), row.error());
    }

    /** True when the piece was evaluated and now counts for its learner's state. */
    boolean counts() {
        return row != null && after != null;
    }
}
