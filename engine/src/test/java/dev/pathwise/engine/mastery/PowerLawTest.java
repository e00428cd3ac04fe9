package dev.pathwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from the least-squares formulas written out in each test, with x = ln(attempt) and
 * y = ln(score): b = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², a = ȳ − b·x̄, value = exp(a + b·ln k).
 * The literals beside them were computed independently (Python) as a cross-check.
 */
class PowerLawTest implements RejectsInvalidScores {

    private final MasteryMethod powerLaw = MasteryMethods.create("power_law", Map.of());

    @Override
    public MasteryMethod method() {
        return powerLaw;
    }

    @Test
    void three_rising_scores_are_reported_at_the_fitted_curve_of_the_last_attempt() {
        double x1 = Math.log(1);
        double x2 = Math.log(2);
        double x3 = Math.log(3);
        double y1 = Math.log(0.4);
        double y2 = Math.log(0.6);
        double y3 = Math.log(0.7);
        double xBar = (x1 + x2 + x3) / 3;
        double yBar = (y1 + y2 + y3) / 3;
        double b = ((x1 - xBar) * (y1 - yBar) + (x2 - xBar) * (y2 - yBar) + (x3 - xBar) * (y3 - yBar))
                / ((x1 - xBar) * (x1 - xBar) + (x2 - xBar) * (x2 - xBar) + (x3 - xBar) * (x3 - xBar));
        double a = yBar - b * xBar;

        MethodResult result = powerLaw.apply(new double[] {0.4, 0.6, 0.7});

        assertThat(b).isCloseTo(0.5175226627974558, within(1e-9));
        assertThat(a).isCloseTo(-0.9036891437287791, within(1e-9));
        assertThat(result.value()).isCloseTo(Math.exp(a + b * Math.log(3)), within(1e-9));
        assertThat(result.value()).isCloseTo(0.715243391361331, within(1e-9));
        assertThat(result.allowsMastery()).isTrue();
        assertThat(result.methodUsed()).isEqualTo("power_law");
        assertThat(result.note()).isEmpty();
    }

    @Test
    void four_scores_are_fitted_over_attempts_one_to_four() {
        double x1 = Math.log(1);
        double x2 = Math.log(2);
        double x3 = Math.log(3);
        double x4 = Math.log(4);
        double y1 = Math.log(0.3);
        double y2 = Math.log(0.5);
        double y3 = Math.log(0.6);
        double y4 = Math.log(0.8);
        double xBar = (x1 + x2 + x3 + x4) / 4;
        double yBar = (y1 + y2 + y3 + y4) / 4;
        double b = ((x1 - xBar) * (y1 - yBar) + (x2 - xBar) * (y2 - yBar) + (x3 - xBar) * (y3 - yBar)
                + (x4 - xBar) * (y4 - yBar))
                / ((x1 - xBar) * (x1 - xBar) + (x2 - xBar) * (x2 - xBar) + (x3 - xBar) * (x3 - xBar)
                + (x4 - xBar) * (x4 - xBar));
        double a = yBar - b * xBar;

        MethodResult result = powerLaw.apply(new double[] {0.3, 0.5, 0.6, 0.8});

        assertThat(b).isCloseTo(0.6820103917768079, within(1e-9));
        assertThat(a).isCloseTo(-1.1996387244723672, within(1e-9));
        assertThat(result.value()).isCloseTo(Math.exp(a + b * Math.log(4)), within(1e-9));
        assertThat(result.value()).isCloseTo(0.7755587325749286, within(1e-9));
    }

    @Test
    void falling_scores_give_a_negative_slope() {
        double x1 = Math.log(1);
        double x2 = Math.log(2);
        double x3 = Math.log(3);
        double y1 = Math.log(0.9);
        double y2 = Math.log(0.6);
        double y3 = Math.log(0.5);
        double xBar = (x1 + x2 + x3) / 3;
        double yBar = (y1 + y2 + y3) / 3;
        double b = ((x1 - xBar) * (y1 - yBar) + (x2 - xBar) * (y2 - yBar) + (x3 - xBar) * (y3 - yBar))
                / ((x1 - xBar) * (x1 - xBar) + (x2 - xBar) * (x2 - xBar) + (x3 - xBar) * (x3 - xBar));
        double a = yBar - b * xBar;

        double value = powerLaw.apply(new double[] {0.9, 0.6, 0.5}).value();

        assertThat(b).isNegative();
        assertThat(value).isCloseTo(Math.exp(a + b * x3), within(1e-9));
        assertThat(value).isCloseTo(0.49293361658833923, within(1e-9));
    }

    @Test
    void a_score_below_the_floor_is_raised_to_the_floor_before_taking_its_log() {
        double x1 = Math.log(1);
        double x2 = Math.log(2);
        double x3 = Math.log(3);
        double y1 = Math.log(0.5);
        double y2 = Math.log(0.01); // the 0.0 raised to the floor
        double y3 = Math.log(0.3);
        double xBar = (x1 + x2 + x3) / 3;
        double yBar = (y1 + y2 + y3) / 3;
        double b = ((x1 - xBar) * (y1 - yBar) + (x2 - xBar) * (y2 - yBar) + (x3 - xBar) * (y3 - yBar))
                / ((x1 - xBar) * (x1 - xBar) + (x2 - xBar) * (x2 - xBar) + (x3 - xBar) * (x3 - xBar));
        double a = yBar - b * xBar;

        MethodResult result = powerLaw.apply(new double[] {0.5, 0.0, 0.3});

        assertThat(result.value()).isCloseTo(Math.exp(a + b * x3), within(1e-9));
        assertThat(result.value()).isCloseTo(0.06855334731820742, within(1e-9));
        assertThat(result.methodUsed()).isEqualTo("power_law");
        assertThat(result.note()).isEqualTo("raised 1 score below the floor 0.01 to the floor before taking logs");
    }

    @Test
    void uses_the_floor_it_is_given() {
        MasteryMethod floorTenth = MasteryMethods.create("power_law", Map.of("floor", 0.1));
        double x1 = Math.log(1);
        double x2 = Math.log(2);
        double x3 = Math.log(3);
        double y1 = Math.log(0.1); // 0.05 raised to the floor 0.1
        double y2 = Math.log(0.5);
        double y3 = Math.log(0.9);
        double xBar = (x1 + x2 + x3) / 3;
        double yBar = (y1 + y2 + y3) / 3;
        double b = ((x1 - xBar) * (y1 - yBar) + (x2 - xBar) * (y2 - yBar) + (x3 - xBar) * (y3 - yBar))
                / ((x1 - xBar) * (x1 - xBar) + (x2 - xBar) * (x2 - xBar) + (x3 - xBar) * (x3 - xBar));
        double a = yBar - b * xBar;

        MethodResult result = floorTenth.apply(new double[] {0.05, 0.5, 0.9});

        assertThat(result.value()).isCloseTo(Math.exp(a + b * x3), within(1e-9));
        assertThat(result.value()).isCloseTo(0.9864927724343115, within(1e-9));
        assertThat(result.note()).contains("below the floor 0.1");
    }

    @Test
    void a_prediction_above_one_is_clamped_to_one_and_says_so() {
        // exp(a + b·ln 3) = 1.0347928179449706 for 0.2, 0.6, 1.0
        MethodResult result = powerLaw.apply(new double[] {0.2, 0.6, 1.0});

        assertThat(result.value()).isEqualTo(1.0);
        assertThat(result.note()).startsWith("the fit predicts 1.0347928").endsWith("clamped to 1");
    }

    @Test
    void a_floored_score_and_a_clamped_prediction_are_both_explained() {
        MethodResult result = powerLaw.apply(new double[] {0.0, 0.5, 0.8});

        assertThat(result.value()).isEqualTo(1.0);
        assertThat(result.note()).startsWith("raised 1 score below the floor 0.01").contains("; the fit predicts");
    }

    @Test
    void fewer_than_three_scores_fall_back_to_the_mean() {
        MethodResult two = powerLaw.apply(new double[] {0.4, 0.8});
        MethodResult one = powerLaw.apply(new double[] {0.3});

        assertThat(two.value()).isCloseTo((0.4 + 0.8) / 2, within(1e-9));
        assertThat(two.methodUsed()).isEqualTo("mean");
        assertThat(two.note()).isEqualTo("power law needs at least 3 scores; used the mean");
        assertThat(two.allowsMastery()).isTrue();
        assertThat(one.value()).isCloseTo(0.3, within(1e-9));
        assertThat(one.methodUsed()).isEqualTo("mean");
    }

    @Test
    void equal_scores_fit_a_flat_line_at_that_score() {
        MethodResult result = powerLaw.apply(new double[] {0.6, 0.6, 0.6, 0.6});

        assertThat(result.value()).isCloseTo(0.6, within(1e-9));
        assertThat(result.note()).isEmpty();
    }

    @Test
    void ones_give_one() {
        MethodResult result = powerLaw.apply(new double[] {1.0, 1.0, 1.0});

        assertThat(result.value()).isCloseTo(1.0, within(1e-9));
        assertThat(result.note()).isEmpty();
    }

    @Test
    void zeros_are_all_raised_to_the_floor_so_the_value_is_the_floor() {
        MethodResult result = powerLaw.apply(new double[] {0.0, 0.0, 0.0});

        assertThat(result.value()).isCloseTo(0.01, within(1e-9));
        assertThat(result.note()).isEqualTo("raised 3 scores below the floor 0.01 to the floor before taking logs");
    }
}
