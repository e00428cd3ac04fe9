package dev.pathwise.engine.mastery;

/** {@code mean} (also {@code average}): mastery is the arithmetic mean of all scores. */
record Mean() implements Calculation {

    static final String NAME = "mean";

    @Override
    public MethodResult apply(double[] scores, String name) {
        return new MethodResult(Scores.mean(scores), true, name, "");
    }
}
