package dev.pathwise.engine.mastery;

import static dev.pathwise.engine.mastery.PublishedScale.RUBRIC_ONE_TO_FOUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The power law on the scale's own points: least squares of y = ln(points) on x = ln(attempt),
 * b = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², a = ȳ − b·x̄, reported at the last attempt k as exp(a + b·ln k), then put on
 * 0..1. {@link #fitAtLastAttempt} is that formula written out in two passes; the literals beside it were computed
 * independently (Python) as a cross-check. JumpRope's published table is on a 1-4 rubric.
 */
class PowerLawTest implements RejectsInvalidScores {

    private final MasteryMethod powerLaw = MasteryMethods.create("power_law", Map.of());
    private final MasteryMethod onOneToFour =
            MasteryMethods.create("power_law", Map.of("scale_min", 1.0, "scale_max", 4.0));

    @Override
    public MasteryMethod method() {
        return powerLaw;
    }

    /** The least-squares fit of ln(points) on ln(attempt), attempts 1..k, evaluated at attempt k, in points. */
    static double fitAtLastAttempt(double... points) {
        int k = points.length;
        double xBar = 0;
        double yBar = 0;
        for (int i = 0; i < k; i++) {
            xBar += Math.log(i + 1) / k;
            yBar += Math.log(points[i]) / k;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < k; i++) {
            double dx = Math.log(i + 1) - xBar;
            sxy += dx * (Math.log(points[i]) - yBar);
            sxx += dx * dx;
        }
        double b = sxy / sxx;
        double a = yBar - b * xBar;
        return Math.exp(a + b * Math.log(k));
    }

    @ParameterizedTest(name = "{0}, {1}, {2}, {3} on 1-4 -> {4} (published {5})")
    @CsvSource({
        "1, 2, 3, 4, 4.0,                4.00",
        "1, 3, 2, 4, 3.656698434469283,  3.66",
        "2, 4, 1, 3, 2.1642633199144177, 2.16",
        "4, 3, 2, 1, 1.2809466795986413, 1.28"
    })
    void jumpropes_published_table_on_a_1_to_4_rubric(
            double first, double second, double third, double fourth, double exact, double published) {
        MethodResult result = onOneToFour.apply(RUBRIC_ONE_TO_FOUR.scores(first, second, third, fourth));

        assertThat(fitAtLastAttempt(first, second, third, fourth)).isCloseTo(exact, within(1e-9));
        assertThat(RUBRIC_ONE_TO_FOUR.points(result))
                .isCloseTo(exact, within(1e-9))
                .isCloseTo(published, within(0.005));
        assertThat(result.value()).isCloseTo((exact - 1) / 3, within(1e-9));
        assertThat(result.methodUsed()).isEqualTo("power_law");
        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.note()).isEmpty();
    }

    @Test
    void the_published_1_3_2_4_is_0_8856_of_the_1_to_4_range_where_fitting_the_normalized_scores_gave_0_7547() {
        MethodResult result = onOneToFour.apply(RUBRIC_ONE_TO_FOUR.scores(1, 3, 2, 4));

        assertThat(result.value()).isCloseTo(0.8855661448230944, within(1e-9));
    }

    @Test
    void a_scale_that_starts_at_0_needs_no_declaration_1_3_2_4_of_4_is_3_6567_of_4() {
        double[] scores = {0.25, 0.75, 0.5, 1.0};

        MethodResult undeclared = powerLaw.apply(scores);
        MethodResult declared =
                MasteryMethods.create("power_law", Map.of("scale_max", 4.0)).apply(scores);

        assertThat(undeclared.value())
                .isCloseTo(3.656698434469283 / 4, within(1e-9))
                .isCloseTo(0.9141746086173208, within(1e-9));
        assertThat(declared.value()).isCloseTo(undeclared.value(), within(1e-9));
    }

    @Test
    void three_rising_scores_are_reported_at_the_fitted_curve_of_the_last_attempt() {
        MethodResult result = powerLaw.apply(new double[] {0.4, 0.6, 0.7});

        assertThat(result.value())
                .isCloseTo(fitAtLastAttempt(0.4, 0.6, 0.7), within(1e-9))
                .isCloseTo(0.715243391361331, within(1e-9));
        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.methodUsed()).isEqualTo("power_law");
        assertThat(result.note()).isEmpty();
    }

    @Test
    void four_scores_are_fitted_over_attempts_one_to_four() {
        assertThat(powerLaw.apply(new double[] {0.3, 0.5, 0.6, 0.8}).value())
                .isCloseTo(fitAtLastAttempt(0.3, 0.5, 0.6, 0.8), within(1e-9))
                .isCloseTo(0.7755587325749286, within(1e-9));
    }

    @Test
    void falling_scores_give_a_falling_trend() {
        assertThat(powerLaw.apply(new double[] {0.9, 0.6, 0.5}).value())
                .isCloseTo(fitAtLastAttempt(0.9, 0.6, 0.5), within(1e-9))
                .isCloseTo(0.49293361658833923, within(1e-9));
    }

    @Test
    void a_zero_is_counted_as_the_floor_share_of_the_top_and_the_note_says_so() {
        MethodResult result = powerLaw.apply(new double[] {0.5, 0.0, 0.3});

        assertThat(result.value())
                .isCloseTo(fitAtLastAttempt(0.5, 0.01, 0.3), within(1e-9))
                .isCloseTo(0.06855334731820742, within(1e-9));
        assertThat(result.methodUsed()).isEqualTo("power_law");
        assertThat(result.note())
                .isEqualTo("1 score below 0.01 counted as 0.01, as the power law cannot use a score of 0");
    }

    @Test
    void the_floor_is_a_share_of_the_top_so_a_zero_on_0_to_4_counts_as_0_04_points_and_gives_the_same_value() {
        MasteryMethod onZeroToFour = MasteryMethods.create("power_law", Map.of("scale_max", 4.0));

        MethodResult result = onZeroToFour.apply(new double[] {0.0, 0.75, 1.0});

        // points 0 (counted as 0.04), 3, 4: the fit reaches 7.1486 points, above the top
        assertThat(fitAtLastAttempt(0.04, 3, 4)).isCloseTo(7.1486035840104085, within(1e-9));
        assertThat(result.value()).isEqualTo(1.0);
        assertThat(result.note())
                .isEqualTo("1 score below 0.04 counted as 0.04, as the power law cannot use a score"
                        + " of 0; the power-law trend reaches 7.149 at the latest score, above the top of the 0-4 scale,"
                        + " so 4 is used");
        assertThat(powerLaw.apply(new double[] {0.0, 0.75, 1.0}).note())
                .startsWith("1 score below 0.01 counted as 0.01")
                .contains("reaches 1.787 ")
                .endsWith("so 1 is used");
    }

    @Test
    void uses_the_floor_it_is_given() {
        MasteryMethod floorTenth = MasteryMethods.create("power_law", Map.of("floor", 0.1));

        MethodResult result = floorTenth.apply(new double[] {0.05, 0.5, 0.9});

        assertThat(result.value())
                .isCloseTo(fitAtLastAttempt(0.1, 0.5, 0.9), within(1e-9))
                .isCloseTo(0.9864927724343115, within(1e-9));
        assertThat(result.note())
                .isEqualTo("1 score below 0.1 counted as 0.1, as the power law cannot use a score of 0");
    }

    @Test
    void a_trend_above_the_top_is_reported_as_the_top_and_says_so() {
        MethodResult result = powerLaw.apply(new double[] {0.2, 0.6, 1.0});

        assertThat(fitAtLastAttempt(0.2, 0.6, 1.0)).isCloseTo(1.0347928179449706, within(1e-9));
        assertThat(result.value()).isEqualTo(1.0);
        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.note())
                .isEqualTo("the power-law trend reaches 1.035 at the latest score, above the top of"
                        + " the 0-1 scale, so 1 is used");
    }

    @Test
    void a_trend_below_the_bottom_of_a_1_to_4_rubric_is_reported_as_the_bottom_and_says_so() {
        MethodResult result = onOneToFour.apply(RUBRIC_ONE_TO_FOUR.scores(4, 1, 1));

        assertThat(fitAtLastAttempt(4, 1, 1)).isCloseTo(0.8102625624619877, within(1e-9));
        assertThat(result.value()).isEqualTo(0.0);
        assertThat(result.note())
                .isEqualTo("the power-law trend falls to 0.8103 at the latest score, below the bottom"
                        + " of the 1-4 scale, so 1 is used");
    }

    @Test
    void a_fit_on_the_top_of_the_scale_is_not_reported_as_above_it() {
        assertThat(onOneToFour.apply(RUBRIC_ONE_TO_FOUR.scores(4, 4, 4, 4)).note())
                .isEmpty();
        assertThat(onOneToFour.apply(RUBRIC_ONE_TO_FOUR.scores(1, 2, 3, 4)).note())
                .isEmpty();
        assertThat(powerLaw.apply(new double[] {1.0, 1.0, 1.0}).value()).isCloseTo(1.0, within(1e-9));
        assertThat(powerLaw.apply(new double[] {1.0, 1.0, 1.0}).note()).isEmpty();
    }

    @Test
    void fewer_than_three_scores_fall_back_to_the_mean_and_say_so() {
        MethodResult two = onOneToFour.apply(RUBRIC_ONE_TO_FOUR.scores(2, 4));
        MethodResult one = powerLaw.apply(new double[] {0.3});

        assertThat(RUBRIC_ONE_TO_FOUR.points(two)).isCloseTo(3.0, within(1e-9));
        assertThat(two.methodUsed()).isEqualTo("mean");
        assertThat(two.note()).isEqualTo("the power law needs at least 3 scores, so this is the mean of the 2 so far");
        assertThat(two.allowsMastery()).isTrue();
        assertThat(one.value()).isCloseTo(0.3, within(1e-9));
        assertThat(one.methodUsed()).isEqualTo("mean");
    }

    @Test
    void a_single_zero_gives_zero() {
        assertThat(powerLaw.apply(new double[] {0.0}).value()).isEqualTo(0.0);
    }

    @Test
    void equal_scores_fit_a_flat_line_at_that_score() {
        MethodResult result = powerLaw.apply(new double[] {0.6, 0.6, 0.6, 0.6});

        assertThat(result.value()).isCloseTo(0.6, within(1e-9));
        assertThat(result.note()).isEmpty();
    }

    @Test
    void zeros_all_count_as_the_floor_so_the_value_is_the_floor() {
        MethodResult result = powerLaw.apply(new double[] {0.0, 0.0, 0.0});

        assertThat(result.value()).isCloseTo(0.01, within(1e-9));
        assertThat(result.note())
                .isEqualTo("3 scores below 0.01 counted as 0.01, as the power law cannot use a score" + " of 0");
    }

    @Test
    void a_scale_whose_top_is_not_above_its_bottom_is_refused_naming_both() {
        assertThatThrownBy(() -> MasteryMethods.create("power_law", Map.of("scale_min", 4.0, "scale_max", 1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Mastery method 'power_law' parameter 'scale_max' is 1, outside the allowed"
                        + " range: a number > scale_min (4)")
                .hasMessageContaining("scale_min 1 and scale_max 4 for a 1-4 rubric");
        assertThatThrownBy(() -> MasteryMethods.create("power_law", Map.of("scale_min", 2.0)))
                .hasMessageContaining(
                        "parameter 'scale_max' is 1, outside the allowed range:" + " a number > scale_min (2)");
    }
}
