package dev.pathwise.engine.evaluation;

import java.time.Instant;

/**
 * Evidence (or an override) that arrived after something that happened later: it was counted at its place in time
 * ({@link Timeline}) and the learner's state rebuilt by replaying their evidence and overrides from the start.
 *
 * @param at            when the evidence was observed (or the override made)
 * @param latestCounted the latest time the learner's state counted before it arrived
 * @param countedAfter  pieces of evidence already counted that now count after it
 * @param replayed      pieces of evidence replayed to rebuild the learner, this one included
 */
public record LateArrival(Instant at, Instant latestCounted, int countedAfter, int replayed) {

    /** "dated 2026-11-02T10:00:00Z, before 3 pieces of evidence already counted (latest ...): ...". */
    public String text() {
        return "dated " + at + ", before " + countedAfter + (countedAfter == 1 ? " piece" : " pieces")
                + " of evidence already counted (the latest at " + latestCounted + "): counted at its place in time,"
                + " and the learner's state rebuilt by replaying " + replayed
                + (replayed == 1 ? " piece" : " pieces") + " of evidence in observation order";
    }
}
