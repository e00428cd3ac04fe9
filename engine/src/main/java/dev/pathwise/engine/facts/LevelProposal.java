package dev.pathwise.engine.facts;

import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.policy.FiringRule;
import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/** Derived: a level a competency qualifies for, with the reason. The highest proposal becomes the level. */
public final class LevelProposal {

    private final String competencyId;
    private final MasteryLevel level;
    private final Explanation why;

    private LevelProposal(String competencyId, MasteryLevel level, Explanation why) {
        this.competencyId = competencyId;
        this.level = level;
        this.why = why;
    }

    /** A level the firing rule proposes, with the values that decided it ({@link String#format} pattern). */
    public static LevelProposal of(String competencyId, MasteryLevel level, String pattern, Object... args) {
        return new LevelProposal(competencyId, level, Explanation.byRule(FiringRule.current(), pattern, args));
    }

    /** The older form, kept for published policies: the rule passes {@code kcontext}. */
    public static LevelProposal of(
            RuleContext rule, String competencyId, MasteryLevel level, String pattern, Object... args) {
        return new LevelProposal(
                competencyId, level, Explanation.byRule(rule.getRule().getName(), pattern, args));
    }

    public String getCompetencyId() {
        return competencyId;
    }

    public MasteryLevel getLevel() {
        return level;
    }

    /** The level on the 0-4 scale, for comparisons in rules. */
    public int getValue() {
        return level.value();
    }

    public Explanation getWhy() {
        return why;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LevelProposal p
                && p.competencyId.equals(competencyId)
                && p.level == level
                && p.why.rule().equals(why.rule());
    }

    @Override
    public int hashCode() {
        return Objects.hash(competencyId, level, why.rule());
    }
}
