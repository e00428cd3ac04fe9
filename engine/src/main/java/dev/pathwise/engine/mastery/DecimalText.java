package dev.pathwise.engine.mastery;

import java.math.BigDecimal;
import java.math.MathContext;

/** Writes a number for people. */
final class DecimalText {

    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private DecimalText() {}

    /** Exactly: whole numbers without ".0", others as Java prints them (a parameter as it was given). */
    static String of(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** Rounded to 4 significant digits, without trailing zeros (a computed value): 3.657, 0.03, 4. */
    static String brief(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st. */
    static String ordinal(int number) {
        int lastTwo = number % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : switch (number % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return number + suffix;
    }
}
