package dev.pathwise.engine.mastery;

/**
 * {@code n_of_last_m} (also {@code n_of_m}, its earlier name), Pathwise's own: mastery is allowed once at least
 * {@code n} of the last {@code m} scores reach {@code threshold}.
 *
 * <p>The value is the n-th highest of the last m scores, so it reaches the threshold exactly when mastery is
 * allowed. With fewer than n scores the value is their mean and mastery is not allowed yet. Canvas's
 * "n Number of Times" is {@link NMastery}, which has no window.
 *
 * @param n         how many recent scores must reach the threshold, at least 1
 * @param m         how many of the most recent scores are looked at, at least n
 * @param threshold the score that counts, in [0, 1]
 */
record NOfLastM(int n, int m, double threshold) implements Calculation {

    static final String NAME = "n_of_last_m";
    static final Parameter N = Parameter.count("n", 3);
    static final Parameter M = Parameter.count("m", 5);
    static final Parameter THRESHOLD = Parameter.inClosedUnit("threshold", 0.8);

    /** The method called {@code name}, once its window is known to hold n scores. */
    static NOfLastM of(String name, int n, int m, double threshold) {
        if (m < n) {
            throw new IllegalArgumentException("Mastery method '" + name + "' parameter 'm' is " + m
                    + ", outside the allowed range: a whole number >= n (" + n + "). m is how many recent scores"
                    + " are looked at and must hold the n = " + n + " that reach the threshold; set m >= " + n + ".");
        }
        return new NOfLastM(n, m, threshold);
    }

    @Override
    public MethodResult apply(double[] scores, String name) {
        int count = scores.length;
        String rule = n + " of the last " + m + " scores must be at or above " + DecimalText.of(threshold);
        if (count < n) {
            return new MethodResult(
                    Scores.mean(scores),
                    false,
                    name,
                    "only " + count
                            + (count == 1 ? " score" : " scores") + " so far, and " + rule
                            + " (until then the score is the mean so far)");
        }
        int from = Math.max(0, count - m);
        int reaching = 0;
        for (int i = from; i < count; i++) {
            if (scores[i] >= threshold) {
                reaching++;
            }
        }
        int window = count - from;
        String counted = reaching + " of the last " + window + (window == 1 ? " score " : " scores ")
                + (reaching == 1 ? "is" : "are") + " at or above " + DecimalText.of(threshold);
        boolean allowed = reaching >= n;
        String note = allowed
                ? counted + " (" + n + " needed); the score is the " + (n == 1 ? "" : DecimalText.ordinal(n) + " ")
                        + "highest of those " + window
                : counted + ", and " + n + (n == 1 ? " is" : " are") + " needed";
        return new MethodResult(nthHighest(scores, from, count), allowed, name, note);
    }

    /** The n-th highest of {@code scores[from..to)}, without copying: O(window²), and the window is small. */
    private double nthHighest(double[] scores, int from, int to) {
        for (int i = from; i < to; i++) {
            double candidate = scores[i];
            int higher = 0;
            int equal = 0;
            for (int j = from; j < to; j++) {
                if (scores[j] > candidate) {
                    higher++;
                } else if (scores[j] == candidate) {
                    equal++;
                }
            }
            if (higher < n && higher + equal >= n) {
                return candidate;
            }
        }
        throw new IllegalStateException("n_of_last_m: no " + n + "-th highest among " + (to - from) + " scores");
    }
}
