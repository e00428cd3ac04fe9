package dev.pathwise.engine.mastery;

/** {@code highest}: mastery is the best score so far. */
record Highest() implements Calculation {

    static final String NAME = "highest";

    @Override
    public MethodResult apply(double[] scores, String name) {
        double highest = scores[0];
        for (int i = 1; i < scores.length; i++) {
            highest = Math.max(highest, scores[i]);
        }
        return new MethodResult(highest, true, name, "");
    }
}
