package dev.pathwise.engine.mastery;

import dev.pathwise.engine.spelling.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule deciding whether a parent competency is mastered from how many of its children are.
 *
 * @param rule   the kind of rule
 * @param amount for {@link RollupRule#AT_LEAST_COUNT} the whole number of children (>= 1); for
 *               {@link RollupRule#AT_LEAST_PERCENT} the percentage (0 < p <= 100); 0 for ALL and ANY
 */
public record Rollup(RollupRule rule, double amount) {

    static final String ACCEPTED_FORMS =
            "all, any, at_least_count <k> (a whole number >= 1)," + " at_least_percent <p> (0 < p <= 100)";
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final List<String> KEYWORDS =
            Arrays.stream(RollupRule.values()).map(RollupRule::keyword).toList();

    public Rollup {
        if (rule == null) {
            throw new IllegalArgumentException("rollup: no rule; use one of: " + ACCEPTED_FORMS);
        }
        String problem = amountProblem(rule, amount);
        if (problem != null) {
            throw new IllegalArgumentException(
                    "rollup " + rule.keyword() + ": " + problem + "; use for example " + example(rule));
        }
    }

    /** Why {@code amount} does not suit {@code rule}, or {@code null} when it does. */
    private static String amountProblem(RollupRule rule, double amount) {
        return switch (rule) {
            case ALL, ANY -> amount == 0.0 ? null : "takes no amount, but got " + DecimalText.of(amount) + " (use 0)";
            case AT_LEAST_COUNT ->
                amount >= 1.0 && amount == Math.rint(amount)
                        ? null
                        : DecimalText.of(amount) + " is not a whole number >= 1";
            case AT_LEAST_PERCENT ->
                amount > 0.0 && amount <= 100.0
                        ? null
                        : DecimalText.of(amount) + " is outside the allowed range (0, 100]";
        };
    }

    private static String example(RollupRule rule) {
        return switch (rule) {
            case ALL, ANY -> "new Rollup(RollupRule." + rule + ", 0)";
            case AT_LEAST_COUNT -> "'at_least_count 2'";
            case AT_LEAST_PERCENT -> "'at_least_percent 75'";
        };
    }

    /**
     * Reads a rollup as policies write it: "all", "any", "at_least_count 3" or "at_least_percent 75",
     * in any letter case.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static Rollup parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("rollup: '" + text + "' is empty; use one of: " + ACCEPTED_FORMS);
        }
        String[] words = text.trim().split("\\s+");
        String keyword = words[0].toLowerCase(Locale.ROOT);
        RollupRule rule = null;
        for (RollupRule candidate : RollupRule.values()) {
            if (candidate.keyword().equals(keyword)) {
                rule = candidate;
            }
        }
        if (rule == null) {
            throw new IllegalArgumentException("rollup '" + text + "' is not recognized."
                    + Suggestions.nameHint(words[0], KEYWORDS) + " Use one of: " + ACCEPTED_FORMS + ".");
        }
        boolean needsAmount = rule == RollupRule.AT_LEAST_COUNT || rule == RollupRule.AT_LEAST_PERCENT;
        if (words.length != (needsAmount ? 2 : 1)
                || needsAmount && !NUMBER.matcher(words[1]).matches()) {
            throw new IllegalArgumentException("rollup '" + text + "' is not recognized: " + keyword
                    + (needsAmount ? " needs one number after it" : " takes nothing after it")
                    + ". Use one of: " + ACCEPTED_FORMS + ".");
        }
        double amount = needsAmount ? Double.parseDouble(words[1]) : 0.0;
        String problem = amountProblem(rule, amount);
        if (problem != null) {
            throw new IllegalArgumentException(
                    "rollup '" + text + "': " + problem + ". Use one of: " + ACCEPTED_FORMS + ".");
        }
        return new Rollup(rule, amount);
    }

    /**
     * Whether the parent is mastered when {@code masteredChildren} of its {@code totalChildren} are.
     * A parent without children is never mastered by ALL or AT_LEAST_PERCENT.
     *
     * @throws IllegalArgumentException for a negative count or more mastered children than children
     */
    public boolean isSatisfied(int masteredChildren, int totalChildren) {
        if (masteredChildren < 0 || totalChildren < 0 || masteredChildren > totalChildren) {
            throw new IllegalArgumentException("rollup: " + masteredChildren + " mastered of " + totalChildren
                    + " children is not a possible count; pass counts with 0 <= mastered <= total");
        }
        return switch (rule) {
            case ALL -> totalChildren > 0 && masteredChildren == totalChildren;
            case ANY -> masteredChildren >= 1;
            case AT_LEAST_COUNT -> masteredChildren >= amount;
            // mastered/total·100 >= p, compared without dividing so that 57 of 100 meets 57%.
            case AT_LEAST_PERCENT -> totalChildren > 0 && masteredChildren * 100.0 >= amount * totalChildren;
        };
    }

    /** The rule in words, for example "at least 3 of the children mastered". */
    public String describe() {
        return switch (rule) {
            case ALL -> "all of the children mastered";
            case ANY -> "at least one of the children mastered";
            case AT_LEAST_COUNT -> "at least " + DecimalText.of(amount) + " of the children mastered";
            case AT_LEAST_PERCENT -> "at least " + DecimalText.of(amount) + "% of the children mastered";
        };
    }
}
