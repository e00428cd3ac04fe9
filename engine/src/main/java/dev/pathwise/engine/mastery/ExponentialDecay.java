package dev.pathwise.engine.mastery;

/**
 * {@code exponential_decay}, Pathwise's own: a weighted mean where the latest score weighs 1 and each older score
 * weighs {@code decay} times the next newer one (weights 1, d, d², ...): {@code Σ wᵢsᵢ / Σ wᵢ}. Unlike
 * {@code standard_decaying_average}, the first score gets no larger share than its weight.
 *
 * @param decay the factor between neighbouring weights, in (0, 1]; 1 gives the plain mean
 */
record ExponentialDecay(double decay) implements Calculation {

    static final String NAME = "exponential_decay";
    static final Parameter DECAY = Parameter.aboveZeroUpToOne("decay", 0.7);

    @Override
    public MethodResult apply(double[] scores, String name) {
        double weight = 1.0;
        double weightedSum = 0.0;
        double weightSum = 0.0;
        for (int i = scores.length - 1; i >= 0; i--) {
            weightedSum += weight * scores[i];
            weightSum += weight;
            weight *= decay;
        }
        return new MethodResult(Scores.clamp(weightedSum / weightSum), true, name, "");
    }
}
