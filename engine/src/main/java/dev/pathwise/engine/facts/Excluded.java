package dev.pathwise.engine.facts;

import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/** Derived: an option the learner is not offered now, and why. */
public final class Excluded {

    private final Option option;
    private final Explanation why;

    private Excluded(Option option, Explanation why) {
        this.option = option;
        this.why = why;
    }

    public static Excluded of(RuleContext rule, Option option, String pattern, Object... args) {
        return new Excluded(option, Explanation.byRule(rule.getRule().getName(), pattern, args));
    }

    public Option getOption() {
        return option;
    }

    public Explanation getWhy() {
        return why;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Excluded e && e.option == option && e.why.rule().equals(why.rule());
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(option), why.rule());
    }
}
