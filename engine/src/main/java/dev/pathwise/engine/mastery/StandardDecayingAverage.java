package dev.pathwise.engine.mastery;

/**
 * {@code standard_decaying_average}: Canvas's current "Decaying Average" (and the running average PowerSchool and
 * others call decaying): it starts at the first score, and each later score moves it by {@code w} of the way:
 * {@code avg ← avg·(1 − w) + score·w}. Every older score keeps a share, shrinking by {@code 1 − w} at each newer one.
 *
 * @param w the weight of each new score, in (0, 1]; 1 gives the latest score
 */
record StandardDecayingAverage(double w) implements Calculation {

    static final String NAME = "standard_decaying_average";
    static final Parameter W = Parameter.aboveZeroUpToOne("w", 0.65);

    @Override
    public MethodResult apply(double[] scores, String name) {
        double average = scores[0];
        for (int i = 1; i < scores.length; i++) {
            average = average * (1.0 - w) + scores[i] * w;
        }
        return new MethodResult(Scores.clamp(average), true, name, "");
    }
}
