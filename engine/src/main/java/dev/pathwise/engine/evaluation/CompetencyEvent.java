package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.facts.Explanation;

/**
 * A competency newly unlocked (ready to learn) or dropped back (no longer mastered), and why.
 *
 * @param competencyId the competency
 * @param why          the reason, with the rule when a rule decided it
 */
public record CompetencyEvent(String competencyId, Explanation why) {}
