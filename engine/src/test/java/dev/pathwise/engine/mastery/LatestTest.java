package dev.pathwise.engine.mastery;

import static dev.pathwise.engine.mastery.PublishedScale.CANVAS_FIVE_POINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LatestTest implements RejectsInvalidScores {

    private final MasteryMethod latest = MasteryMethods.create("latest", Map.of());

    @Override
    public MasteryMethod method() {
        return latest;
    }

    @Test
    void the_last_score_counts_even_when_an_earlier_one_was_higher() {
        MethodResult result = latest.apply(new double[] {0.2, 0.9, 0.4});

        assertThat(result.value()).isCloseTo(0.4, within(1e-9));
        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.methodUsed()).isEqualTo("latest");
        assertThat(result.note()).isEmpty();
    }

    @Test
    void one_score_is_the_value() {
        assertThat(latest.apply(new double[] {0.7}).value()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void equal_scores_give_that_score() {
        assertThat(latest.apply(new double[] {0.6, 0.6, 0.6}).value()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void zeros_give_zero_and_ones_give_one() {
        assertThat(latest.apply(new double[] {0.0, 0.0}).value()).isCloseTo(0.0, within(1e-9));
        assertThat(latest.apply(new double[] {1.0, 1.0}).value()).isCloseTo(1.0, within(1e-9));
        assertThat(latest.apply(new double[] {1.0, 0.0}).value()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void is_named_latest() {
        assertThat(latest.name()).isEqualTo("latest");
    }

    @Test
    void canvas_latest_is_the_score_observed_last() {
        // Canvas: 1 submitted a day before 3 -> 3. Scores reach a method in the order they were observed.
        MethodResult result = latest.apply(CANVAS_FIVE_POINTS.scores(1, 3));

        assertThat(CANVAS_FIVE_POINTS.points(result)).isCloseTo(3.0, within(1e-9));
        assertThat(result.value()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void a_single_zero_gives_zero() {
        assertThat(latest.apply(CANVAS_FIVE_POINTS.scores(0)).value()).isEqualTo(0.0);
    }
}
