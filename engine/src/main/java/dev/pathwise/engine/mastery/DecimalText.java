package dev.pathwise.engine.mastery;

/** Writes a number for people: whole numbers without ".0", others as Java prints them. */
final class DecimalText {

    private DecimalText() {
    }

    static String of(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
