package dev.pathwise.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/** Derived: an option that becomes a required remediation step, and why. */
public final class Remediation {

    private final Option option;
    private final Explanation why;

    private Remediation(Option option, Explanation why) {
        this.option = option;
        this.why = why;
    }

    public static Remediation of(RuleContext rule, Option option, String pattern, Object... args) {
        return new Remediation(option, Explanation.byRule(rule.getRule().getName(), pattern, args));
    }

    public Option getOption() {
        return option;
    }

    public Explanation getWhy() {
        return why;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Remediation r && r.option == option;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(System.identityHashCode(option));
    }
}
