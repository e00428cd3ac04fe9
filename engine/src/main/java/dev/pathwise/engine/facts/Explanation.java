package dev.pathwise.engine.facts;

import java.util.Locale;

/**
 * Why something was decided: the rule that decided it and a sentence with the values it used.
 * The sentence is formatted only when read, so evaluations that nobody reads stay cheap.
 */
public final class Explanation {

    private final String rule;
    private final String pattern;
    private final Object[] args;
    private String text;

    private Explanation(String rule, String pattern, Object[] args) {
        this.rule = rule;
        this.pattern = pattern;
        this.args = args;
    }

    /** An explanation by a rule; {@code pattern} is a {@link String#format} pattern, formatted in Locale.ROOT. */
    public static Explanation byRule(String rule, String pattern, Object... args) {
        return new Explanation(rule, pattern, args);
    }

    /** The rule's name, or "" for decisions the engine made outside rules (teacher overrides). */
    public String rule() {
        return rule;
    }

    /** The sentence with its values, e.g. "decaying average 0.82 >= threshold 0.80 for grade band 6-8". */
    public String text() {
        if (text == null) {
            text = args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
        }
        return text;
    }

    /** The sentence followed by the rule that made it: {@code text (rule "name")}. */
    @Override
    public String toString() {
        return rule.isEmpty() ? text() : text() + " (rule \"" + rule + "\")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Explanation e && e.rule.equals(rule) && e.text().equals(text());
    }

    @Override
    public int hashCode() {
        return rule.hashCode() * 31 + text().hashCode();
    }
}
