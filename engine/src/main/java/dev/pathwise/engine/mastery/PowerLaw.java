package dev.pathwise.engine.mastery;

/**
 * {@code power_law}: the power law of JumpRope and PowerSchool ("trend"), after Marzano. Each score is put back
 * on the scale it was given on, {@code points = scale_min + score·(scale_max − scale_min)}; a least-squares line
 * is fitted to {@code ln(points)} over {@code ln(attempt)}, attempts 1..k; the value is the fit at the last
 * attempt, {@code exp(a + b·ln k)}, put back on 0..1: {@code (fit − scale_min) / (scale_max − scale_min)}.
 *
 * <p>Two edges have stated rules, and the note says when either applied. A score below
 * {@code floor·scale_max} points (a 0 on a scale that starts at 0, whose logarithm is undefined) is counted as
 * {@code floor·scale_max}. A fit above the top of the scale is reported as the top, one below its bottom as the
 * bottom. With fewer than 3 scores the fit means little, so the method reports the mean and says so.
 *
 * @param floor    the lowest score the fit uses, as a share of {@code scale_max}, in (0, 1)
 * @param scaleMin the bottom of the scale the scores were given on, at least 0 (1 for a 1-4 rubric)
 * @param scaleMax the top of that scale, above {@code scaleMin} (4 for a 1-4 rubric)
 */
record PowerLaw(double floor, double scaleMin, double scaleMax) implements Calculation {

    static final String NAME = "power_law";
    static final Parameter FLOOR = Parameter.inOpenUnit("floor", 0.01);
    static final Parameter SCALE_MIN = Parameter.atLeastZero("scale_min", 0.0);
    static final Parameter SCALE_MAX = Parameter.aboveZero("scale_max", 1.0);
    static final int MINIMUM_SCORES = 3;
    /** How far outside the scale a fit may fall from rounding alone, on 0..1, before it counts as outside. */
    private static final double ROUNDING = 1e-9;

    /** The method called {@code name}, once its scale is known to have a top above its bottom. */
    static PowerLaw of(String name, double floor, double scaleMin, double scaleMax) {
        if (!(scaleMax > scaleMin)) {
            throw new IllegalArgumentException("Mastery method '" + name + "' parameter 'scale_max' is "
                    + DecimalText.of(scaleMax) + ", outside the allowed range: a number > scale_min ("
                    + DecimalText.of(scaleMin) + "). scale_min and scale_max are the bottom and top of the scale"
                    + " the scores are given on, for example scale_min 1 and scale_max 4 for a 1-4 rubric.");
        }
        return new PowerLaw(floor, scaleMin, scaleMax);
    }

    @Override
    public MethodResult apply(double[] scores, String name) {
        int attempts = scores.length;
        if (attempts < MINIMUM_SCORES) {
            return new MethodResult(
                    Scores.mean(scores),
                    true,
                    Mean.NAME,
                    "the power law needs at least " + MINIMUM_SCORES + " scores, so this is the mean of the " + attempts
                            + " so far");
        }
        double width = scaleMax - scaleMin;
        double lowest = floor * scaleMax;
        // One pass (Welford): running means of x = ln attempt and y = ln points, and the centred sums
        // Sxx = Σ(x − x̄)² and Sxy = Σ(x − x̄)(y − ȳ).
        double meanX = 0.0;
        double meanY = 0.0;
        double sxx = 0.0;
        double sxy = 0.0;
        int raised = 0;
        for (int i = 0; i < attempts; i++) {
            double points = scaleMin + scores[i] * width;
            if (points < lowest) {
                points = lowest;
                raised++;
            }
            double x = Math.log(i + 1);
            double y = Math.log(points);
            int seen = i + 1;
            double dx = x - meanX;
            meanX += dx / seen;
            meanY += (y - meanY) / seen;
            sxx += dx * (x - meanX);
            sxy += dx * (y - meanY);
        }
        // attempts >= 3 have distinct ln(attempt), so sxx > 0 and the slope is defined.
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double fit = Math.exp(intercept + slope * Math.log(attempts));
        double share = (fit - scaleMin) / width;
        String raisedNote = raised == 0
                ? ""
                : raised + (raised == 1 ? " score" : " scores") + " below "
                        + DecimalText.brief(lowest) + " counted as " + DecimalText.brief(lowest)
                        + ", as the power law cannot use a score of 0";
        String outsideNote = share > 1.0 + ROUNDING
                ? outside(fit, "reaches", "above the top", scaleMax)
                : share < -ROUNDING ? outside(fit, "falls to", "below the bottom", scaleMin) : "";
        String note = raisedNote.isEmpty() || outsideNote.isEmpty()
                ? raisedNote + outsideNote
                : raisedNote + "; " + outsideNote;
        return new MethodResult(Scores.clamp(share), true, name, note);
    }

    /** "the power-law trend reaches 4.35 at the latest score, above the top of the 1-4 scale, so 4 is used". */
    private String outside(double fit, String verb, String where, double used) {
        return "the power-law trend " + verb + " " + DecimalText.brief(fit) + " at the latest score, " + where
                + " of the " + DecimalText.of(scaleMin) + "-" + DecimalText.of(scaleMax) + " scale, so "
                + DecimalText.of(used) + " is used";
    }
}
