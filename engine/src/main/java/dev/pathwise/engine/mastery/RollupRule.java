package dev.pathwise.engine.mastery;

import java.util.Locale;

/** How a parent competency's mastery follows from its children's. See {@link Rollup}. */
public enum RollupRule {
    /** Every child mastered. */
    ALL,
    /** At least one child mastered. */
    ANY,
    /** At least a given number of children mastered. */
    AT_LEAST_COUNT,
    /** At least a given percentage of the children mastered. */
    AT_LEAST_PERCENT;

    /** The word used in policies: "all", "any", "at_least_count", "at_least_percent". */
    String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
