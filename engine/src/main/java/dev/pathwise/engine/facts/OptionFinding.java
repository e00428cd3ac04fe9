package dev.pathwise.engine.facts;

import java.util.Objects;

/**
 * A fact a rule derived about one next-step option, with the rule and values behind it. Two findings are the same
 * fact when they are of one kind, about the same option and derived by one rule.
 */
public abstract class OptionFinding {

    private final Option option;
    private final Explanation why;

    OptionFinding(Option option, Explanation why) {
        this.option = option;
        this.why = why;
    }

    public Option getOption() {
        return option;
    }

    public Explanation getWhy() {
        return why;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OptionFinding) o).option == option
                && ((OptionFinding) o).why.rule().equals(why.rule());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass(), System.identityHashCode(option), why.rule());
    }
}
