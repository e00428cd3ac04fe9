package dev.pathwise.engine.mastery;

import static dev.pathwise.engine.mastery.PublishedScale.CANVAS_FIVE_POINTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Canvas's "n Number of Times": once at least n scores are at or above the mastery points, the average of every
 * score at or above them; no score before. Canvas's published expectations use mastery points 3 of 5, which is
 * the threshold 0.6 on 0..1.
 */
class NMasteryTest implements RejectsInvalidScores {

    private static final double MASTERY_POINTS = CANVAS_FIVE_POINTS.fraction(3);

    private final MasteryMethod threeTimes = nMastery(3);

    private static MasteryMethod nMastery(int n) {
        return MasteryMethods.create("n_mastery", Map.of("n", (double) n, "threshold", MASTERY_POINTS));
    }

    @Override
    public MasteryMethod method() {
        return threeTimes;
    }

    @Test
    void canvas_n3_4_5_1_3_2_3_averages_the_four_at_or_above_3_to_3_75() {
        MethodResult result = threeTimes.apply(CANVAS_FIVE_POINTS.scores(4, 5, 1, 3, 2, 3));

        assertThat(CANVAS_FIVE_POINTS.points(result)).isCloseTo(3.75, within(1e-9));
        assertThat(result.value()).isCloseTo(0.75, within(1e-9));
        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.methodUsed()).isEqualTo("n_mastery");
        assertThat(result.note())
                .isEqualTo("the average of the 4 scores at or above 0.6 (of 6 in all; at least 3 needed)");
    }

    @Test
    void canvas_n3_3_1_2_has_no_score_yet() {
        MethodResult result = threeTimes.apply(CANVAS_FIVE_POINTS.scores(3, 1, 2));

        assertThat(result.allowsMastery()).isFalse();
        assertThat(result.value()).isEqualTo(0.0);
        assertThat(result.note())
                .isEqualTo("1 of the 3 scores is at or above 0.6, and 3 are needed before those are"
                        + " averaged into a mastery score (until then the score counts as 0)");
    }

    @Test
    void canvas_n1_1_2_3_4_averages_3_and_4_to_3_5() {
        MethodResult result = nMastery(1).apply(CANVAS_FIVE_POINTS.scores(1, 2, 3, 4));

        assertThat(CANVAS_FIVE_POINTS.points(result)).isCloseTo(3.5, within(1e-9));
        assertThat(result.value()).isCloseTo(0.7, within(1e-9));
        assertThat(result.allowsMastery()).isTrue();
    }

    @Test
    void canvas_n1_1_2_3_is_3_and_n1_1_2_has_no_score() {
        MethodResult three = nMastery(1).apply(CANVAS_FIVE_POINTS.scores(1, 2, 3));
        MethodResult none = nMastery(1).apply(CANVAS_FIVE_POINTS.scores(1, 2));

        assertThat(CANVAS_FIVE_POINTS.points(three)).isCloseTo(3.0, within(1e-9));
        assertThat(none.allowsMastery()).isFalse();
        assertThat(none.note()).startsWith("0 of the 2 scores are at or above 0.6, and 1 is needed");
    }

    @Test
    void canvas_n3_3_4_3_is_3_33() {
        MethodResult result = threeTimes.apply(CANVAS_FIVE_POINTS.scores(3, 4, 3));

        assertThat(CANVAS_FIVE_POINTS.points(result))
                .isCloseTo(10.0 / 3, within(1e-9))
                .isCloseTo(3.33, within(0.005));
        assertThat(result.value()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void canvas_n3_1_to_5_averages_3_4_5_to_4_which_is_0_8_of_the_scale() {
        MethodResult result = threeTimes.apply(CANVAS_FIVE_POINTS.scores(1, 2, 3, 4, 5));

        assertThat(CANVAS_FIVE_POINTS.points(result)).isCloseTo(4.0, within(1e-9));
        assertThat(result.value()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void has_no_window_so_old_scores_at_or_above_the_threshold_keep_counting() {
        // three early successes, then five low scores: still 3 at or above 0.6, averaged
        MethodResult result = threeTimes.apply(new double[] {0.9, 0.8, 0.7, 0.1, 0.1, 0.1, 0.1, 0.1});

        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.value()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void a_score_equal_to_the_threshold_counts() {
        MethodResult result = nMastery(2).apply(new double[] {0.6, 0.59, 0.6});

        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.value()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void a_single_zero_has_no_score_and_a_single_one_with_n_1_is_one() {
        MethodResult zero = nMastery(1).apply(new double[] {0.0});
        MethodResult one = nMastery(1).apply(new double[] {1.0});

        assertThat(zero.value()).isEqualTo(0.0);
        assertThat(zero.allowsMastery()).isFalse();
        assertThat(one.value()).isEqualTo(1.0);
        assertThat(one.allowsMastery()).isTrue();
        assertThat(one.note()).isEqualTo("the average of the 1 score at or above 0.6 (of 1 in all; at least 1 needed)");
    }

    @Test
    void defaults_to_3_at_or_above_0_8() {
        MasteryMethod defaults = MasteryMethods.create("n_mastery", Map.of());

        assertThat(defaults.apply(new double[] {0.8, 0.9, 0.79}).allowsMastery())
                .isFalse();
        assertThat(defaults.apply(new double[] {0.8, 0.9, 0.79, 1.0}).value()).isCloseTo(0.9, within(1e-9));
    }
}
