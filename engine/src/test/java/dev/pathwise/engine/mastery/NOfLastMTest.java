package dev.pathwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pathwise's windowed method: at least n of the last m scores at or above the threshold; value the n-th highest. */
class NOfLastMTest implements RejectsInvalidScores {

    /** n = 3, m = 5, threshold = 0.8. */
    private final MasteryMethod threeOfFive = MasteryMethods.create("n_of_last_m", Map.of());

    @Override
    public MasteryMethod method() {
        return threeOfFive;
    }

    @Test
    void allows_mastery_when_n_of_the_last_m_scores_reach_the_threshold() {
        // last 5: 0.85, 0.6, 0.8, 0.95, 0.7 -> three at or above 0.8; third highest is 0.8
        MethodResult result = threeOfFive.apply(new double[] {0.9, 0.85, 0.6, 0.8, 0.95, 0.7});

        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.value()).isCloseTo(0.8, within(1e-9));
        assertThat(result.methodUsed()).isEqualTo("n_of_last_m");
        assertThat(result.note())
                .isEqualTo("3 of the last 5 scores are at or above 0.8 (3 needed); the score is the 3rd highest"
                        + " of those 5");
    }

    @Test
    void says_not_yet_when_too_few_recent_scores_reach_the_threshold() {
        // 0.9 and 0.85 reach 0.8; highest three: 0.9, 0.85, 0.7
        MethodResult result = threeOfFive.apply(new double[] {0.9, 0.7, 0.85, 0.6});

        assertThat(result.allowsMastery()).isFalse();
        assertThat(result.value()).isCloseTo(0.7, within(1e-9));
        assertThat(result.note()).isEqualTo("2 of the last 4 scores are at or above 0.8, and 3 are needed");
    }

    @Test
    void scores_older_than_the_last_m_do_not_count() {
        MethodResult result = threeOfFive.apply(new double[] {0.9, 0.9, 0.9, 0.5, 0.5, 0.5, 0.5, 0.5});

        assertThat(result.allowsMastery()).isFalse();
        assertThat(result.value()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void with_fewer_than_n_scores_reports_their_mean_and_how_many_more_are_needed() {
        MethodResult two = threeOfFive.apply(new double[] {0.9, 0.95});
        MethodResult one = threeOfFive.apply(new double[] {1.0});

        assertThat(two.allowsMastery()).isFalse();
        assertThat(two.value()).isCloseTo((0.9 + 0.95) / 2, within(1e-9));
        assertThat(two.methodUsed()).isEqualTo("n_of_last_m");
        assertThat(two.note())
                .isEqualTo("only 2 scores so far, and 3 of the last 5 scores must be at or above 0.8"
                        + " (until then the score is the mean so far)");
        assertThat(one.allowsMastery()).isFalse();
        assertThat(one.value()).isCloseTo(1.0, within(1e-9));
        assertThat(one.note()).startsWith("only 1 score so far, and 3 of the last 5");
    }

    @Test
    void a_score_equal_to_the_threshold_reaches_it() {
        MethodResult result = threeOfFive.apply(new double[] {0.8, 0.8, 0.8});

        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.value()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void tied_scores_each_count_towards_the_n_th_highest() {
        assertThat(threeOfFive.apply(new double[] {0.9, 0.9, 0.9, 0.5}).value()).isCloseTo(0.9, within(1e-9));
        assertThat(threeOfFive.apply(new double[] {1.0, 1.0, 0.5, 0.5, 0.5}).value())
                .isCloseTo(0.5, within(1e-9));
    }

    @Test
    void zeros_never_allow_mastery_and_ones_always_do() {
        MethodResult zeros = threeOfFive.apply(new double[] {0.0, 0.0, 0.0});
        MethodResult ones = threeOfFive.apply(new double[] {1.0, 1.0, 1.0});

        assertThat(zeros.allowsMastery()).isFalse();
        assertThat(zeros.value()).isCloseTo(0.0, within(1e-9));
        assertThat(ones.allowsMastery()).isTrue();
        assertThat(ones.value()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void one_of_one_is_gated_by_the_latest_score() {
        MasteryMethod oneOfOne = MasteryMethods.create("n_of_last_m", Map.of("n", 1.0, "m", 1.0, "threshold", 0.5));

        MethodResult dropped = oneOfOne.apply(new double[] {0.9, 0.4});
        MethodResult rose = oneOfOne.apply(new double[] {0.4, 0.9});

        assertThat(dropped.allowsMastery()).isFalse();
        assertThat(dropped.value()).isCloseTo(0.4, within(1e-9));
        assertThat(rose.allowsMastery()).isTrue();
        assertThat(rose.value()).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void uses_the_n_m_and_threshold_it_is_given() {
        MasteryMethod twoOfThree = MasteryMethods.create("n_of_last_m", Map.of("n", 2.0, "m", 3.0, "threshold", 0.75));

        // last 3: 0.3, 0.76, 0.74 -> only 0.76 reaches 0.75; second highest is 0.74
        MethodResult result = twoOfThree.apply(new double[] {0.8, 0.3, 0.76, 0.74});

        assertThat(result.allowsMastery()).isFalse();
        assertThat(result.value()).isCloseTo(0.74, within(1e-9));
        assertThat(result.note()).isEqualTo("1 of the last 3 scores is at or above 0.75, and 2 are needed");
    }

    @Test
    void a_zero_threshold_is_reached_by_zeros() {
        MasteryMethod anyThree = MasteryMethods.create("n_of_last_m", Map.of("threshold", 0.0));

        MethodResult result = anyThree.apply(new double[] {0.0, 0.0, 0.0});

        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.value()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void the_value_reaches_the_threshold_exactly_when_mastery_is_allowed() {
        double[][] series = {
            {0.8, 0.79, 0.8, 0.81},
            {0.79, 0.79, 0.79, 1.0, 1.0},
            {1.0, 1.0, 1.0, 0.0, 0.0, 0.0},
            {0.0, 0.8, 0.0, 0.8, 0.0, 0.8},
            {0.5, 0.81, 0.82, 0.83}
        };
        for (double[] scores : series) {
            MethodResult result = threeOfFive.apply(scores);

            assertThat(result.value() >= 0.8).as("value %s", result.value()).isEqualTo(result.allowsMastery());
        }
    }

    @Test
    void one_of_the_last_one_says_the_highest_rather_than_the_1st_highest() {
        MasteryMethod oneOfOne = MasteryMethods.create("n_of_last_m", Map.of("n", 1.0, "m", 1.0, "threshold", 0.5));

        assertThat(oneOfOne.apply(new double[] {0.9}).note())
                .isEqualTo("1 of the last 1 score is at or above 0.5 (1 needed); the score is the highest of those 1");
    }

    @Test
    void n_of_m_is_its_earlier_name_with_the_same_results_reported_as_written() {
        MasteryMethod nOfM = MasteryMethods.create("n_of_m", Map.of("n", 2.0, "m", 3.0, "threshold", 0.75));
        MasteryMethod same = MasteryMethods.create("n_of_last_m", Map.of("n", 2.0, "m", 3.0, "threshold", 0.75));
        double[] scores = {0.8, 0.3, 0.76, 0.74};

        MethodResult result = nOfM.apply(scores);

        assertThat(result.value()).isEqualTo(same.apply(scores).value());
        assertThat(result.allowsMastery()).isFalse();
        assertThat(result.methodUsed()).isEqualTo("n_of_m");
        assertThat(result.note()).isEqualTo(same.apply(scores).note());
    }

    @Test
    void is_not_canvas_n_mastery_which_has_no_window_and_averages() {
        // Canvas n_mastery, 3 at or above 3 of 5 -> 3.75; the window of the last 5 holds 5, 1, 3, 2, 3: three reach
        // 3 points (0.6), and the 3rd highest of them is 3
        MasteryMethod windowed = MasteryMethods.create("n_of_last_m", Map.of("threshold", 0.6));
        double[] scores = PublishedScale.CANVAS_FIVE_POINTS.scores(4, 5, 1, 3, 2, 3);

        MethodResult result = windowed.apply(scores);

        assertThat(result.allowsMastery()).isTrue();
        assertThat(PublishedScale.CANVAS_FIVE_POINTS.points(result)).isCloseTo(3.0, within(1e-9));
    }
}
