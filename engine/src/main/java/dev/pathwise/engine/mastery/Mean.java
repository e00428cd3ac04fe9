package dev.pathwise.engine.mastery;

/** {@code mean}: mastery is the arithmetic mean of all scores. */
final class Mean implements MasteryMethod {

    static final String NAME = "mean";
    static final Mean INSTANCE = new Mean();

    private Mean() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MethodResult apply(double[] scores) {
        Scores.requireValid(scores, NAME);
        return new MethodResult(Scores.mean(scores), true, NAME, "");
    }

    @Override
    public String toString() {
        return NAME;
    }
}
