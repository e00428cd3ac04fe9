package dev.pathwise.engine.facts;

import org.kie.api.runtime.rule.RuleContext;

/** Derived: an option the learner is not offered now, and why. */
public final class Excluded extends OptionFinding {

    private Excluded(Option option, Explanation why) {
        super(option, why);
    }

    public static Excluded of(RuleContext rule, Option option, String pattern, Object... args) {
        return new Excluded(option, Explanation.byRule(rule.getRule().getName(), pattern, args));
    }
}
