package dev.pathwise.engine.mastery;

/**
 * {@code power_law}: least-squares fit of {@code ln(score)} on {@code ln(attempt)} over attempts 1..k, reported
 * as the prediction {@code exp(a + b·ln k)} at the last attempt and clamped to [0, 1].
 *
 * <p>Scores below {@code floor} are raised to it before taking the log. With fewer than 3 scores the fit means
 * little, so the method falls back to the mean and says so.
 *
 * @param floor the lowest score used in the fit, in (0, 1)
 */
record PowerLaw(double floor) implements MasteryMethod {

    static final String NAME = "power_law";
    static final Parameter FLOOR = Parameter.inOpenUnit("floor", 0.01);
    static final int MINIMUM_SCORES = 3;
    static final String TOO_FEW_SCORES = "power law needs at least 3 scores; used the mean";

    PowerLaw {
        FLOOR.check(NAME, floor);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MethodResult apply(double[] scores) {
        Scores.requireValid(scores, NAME);
        int attempts = scores.length;
        if (attempts < MINIMUM_SCORES) {
            return new MethodResult(Scores.mean(scores), true, Mean.NAME, TOO_FEW_SCORES);
        }
        // One pass (Welford): running means of x = ln attempt and y = ln score, and the centred sums
        // Sxx = Σ(x − x̄)² and Sxy = Σ(x − x̄)(y − ȳ).
        double meanX = 0.0;
        double meanY = 0.0;
        double sxx = 0.0;
        double sxy = 0.0;
        int raised = 0;
        for (int i = 0; i < attempts; i++) {
            double score = scores[i];
            if (score < floor) {
                score = floor;
                raised++;
            }
            double x = Math.log(i + 1);
            double y = Math.log(score);
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
        double predicted = Math.exp(intercept + slope * Math.log(attempts));
        double value = Scores.clamp(predicted);
        if (raised == 0 && value == predicted) {
            return new MethodResult(value, true, NAME, "");
        }
        StringBuilder note = new StringBuilder();
        if (raised > 0) {
            note.append("raised ").append(raised).append(raised == 1 ? " score" : " scores").append(" below the floor ")
                    .append(DecimalText.of(floor)).append(" to the floor before taking logs");
        }
        if (value != predicted) {
            note.append(note.length() == 0 ? "" : "; ").append("the fit predicts ").append(predicted)
                    .append(" at the last attempt; clamped to ").append(DecimalText.of(value));
        }
        return new MethodResult(value, true, NAME, note.toString());
    }
}
