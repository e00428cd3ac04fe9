package dev.pathwise.engine.mastery;

/**
 * {@code n_mastery}: Canvas's "n Number of Times". Once at least {@code n} scores are at or above
 * {@code threshold} (Canvas's mastery points), the value is the average of every score at or above it, from the
 * whole history; below or under it scores do not count. Before that the method has no value: Pathwise reports 0
 * with mastery not allowed, and a note saying how many such scores there are and how many are needed.
 *
 * @param n         how many scores must reach the threshold, at least 1
 * @param threshold the score that counts, in [0, 1]
 */
record NMastery(int n, double threshold) implements Calculation {

    static final String NAME = "n_mastery";
    static final Parameter N = Parameter.count("n", 3);
    static final Parameter THRESHOLD = Parameter.inClosedUnit("threshold", 0.8);

    @Override
    public MethodResult apply(double[] scores, String name) {
        int reaching = 0;
        double sum = 0.0;
        for (double score : scores) {
            if (score >= threshold) {
                reaching++;
                sum += score;
            }
        }
        if (reaching < n) {
            return new MethodResult(
                    0.0,
                    false,
                    name,
                    reaching + " of the " + scores.length
                            + (scores.length == 1 ? " score " : " scores ") + (reaching == 1 ? "is" : "are")
                            + " at or above "
                            + DecimalText.of(threshold) + ", and " + n + (n == 1 ? " is" : " are")
                            + " needed before those"
                            + " are averaged into a mastery score (until then the score counts as 0)");
        }
        return new MethodResult(
                Scores.clamp(sum / reaching),
                true,
                name,
                "the average of the " + reaching
                        + (reaching == 1 ? " score" : " scores") + " at or above " + DecimalText.of(threshold) + " (of "
                        + scores.length + " in all; at least " + n + " needed)");
    }
}
