package dev.pathwise.engine.mastery;

/**
 * {@code weighted_average} (also {@code decaying_average}, Canvas's original "decaying average", which Canvas now
 * labels "Weighted Average"): {@code latest·w + mean(all previous scores)·(1 − w)}; with one score, that score.
 *
 * @param w the weight of the latest score, in (0, 1]
 */
record WeightedAverage(double w) implements Calculation {

    static final String NAME = "weighted_average";
    static final Parameter W = Parameter.aboveZeroUpToOne("w", 0.65);

    @Override
    public MethodResult apply(double[] scores, String name) {
        int last = scores.length - 1;
        if (last == 0) {
            return new MethodResult(scores[0], true, name, "");
        }
        double previousSum = 0.0;
        for (int i = 0; i < last; i++) {
            previousSum += scores[i];
        }
        double value = scores[last] * w + (previousSum / last) * (1.0 - w);
        return new MethodResult(Scores.clamp(value), true, name, "");
    }
}
