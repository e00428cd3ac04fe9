package dev.pathwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExponentialDecayTest implements RejectsInvalidScores {

    private final MasteryMethod exponentialDecay = MasteryMethods.create("exponential_decay", Map.of());

    @Override
    public MasteryMethod method() {
        return exponentialDecay;
    }

    @Test
    void weighs_the_latest_score_1_and_each_older_one_by_another_factor_decay() {
        MethodResult result = exponentialDecay.apply(new double[] {0.5, 0.7, 0.9});

        // weights, oldest first: 0.7², 0.7, 1
        double expected = (0.49 * 0.5 + 0.7 * 0.7 + 1 * 0.9) / (0.49 + 0.7 + 1);
        assertThat(result.value()).isCloseTo(expected, within(1e-9));
        assertThat(result.value()).isCloseTo(1.635 / 2.19, within(1e-9));
        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.methodUsed()).isEqualTo("exponential_decay");
        assertThat(result.note()).isEmpty();
    }

    @Test
    void uses_the_decay_it_is_given_over_four_scores() {
        MasteryMethod halving = MasteryMethods.create("exponential_decay", Map.of("decay", 0.5));

        double value = halving.apply(new double[] {1.0, 0.0, 0.4, 0.8}).value();

        // weights, oldest first: 0.125, 0.25, 0.5, 1
        double expected = (0.125 * 1.0 + 0.25 * 0.0 + 0.5 * 0.4 + 1 * 0.8) / (0.125 + 0.25 + 0.5 + 1);
        assertThat(value).isCloseTo(expected, within(1e-9));
        assertThat(value).isCloseTo(1.125 / 1.875, within(1e-9));
    }

    @Test
    void decay_of_one_is_the_plain_mean() {
        MasteryMethod noDecay = MasteryMethods.create("exponential_decay", Map.of("decay", 1.0));

        assertThat(noDecay.apply(new double[] {0.2, 0.9, 0.4}).value()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void one_score_is_the_value() {
        assertThat(exponentialDecay.apply(new double[] {0.33}).value()).isCloseTo(0.33, within(1e-9));
    }

    @Test
    void equal_scores_give_that_score() {
        assertThat(exponentialDecay.apply(new double[] {0.6, 0.6, 0.6, 0.6}).value())
                .isCloseTo(0.6, within(1e-9));
    }

    @Test
    void zeros_give_zero_and_ones_give_one() {
        assertThat(exponentialDecay.apply(new double[] {0.0, 0.0, 0.0}).value()).isCloseTo(0.0, within(1e-9));
        assertThat(exponentialDecay.apply(new double[] {1.0, 1.0, 1.0}).value()).isCloseTo(1.0, within(1e-9));
        assertThat(exponentialDecay.apply(new double[] {0.0, 1.0}).value())
                .isCloseTo((0.7 * 0.0 + 1 * 1.0) / (0.7 + 1), within(1e-9));
    }

    @Test
    void a_long_history_with_a_tiny_decay_is_the_latest_score() {
        MasteryMethod steep = MasteryMethods.create("exponential_decay", Map.of("decay", 1e-200));
        double[] scores = new double[50];
        scores[49] = 0.8;

        assertThat(steep.apply(scores).value()).isCloseTo(0.8, within(1e-9));
    }
}
