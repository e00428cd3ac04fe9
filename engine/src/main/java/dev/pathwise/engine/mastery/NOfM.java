package dev.pathwise.engine.mastery;

/**
 * {@code n_of_m}: mastery is allowed once at least {@code n} of the last {@code m} scores reach {@code threshold}.
 *
 * <p>The value is the n-th highest of the last m scores, so it reaches the threshold exactly when mastery is
 * allowed. With fewer than n scores the value is their mean and mastery is not allowed yet.
 *
 * @param n         how many recent scores must reach the threshold, at least 1
 * @param m         how many of the most recent scores are looked at, at least n
 * @param threshold the score that counts, in [0, 1]
 */
record NOfM(int n, int m, double threshold) implements MasteryMethod {

    static final String NAME = "n_of_m";
    static final Parameter N = Parameter.count("n", 3);
    static final Parameter M = Parameter.count("m", 5);
    static final Parameter THRESHOLD = Parameter.inClosedUnit("threshold", 0.8);

    NOfM {
        N.check(NAME, n);
        M.check(NAME, m);
        THRESHOLD.check(NAME, threshold);
        if (m < n) {
            throw new IllegalArgumentException("Mastery method '" + NAME + "' parameter 'm' is " + m
                    + ", outside the allowed range: a whole number >= n (" + n + "). m is how many recent scores"
                    + " are looked at and must hold the n = " + n + " that reach the threshold; set m >= " + n + ".");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MethodResult apply(double[] scores) {
        Scores.requireValid(scores, NAME);
        int count = scores.length;
        if (count < n) {
            int missing = n - count;
            return new MethodResult(Scores.mean(scores), false, NAME, "needs " + missing + " more score"
                    + (missing == 1 ? "" : "s") + " before mastery can be judged: " + n + " of the last " + m
                    + " must be at or above " + DecimalText.of(threshold) + "; value is the mean so far");
        }
        int from = Math.max(0, count - m);
        int reaching = 0;
        for (int i = from; i < count; i++) {
            if (scores[i] >= threshold) {
                reaching++;
            }
        }
        boolean allowed = reaching >= n;
        String note = (allowed ? "" : "not yet: only ") + reaching + " of the last " + (count - from)
                + " scores at or above " + DecimalText.of(threshold) + ", " + n + " needed";
        return new MethodResult(nthHighest(scores, from, count), allowed, NAME, note);
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
        throw new IllegalStateException("n_of_m: no " + n + "-th highest among " + (to - from) + " scores");
    }
}
