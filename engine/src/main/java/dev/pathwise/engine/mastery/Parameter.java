package dev.pathwise.engine.mastery;

/**
 * One parameter of a mastery method: its name, default and allowed range.
 *
 * @param name          the name used in policies, for example {@code "w"}
 * @param defaultValue  the value taken when a policy leaves the parameter out
 * @param min           the lower bound
 * @param minExcluded   whether {@code min} itself is not allowed
 * @param max           the upper bound
 * @param maxExcluded   whether {@code max} itself is not allowed
 * @param wholeNumber   whether only whole numbers are allowed (counts)
 */
record Parameter(
        String name,
        double defaultValue,
        double min,
        boolean minExcluded,
        double max,
        boolean maxExcluded,
        boolean wholeNumber) {

    /** A probability or fraction in [0, 1]. */
    static Parameter inClosedUnit(String name, double defaultValue) {
        return new Parameter(name, defaultValue, 0.0, false, 1.0, false, false);
    }

    /** A fraction in (0, 1]. */
    static Parameter aboveZeroUpToOne(String name, double defaultValue) {
        return new Parameter(name, defaultValue, 0.0, true, 1.0, false, false);
    }

    /** A fraction in [0, 1). */
    static Parameter fromZeroBelowOne(String name, double defaultValue) {
        return new Parameter(name, defaultValue, 0.0, false, 1.0, true, false);
    }

    /** A fraction in (0, 1). */
    static Parameter inOpenUnit(String name, double defaultValue) {
        return new Parameter(name, defaultValue, 0.0, true, 1.0, true, false);
    }

    /** A number of at least 0, without upper bound: a point on a scale. */
    static Parameter atLeastZero(String name, double defaultValue) {
        return new Parameter(name, defaultValue, 0.0, false, Double.POSITIVE_INFINITY, false, false);
    }

    /** A number above 0, without upper bound: a point on a scale. */
    static Parameter aboveZero(String name, double defaultValue) {
        return new Parameter(name, defaultValue, 0.0, true, Double.POSITIVE_INFINITY, false, false);
    }

    /** A whole number of at least 1. */
    static Parameter count(String name, double defaultValue) {
        return new Parameter(name, defaultValue, 1.0, false, Integer.MAX_VALUE, false, true);
    }

    boolean allows(double value) {
        boolean aboveMin = minExcluded ? value > min : value >= min;
        boolean belowMax = maxExcluded ? value < max : value <= max;
        return Double.isFinite(value) && aboveMin && belowMax && (!wholeNumber || value == Math.rint(value));
    }

    /** The allowed range as people read it: "(0, 1]", "a number >= 0" or "a whole number >= 1". */
    String range() {
        if (wholeNumber) {
            return "a whole number >= " + DecimalText.of(min);
        }
        if (max == Double.POSITIVE_INFINITY) {
            return "a number " + (minExcluded ? "> " : ">= ") + DecimalText.of(min);
        }
        return (minExcluded ? "(" : "[") + DecimalText.of(min) + ", " + DecimalText.of(max) + (maxExcluded ? ")" : "]");
    }

    /** Returns {@code value}, or throws naming the method, this parameter, the value and the allowed range. */
    double check(String method, double value) {
        if (!allows(value)) {
            throw new IllegalArgumentException("Mastery method '" + method + "' parameter '" + name + "' is "
                    + DecimalText.of(value) + ", outside the allowed range: " + range()
                    + ". Use a value in that range, for example the default " + DecimalText.of(defaultValue) + ".");
        }
        return value;
    }
}
