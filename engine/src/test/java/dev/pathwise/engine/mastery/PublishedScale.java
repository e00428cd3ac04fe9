package dev.pathwise.engine.mastery;

import dev.pathwise.engine.evidence.Score;

/**
 * A scale on which a method's expected results were published: Canvas's outcome with mastery points 3 of 5
 * ({@code 0..5}), JumpRope's 1-4 rubric ({@code 1..4}). Scores go into a method as evidence brings them, normalized
 * by {@link Score#normalized()}; a result comes back in the scale's points to compare with the published number.
 */
record PublishedScale(double min, double max) {

    static final PublishedScale CANVAS_FIVE_POINTS = new PublishedScale(0, 5);
    static final PublishedScale RUBRIC_ONE_TO_FOUR = new PublishedScale(1, 4);

    /** The scores, each given in points on this scale, as a method receives them (0..1). */
    double[] scores(double... points) {
        double[] scores = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            scores[i] = fraction(points[i]);
        }
        return scores;
    }

    /** One point value of this scale on 0..1, as evidence normalizes it. */
    double fraction(double points) {
        return new Score(points, min, max).normalized();
    }

    /** A method's value (0..1) in this scale's points. */
    double points(MethodResult result) {
        return min + result.value() * (max - min);
    }
}
