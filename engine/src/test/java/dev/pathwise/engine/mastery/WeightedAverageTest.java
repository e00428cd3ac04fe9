package dev.pathwise.engine.mastery;

import static dev.pathwise.engine.mastery.PublishedScale.CANVAS_FIVE_POINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Canvas's original "decaying average", now labelled "Weighted Average": latest·w + mean(previous)·(1 − w). The
 * published expectations are Canvas's own (mastery points 3 of 5; Canvas rounds to 2 decimals, Pathwise does not).
 */
class WeightedAverageTest implements RejectsInvalidScores {

    private final MasteryMethod weightedAverage = MasteryMethods.create("weighted_average", Map.of());

    @Override
    public MasteryMethod method() {
        return weightedAverage;
    }

    @Test
    void weighs_the_latest_score_by_w_and_the_mean_of_the_previous_ones_by_one_minus_w() {
        MethodResult result = weightedAverage.apply(new double[] {0.5, 0.7, 0.9});

        assertThat(result.value()).isCloseTo(0.9 * 0.65 + ((0.5 + 0.7) / 2) * 0.35, within(1e-9));
        assertThat(result.value()).isCloseTo(0.795, within(1e-9));
        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.methodUsed()).isEqualTo("weighted_average");
        assertThat(result.note()).isEmpty();
    }

    @Test
    void with_two_scores_the_previous_mean_is_the_first_score() {
        double value = weightedAverage.apply(new double[] {0.4, 1.0}).value();

        assertThat(value).isCloseTo(1.0 * 0.65 + 0.4 * 0.35, within(1e-9));
    }

    @Test
    void a_lower_latest_score_pulls_the_value_down() {
        double value = weightedAverage.apply(new double[] {0.9, 0.8, 1.0, 0.3}).value();

        assertThat(value).isCloseTo(0.3 * 0.65 + ((0.9 + 0.8 + 1.0) / 3) * 0.35, within(1e-9));
    }

    @Test
    void uses_the_w_it_is_given() {
        MasteryMethod halfWeight = MasteryMethods.create("weighted_average", Map.of("w", 0.5));

        double value = halfWeight.apply(new double[] {0.2, 0.6, 0.8}).value();

        assertThat(value).isCloseTo(0.8 * 0.5 + ((0.2 + 0.6) / 2) * 0.5, within(1e-9));
    }

    @Test
    void w_of_one_is_the_latest_score() {
        MasteryMethod latestOnly = MasteryMethods.create("weighted_average", Map.of("w", 1.0));

        assertThat(latestOnly.apply(new double[] {0.9, 0.9, 0.2}).value()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void one_score_is_the_value() {
        assertThat(weightedAverage.apply(new double[] {0.42}).value()).isCloseTo(0.42, within(1e-9));
    }

    @Test
    void equal_scores_give_that_score() {
        assertThat(weightedAverage.apply(new double[] {0.6, 0.6, 0.6}).value()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void zeros_give_zero_and_ones_give_one() {
        assertThat(weightedAverage.apply(new double[] {0.0, 0.0, 0.0}).value()).isCloseTo(0.0, within(1e-9));
        assertThat(weightedAverage.apply(new double[] {1.0, 1.0, 1.0}).value()).isCloseTo(1.0, within(1e-9));
        assertThat(weightedAverage.apply(new double[] {1.0, 1.0, 0.0}).value())
                .isCloseTo(0.0 * 0.65 + 1.0 * 0.35, within(1e-9));
    }

    @Test
    void a_tiny_w_never_reports_above_one() {
        MasteryMethod almostMean = MasteryMethods.create("weighted_average", Map.of("w", 1e-17));

        assertThat(almostMean.apply(new double[] {1.0, 1.0}).value()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void canvas_2_3_4_oldest_first_with_65_is_3_48() {
        // 4·0.65 + mean(2, 3)·0.35 = 2.6 + 0.875
        MethodResult result = weightedAverage.apply(CANVAS_FIVE_POINTS.scores(2, 3, 4));

        assertThat(CANVAS_FIVE_POINTS.points(result))
                .isCloseTo(3.475, within(1e-9))
                .isCloseTo(3.48, within(0.005));
        assertThat(result.value()).isCloseTo(0.695, within(1e-9));
    }

    @Test
    void canvas_1_to_5_with_65_is_4_125() {
        // 5·0.65 + mean(1, 2, 3, 4)·0.35 = 3.25 + 0.875
        MethodResult result = weightedAverage.apply(CANVAS_FIVE_POINTS.scores(1, 2, 3, 4, 5));

        assertThat(CANVAS_FIVE_POINTS.points(result)).isCloseTo(4.125, within(1e-9));
        assertThat(result.value()).isCloseTo(0.825, within(1e-9));
    }

    @Test
    void canvas_3_1_5_4_with_75_is_3_75() {
        // 4·0.75 + mean(3, 1, 5)·0.25 = 3 + 0.75
        MasteryMethod seventyFive = MasteryMethods.create("weighted_average", Map.of("w", 0.75));

        MethodResult result = seventyFive.apply(CANVAS_FIVE_POINTS.scores(3, 1, 5, 4));

        assertThat(CANVAS_FIVE_POINTS.points(result)).isCloseTo(3.75, within(1e-9));
        assertThat(result.value()).isCloseTo(0.75, within(1e-9));
    }

    @Test
    void a_single_zero_gives_zero() {
        assertThat(weightedAverage.apply(CANVAS_FIVE_POINTS.scores(0)).value()).isEqualTo(0.0);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.65, 1.0})
    void decaying_average_is_its_earlier_name_with_the_same_results_reported_as_written(double w) {
        MasteryMethod decayingAverage = MasteryMethods.create("decaying_average", Map.of("w", w));
        MasteryMethod same = MasteryMethods.create("weighted_average", Map.of("w", w));
        double[] scores = {0.2, 0.9, 0.55, 0.7};

        MethodResult result = decayingAverage.apply(scores);

        assertThat(result.value()).isEqualTo(same.apply(scores).value());
        assertThat(result.methodUsed()).isEqualTo("decaying_average");
        assertThat(decayingAverage.name()).isEqualTo("decaying_average");
    }
}
