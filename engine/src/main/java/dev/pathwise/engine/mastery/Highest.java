package dev.pathwise.engine.mastery;

/** {@code highest}: mastery is the best score so far. */
final class Highest implements MasteryMethod {

    static final String NAME = "highest";
    static final Highest INSTANCE = new Highest();

    private Highest() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MethodResult apply(double[] scores) {
        Scores.requireValid(scores, NAME);
        double highest = scores[0];
        for (int i = 1; i < scores.length; i++) {
            highest = Math.max(highest, scores[i]);
        }
        return new MethodResult(highest, true, NAME, "");
    }

    @Override
    public String toString() {
        return NAME;
    }
}
