package dev.pathwise.engine.mastery;

import static dev.pathwise.engine.mastery.PublishedScale.CANVAS_FIVE_POINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HighestTest implements RejectsInvalidScores {

    private final MasteryMethod highest = MasteryMethods.create("highest", Map.of());

    @Override
    public MasteryMethod method() {
        return highest;
    }

    @Test
    void the_best_score_counts_wherever_it_is() {
        MethodResult result = highest.apply(new double[] {0.2, 0.9, 0.4});

        assertThat(result.value()).isCloseTo(0.9, within(1e-9));
        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.methodUsed()).isEqualTo("highest");
        assertThat(result.note()).isEmpty();
    }

    @Test
    void the_best_score_may_be_the_first_or_the_last() {
        assertThat(highest.apply(new double[] {0.95, 0.1, 0.3}).value()).isCloseTo(0.95, within(1e-9));
        assertThat(highest.apply(new double[] {0.1, 0.3, 0.35}).value()).isCloseTo(0.35, within(1e-9));
    }

    @Test
    void one_score_is_the_value() {
        assertThat(highest.apply(new double[] {0.3}).value()).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void equal_scores_give_that_score() {
        assertThat(highest.apply(new double[] {0.6, 0.6, 0.6}).value()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void zeros_give_zero_and_a_single_one_gives_one() {
        assertThat(highest.apply(new double[] {0.0, 0.0, 0.0}).value()).isCloseTo(0.0, within(1e-9));
        assertThat(highest.apply(new double[] {0.0, 1.0, 0.0}).value()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void canvas_highest_of_3_and_1_is_3() {
        MethodResult result = highest.apply(CANVAS_FIVE_POINTS.scores(3, 1));

        assertThat(CANVAS_FIVE_POINTS.points(result)).isCloseTo(3.0, within(1e-9));
        assertThat(result.value()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void a_single_zero_gives_zero() {
        assertThat(highest.apply(CANVAS_FIVE_POINTS.scores(0)).value()).isEqualTo(0.0);
    }
}
