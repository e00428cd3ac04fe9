package dev.pathwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MeanTest implements RejectsInvalidScores {

    private final MasteryMethod mean = MasteryMethods.create("mean", Map.of());

    @Override
    public MasteryMethod method() {
        return mean;
    }

    @Test
    void averages_all_scores() {
        MethodResult result = mean.apply(new double[] {0.2, 0.9, 0.4});

        assertThat(result.value()).isCloseTo((0.2 + 0.9 + 0.4) / 3, within(1e-9));
        assertThat(result.value()).isCloseTo(0.5, within(1e-9));
        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.methodUsed()).isEqualTo("mean");
        assertThat(result.note()).isEmpty();
    }

    @Test
    void one_score_is_the_value() {
        assertThat(mean.apply(new double[] {0.45}).value()).isCloseTo(0.45, within(1e-9));
    }

    @Test
    void equal_scores_give_that_score() {
        assertThat(mean.apply(new double[] {0.7, 0.7, 0.7, 0.7}).value()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void zeros_give_zero_ones_give_one_and_a_mix_gives_the_fraction() {
        assertThat(mean.apply(new double[] {0.0, 0.0}).value()).isCloseTo(0.0, within(1e-9));
        assertThat(mean.apply(new double[] {1.0, 1.0, 1.0}).value()).isCloseTo(1.0, within(1e-9));
        assertThat(mean.apply(new double[] {1.0, 0.0, 0.0, 1.0}).value()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void ten_ones_stay_exactly_one() {
        double[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

        assertThat(mean.apply(ones).value()).isEqualTo(1.0);
    }
}
