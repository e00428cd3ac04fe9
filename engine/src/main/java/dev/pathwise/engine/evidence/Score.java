package dev.pathwise.engine.evidence;

/**
 * A raw score on its own scale, for example 7 out of 0..10 or 3 on a 1..4 rubric.
 *
 * <p>The engine works on the normalized value in [0, 1]: {@code (raw - min) / (max - min)}.
 */
public record Score(double raw, double min, double max) {

    public Score {
        if (!Double.isFinite(raw) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException(
                    "score: raw " + raw + ", min " + min + " and max " + max + " must all be finite numbers");
        }
        if (max <= min) {
            throw new IllegalArgumentException("score.max: " + max + " must be greater than score.min " + min
                    + " (a scale such as min 0, max 100)");
        }
        if (raw < min || raw > max) {
            throw new IllegalArgumentException("score.raw: " + raw + " is outside the scale " + min + ".." + max
                    + "; send a raw score within the scale or correct the scale");
        }
    }

    /** A score already on the 0..1 scale. */
    public static Score fraction(double value) {
        return new Score(value, 0.0, 1.0);
    }

    /** The score on the engine's 0..1 scale. */
    public double normalized() {
        return (raw - min) / (max - min);
    }
}
