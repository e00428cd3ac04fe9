package dev.pathwise.engine.facts;

import dev.pathwise.engine.policy.FiringRule;
import org.kie.api.runtime.rule.RuleContext;

/** Derived: a mastered competency whose score fell below the demotion threshold. */
public final class DroppedBack extends CompetencyFinding {

    private DroppedBack(String competencyId, Explanation why) {
        super(competencyId, why);
    }

    /** Given by the firing rule, with the values that decided it ({@link String#format} pattern). */
    public static DroppedBack of(String competencyId, String pattern, Object... args) {
        return new DroppedBack(competencyId, Explanation.byRule(FiringRule.current(), pattern, args));
    }

    /** The older form, kept for published policies: the rule passes {@code kcontext}. */
    public static DroppedBack of(RuleContext rule, String competencyId, String pattern, Object... args) {
        return new DroppedBack(competencyId, Explanation.byRule(rule.getRule().getName(), pattern, args));
    }
}
