package dev.pathwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DecayingAverageTest implements RejectsInvalidScores {

    private final MasteryMethod decayingAverage = MasteryMethods.create("decaying_average", Map.of());

    @Override
    public MasteryMethod method() {
        return decayingAverage;
    }

    @Test
    void weighs_the_latest_score_by_w_and_the_mean_of_the_previous_ones_by_one_minus_w() {
        MethodResult result = decayingAverage.apply(new double[] {0.5, 0.7, 0.9});

        assertThat(result.value()).isCloseTo(0.9 * 0.65 + ((0.5 + 0.7) / 2) * 0.35, within(1e-9));
        assertThat(result.value()).isCloseTo(0.795, within(1e-9));
        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.methodUsed()).isEqualTo("decaying_average");
        assertThat(result.note()).isEmpty();
    }

    @Test
    void with_two_scores_the_previous_mean_is_the_first_score() {
        double value = decayingAverage.apply(new double[] {0.4, 1.0}).value();

        assertThat(value).isCloseTo(1.0 * 0.65 + 0.4 * 0.35, within(1e-9));
    }

    @Test
    void a_lower_latest_score_pulls_the_value_down() {
        double value = decayingAverage.apply(new double[] {0.9, 0.8, 1.0, 0.3}).value();

        assertThat(value).isCloseTo(0.3 * 0.65 + ((0.9 + 0.8 + 1.0) / 3) * 0.35, within(1e-9));
    }

    @Test
    void uses_the_w_it_is_given() {
        MasteryMethod halfWeight = MasteryMethods.create("decaying_average", Map.of("w", 0.5));

        double value = halfWeight.apply(new double[] {0.2, 0.6, 0.8}).value();

        assertThat(value).isCloseTo(0.8 * 0.5 + ((0.2 + 0.6) / 2) * 0.5, within(1e-9));
    }

    @Test
    void w_of_one_is_the_latest_score() {
        MasteryMethod latestOnly = MasteryMethods.create("decaying_average", Map.of("w", 1.0));

        assertThat(latestOnly.apply(new double[] {0.9, 0.9, 0.2}).value()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void one_score_is_the_value() {
        assertThat(decayingAverage.apply(new double[] {0.42}).value()).isCloseTo(0.42, within(1e-9));
    }

    @Test
    void equal_scores_give_that_score() {
        assertThat(decayingAverage.apply(new double[] {0.6, 0.6, 0.6}).value()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void zeros_give_zero_and_ones_give_one() {
        assertThat(decayingAverage.apply(new double[] {0.0, 0.0, 0.0}).value()).isCloseTo(0.0, within(1e-9));
        assertThat(decayingAverage.apply(new double[] {1.0, 1.0, 1.0}).value()).isCloseTo(1.0, within(1e-9));
        assertThat(decayingAverage.apply(new double[] {1.0, 1.0, 0.0}).value())
                .isCloseTo(0.0 * 0.65 + 1.0 * 0.35, within(1e-9));
    }

    @Test
    void a_tiny_w_never_reports_above_one() {
        MasteryMethod almostMean = MasteryMethods.create("decaying_average", Map.of("w", 1e-17));

        assertThat(almostMean.apply(new double[] {1.0, 1.0}).value()).isLessThanOrEqualTo(1.0);
    }
}
