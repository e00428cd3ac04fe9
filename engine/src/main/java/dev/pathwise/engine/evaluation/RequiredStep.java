package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.facts.Explanation;

/**
 * A step the learner must take: assigned by a teacher or required as remediation.
 *
 * @param activityId   the activity
 * @param competencyId the competency it works on
 * @param reason       teacher-assigned or remediation
 * @param why          who assigned it and why, or the rule that made it remediation
 */
public record RequiredStep(String activityId, String competencyId, Reason reason, Explanation why) {

    /** Why a step is required. */
    public enum Reason {
        TEACHER_ASSIGNED,
        REMEDIATION
    }
}
