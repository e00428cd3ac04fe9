package dev.pathwise.engine.learner;

import java.time.Instant;

/**
 * Where a learner stands on one competency.
 *
 * @param competencyId   the competency
 * @param level          level on the 0-4 scale
 * @param score          the mastery score in [0, 1] computed by {@code method}
 * @param evidenceCount  how many pieces of evidence it rests on
 * @param method         the mastery method that computed the score; for a parent, what its level rests on:
 *                       "rollup (2 of 3 children mastered)"
 * @param lastEvidenceAt the time of the latest evidence, or {@code null} when there is none
 */
public record MasteryState(
        String competencyId,
        MasteryLevel level,
        double score,
        int evidenceCount,
        String method,
        Instant lastEvidenceAt) {

    public static MasteryState none(String competencyId) {
        return new MasteryState(competencyId, MasteryLevel.NO_EVIDENCE, 0.0, 0, "none", null);
    }
}
