package dev.pathwise.engine.mastery;

/** Checks on the score series handed to a mastery method. */
final class Scores {

    private Scores() {}

    /** Throws unless {@code scores} holds at least one score and every score is a number in [0, 1]. */
    static void requireValid(double[] scores, String method) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException("scores: mastery method '" + method + "' was given "
                    + (scores == null ? "no score array" : "an empty score array")
                    + "; pass at least one score (learners without evidence have no mastery value to compute)");
        }
        for (int i = 0; i < scores.length; i++) {
            double score = scores[i];
            if (!(score >= 0.0 && score <= 1.0)) {
                throw new IllegalArgumentException("scores[" + i + "]: " + score + " given to mastery method '"
                        + method + "' is " + (Double.isNaN(score) ? "not a number" : "outside [0, 1]")
                        + "; normalize every score to the 0..1 scale (Score.normalized()) before applying a method");
            }
        }
    }

    /** {@code value} limited to [0, 1], absorbing rounding a hair outside it. */
    static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }

    /** The arithmetic mean of scores already known to be valid. */
    static double mean(double[] scores) {
        double sum = 0.0;
        for (double score : scores) {
            sum += score;
        }
        return clamp(sum / scores.length);
    }
}
