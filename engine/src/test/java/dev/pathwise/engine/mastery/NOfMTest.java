package dev.pathwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NOfMTest implements RejectsInvalidScores {

    /** n = 3, m = 5, threshold = 0.8. */
    private final MasteryMethod threeOfFive = MasteryMethods.create("n_of_m", Map.of());

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
        assertThat(result.methodUsed()).isEqualTo("n_of_m");
        assertThat(result.note()).isEqualTo("3 of the last 5 scores at or above 0.8, 3 needed");
    }

    @Test
    void says_not_yet_when_too_few_recent_scores_reach_the_threshold() {
        // 0.9 and 0.85 reach 0.8; highest three: 0.9, 0.85, 0.7
        MethodResult result = threeOfFive.apply(new double[] {0.9, 0.7, 0.85, 0.6});

        assertThat(result.allowsMastery()).isFalse();
        assertThat(result.value()).isCloseTo(0.7, within(1e-9));
        assertThat(result.note()).isEqualTo("not yet: only 2 of the last 4 scores at or above 0.8, 3 needed");
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
        assertThat(two.methodUsed()).isEqualTo("n_of_m");
        assertThat(two.note()).startsWith("needs 1 more score before mastery can be judged");
        assertThat(one.allowsMastery()).isFalse();
        assertThat(one.value()).isCloseTo(1.0, within(1e-9));
        assertThat(one.note()).startsWith("needs 2 more scores before mastery can be judged");
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
        assertThat(threeOfFive.apply(new double[] {1.0, 1.0, 0.5, 0.5, 0.5}).value()).isCloseTo(0.5, within(1e-9));
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
        MasteryMethod oneOfOne = MasteryMethods.create("n_of_m", Map.of("n", 1.0, "m", 1.0, "threshold", 0.5));

        MethodResult dropped = oneOfOne.apply(new double[] {0.9, 0.4});
        MethodResult rose = oneOfOne.apply(new double[] {0.4, 0.9});

        assertThat(dropped.allowsMastery()).isFalse();
        assertThat(dropped.value()).isCloseTo(0.4, within(1e-9));
        assertThat(rose.allowsMastery()).isTrue();
        assertThat(rose.value()).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void uses_the_n_m_and_threshold_it_is_given() {
        MasteryMethod twoOfThree = MasteryMethods.create("n_of_m", Map.of("n", 2.0, "m", 3.0, "threshold", 0.75));

        // last 3: 0.3, 0.76, 0.74 -> only 0.76 reaches 0.75; second highest is 0.74
        MethodResult result = twoOfThree.apply(new double[] {0.8, 0.3, 0.76, 0.74});

        assertThat(result.allowsMastery()).isFalse();
        assertThat(result.value()).isCloseTo(0.74, within(1e-9));
        assertThat(result.note()).isEqualTo("not yet: only 1 of the last 3 scores at or above 0.75, 2 needed");
    }

    @Test
    void a_zero_threshold_is_reached_by_zeros() {
        MasteryMethod anyThree = MasteryMethods.create("n_of_m", Map.of("threshold", 0.0));

        MethodResult result = anyThree.apply(new double[] {0.0, 0.0, 0.0});

        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.value()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void the_value_reaches_the_threshold_exactly_when_mastery_is_allowed() {
        double[][] series = {
                {0.8, 0.79, 0.8, 0.81}, {0.79, 0.79, 0.79, 1.0, 1.0}, {1.0, 1.0, 1.0, 0.0, 0.0, 0.0},
                {0.0, 0.8, 0.0, 0.8, 0.0, 0.8}, {0.5, 0.81, 0.82, 0.83}};
        for (double[] scores : series) {
            MethodResult result = threeOfFive.apply(scores);

            assertThat(result.value() >= 0.8).as("value %s", result.value()).isEqualTo(result.allowsMastery());
        }
    }
}
