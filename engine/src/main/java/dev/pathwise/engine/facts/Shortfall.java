package dev.pathwise.engine.facts;

import dev.pathwise.engine.policy.FiringRule;
import org.kie.api.runtime.rule.RuleContext;

/** Derived: something a competency still lacks before it can count as mastered (evidence count, a summative). */
public final class Shortfall extends CompetencyFinding {

    private Shortfall(String competencyId, Explanation why) {
        super(competencyId, why);
    }

    /** Given by the firing rule, with the values that decided it ({@link String#format} pattern). */
    public static Shortfall of(String competencyId, String pattern, Object... args) {
        return new Shortfall(competencyId, Explanation.byRule(FiringRule.current(), pattern, args));
    }

    /** The older form, kept for published policies: the rule passes {@code kcontext}. */
    public static Shortfall of(RuleContext rule, String competencyId, String pattern, Object... args) {
        return new Shortfall(competencyId, Explanation.byRule(rule.getRule().getName(), pattern, args));
    }
}
