package dev.pathwise.engine.facts;

import org.kie.api.runtime.rule.RuleContext;

/** Derived: an option that becomes a required remediation step, and why. */
public final class Remediation extends OptionFinding {

    private Remediation(Option option, Explanation why) {
        super(option, why);
    }

    public static Remediation of(RuleContext rule, Option option, String pattern, Object... args) {
        return new Remediation(option, Explanation.byRule(rule.getRule().getName(), pattern, args));
    }
}
