package dev.pathwise.engine.mastery;

/** {@code latest}: mastery is the most recent score. */
final class Latest implements MasteryMethod {

    static final String NAME = "latest";
    static final Latest INSTANCE = new Latest();

    private Latest() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MethodResult apply(double[] scores) {
        Scores.requireValid(scores, NAME);
        return new MethodResult(scores[scores.length - 1], true, NAME, "");
    }

    @Override
    public String toString() {
        return NAME;
    }
}
