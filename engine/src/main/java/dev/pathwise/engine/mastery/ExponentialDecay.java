package dev.pathwise.engine.mastery;

/**
 * {@code exponential_decay}: a weighted mean where the latest score weighs 1 and each older score weighs
 * {@code decay} times the next newer one (weights 1, d, d², ...): {@code Σ wᵢsᵢ / Σ wᵢ}.
 *
 * @param decay the factor between neighbouring weights, in (0, 1]; 1 gives the plain mean
 */
record ExponentialDecay(double decay) implements MasteryMethod {

    static final String NAME = "exponential_decay";
    static final Parameter DECAY = Parameter.aboveZeroUpToOne("decay", 0.7);

    ExponentialDecay {
        DECAY.check(NAME, decay);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MethodResult apply(double[] scores) {
        Scores.requireValid(scores, NAME);
        double weight = 1.0;
        double weightedSum = 0.0;
        double weightSum = 0.0;
        for (int i = scores.length - 1; i >= 0; i--) {
            weightedSum += weight * scores[i];
            weightSum += weight;
            weight *= decay;
        }
        return new MethodResult(Scores.clamp(weightedSum / weightSum), true, NAME, "");
    }
}
