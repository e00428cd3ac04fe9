package dev.pathwise.engine.mastery;

/** {@code latest}: mastery is the most recent score (the last in the order the evidence was observed). */
record Latest() implements Calculation {

    static final String NAME = "latest";

    @Override
    public MethodResult apply(double[] scores, String name) {
        return new MethodResult(scores[scores.length - 1], true, name, "");
    }
}
