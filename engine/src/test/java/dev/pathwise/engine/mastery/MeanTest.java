package dev.pathwise.engine.mastery;

import static dev.pathwise.engine.mastery.PublishedScale.CANVAS_FIVE_POINTS;
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

    @Test
    void canvas_average_of_2_4_and_3_is_3() {
        MethodResult result = mean.apply(CANVAS_FIVE_POINTS.scores(2, 4, 3));

        assertThat(CANVAS_FIVE_POINTS.points(result)).isCloseTo(3.0, within(1e-9));
        assertThat(result.value()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void a_single_zero_gives_zero() {
        assertThat(mean.apply(CANVAS_FIVE_POINTS.scores(0)).value()).isEqualTo(0.0);
    }

    @Test
    void average_is_canvas_name_for_the_same_method_and_is_reported_as_written() {
        MasteryMethod average = MasteryMethods.create("average", Map.of());

        MethodResult result = average.apply(CANVAS_FIVE_POINTS.scores(2, 4, 3));

        assertThat(result.value())
                .isEqualTo(mean.apply(CANVAS_FIVE_POINTS.scores(2, 4, 3)).value());
        assertThat(result.methodUsed()).isEqualTo("average");
        assertThat(average.name()).isEqualTo("average");
    }
}
