package dev.pathwise.engine.facts;

/**
 * A warning for the teacher, with the support it suggests.
 *
 * @param kind         behind pace, struggling or stalled
 * @param competencyId the competency it is about, or {@code null} for the learner as a whole
 * @param goalId       the goal it is about, or {@code null}
 * @param amount       how far behind (competencies) for pace flags, the count that tripped it otherwise
 * @param support      the suggested support
 * @param why          the rule and values behind it
 */
public record Flag(
        FlagKind kind, String competencyId, String goalId, double amount, Support support, Explanation why) {}
