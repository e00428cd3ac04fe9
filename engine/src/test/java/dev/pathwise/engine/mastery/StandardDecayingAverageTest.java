package dev.pathwise.engine.mastery;

import static dev.pathwise.engine.mastery.PublishedScale.CANVAS_FIVE_POINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Canvas's current "Decaying Average": avg starts at the first score, then avg ← avg·(1 − w) + score·w. The
 * published expectations are Canvas's own (mastery points 3 of 5; Canvas rounds to 2 decimals, Pathwise does not).
 */
class StandardDecayingAverageTest implements RejectsInvalidScores {

    private final MasteryMethod decaying = MasteryMethods.create("standard_decaying_average", Map.of());

    @Override
    public MasteryMethod method() {
        return decaying;
    }

    @Test
    void canvas_2_3_4_oldest_first_with_65_is_3_53() {
        // 2 -> 2·0.35 + 3·0.65 = 2.65 -> 2.65·0.35 + 4·0.65 = 3.5275
        MethodResult result = decaying.apply(CANVAS_FIVE_POINTS.scores(2, 3, 4));

        assertThat(CANVAS_FIVE_POINTS.points(result))
                .isCloseTo(3.5275, within(1e-9))
                .isCloseTo(3.53, within(0.005));
        assertThat(result.value()).isCloseTo(0.7055, within(1e-9));
        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.methodUsed()).isEqualTo("standard_decaying_average");
        assertThat(result.note()).isEmpty();
    }

    @Test
    void canvas_1_to_5_with_65_passes_1_65_then_2_5275_then_3_484625_and_ends_at_4_4696() {
        double[] scores = CANVAS_FIVE_POINTS.scores(1, 2, 3, 4, 5);
        double[] expected = {1.0, 1.65, 2.5275, 3.484625, 4.46961875};

        for (int k = 1; k <= scores.length; k++) {
            double[] firstK = Arrays.copyOf(scores, k);

            assertThat(CANVAS_FIVE_POINTS.points(decaying.apply(firstK)))
                    .as("after %d scores", k)
                    .isCloseTo(expected[k - 1], within(1e-9));
        }
        assertThat(decaying.apply(scores).value()).isCloseTo(4.46961875 / 5, within(1e-9));
    }

    @Test
    void differs_from_the_weighted_average_on_the_same_scores() {
        MasteryMethod weighted = MasteryMethods.create("weighted_average", Map.of());
        double[] scores = CANVAS_FIVE_POINTS.scores(1, 2, 3, 4, 5);

        assertThat(CANVAS_FIVE_POINTS.points(decaying.apply(scores))).isCloseTo(4.46961875, within(1e-9));
        assertThat(CANVAS_FIVE_POINTS.points(weighted.apply(scores))).isCloseTo(4.125, within(1e-9));
    }

    @Test
    void uses_the_w_it_is_given() {
        MasteryMethod half = MasteryMethods.create("standard_decaying_average", Map.of("w", 0.5));

        // 0.2 -> 0.2·0.5 + 0.6·0.5 = 0.4 -> 0.4·0.5 + 1.0·0.5 = 0.7
        assertThat(half.apply(new double[] {0.2, 0.6, 1.0}).value()).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void w_of_one_is_the_latest_score() {
        MasteryMethod latestOnly = MasteryMethods.create("standard_decaying_average", Map.of("w", 1.0));

        assertThat(latestOnly.apply(new double[] {0.9, 0.9, 0.2}).value()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void one_score_is_the_value_and_a_single_zero_gives_zero() {
        assertThat(decaying.apply(new double[] {0.42}).value()).isCloseTo(0.42, within(1e-9));
        assertThat(decaying.apply(CANVAS_FIVE_POINTS.scores(0)).value()).isEqualTo(0.0);
    }

    @Test
    void equal_scores_give_that_score_zeros_zero_and_ones_one() {
        assertThat(decaying.apply(new double[] {0.6, 0.6, 0.6}).value()).isCloseTo(0.6, within(1e-9));
        assertThat(decaying.apply(new double[] {0.0, 0.0, 0.0}).value()).isEqualTo(0.0);
        assertThat(decaying.apply(new double[] {1.0, 1.0, 1.0, 1.0, 1.0}).value())
                .isCloseTo(1.0, within(1e-9));
    }
}
