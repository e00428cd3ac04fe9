package dev.pathwise.engine.mastery;

/**
 * {@code decaying_average}: {@code latest·w + mean(all previous scores)·(1 − w)}; with one score, that score.
 *
 * @param w the weight of the latest score, in (0, 1]
 */
record DecayingAverage(double w) implements MasteryMethod {

    static final String NAME = "decaying_average";
    static final Parameter W = Parameter.aboveZeroUpToOne("w", 0.65);

    DecayingAverage {
        W.check(NAME, w);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MethodResult apply(double[] scores) {
        Scores.requireValid(scores, NAME);
        int last = scores.length - 1;
        if (last == 0) {
            return new MethodResult(scores[0], true, NAME, "");
        }
        double previousSum = 0.0;
        for (int i = 0; i < last; i++) {
            previousSum += scores[i];
        }
        double value = scores[last] * w + (previousSum / last) * (1.0 - w);
        return new MethodResult(Scores.clamp(value), true, NAME, "");
    }
}
