package dev.pathwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MasteryMethodsTest {

    @Test
    void offers_ten_methods_and_three_other_names_in_a_stable_order() {
        assertThat(MasteryMethods.names())
                .containsExactly(
                        "latest",
                        "highest",
                        "mean",
                        "average",
                        "weighted_average",
                        "decaying_average",
                        "standard_decaying_average",
                        "exponential_decay",
                        "n_mastery",
                        "n_of_last_m",
                        "n_of_m",
                        "power_law",
                        "bkt");
    }

    @Test
    void each_method_created_by_any_of_its_names_reports_that_name() {
        for (String name : MasteryMethods.names()) {
            MasteryMethod method = MasteryMethods.create(name, Map.of());

            assertThat(method.name()).isEqualTo(name);
            assertThat(method.apply(new double[] {0.5, 0.6, 0.7, 0.8}).methodUsed())
                    .isEqualTo(name);
        }
    }

    @Test
    void an_other_name_is_the_same_method_with_the_same_parameters() {
        assertThat(MasteryMethods.defaults("decaying_average")).isEqualTo(MasteryMethods.defaults("weighted_average"));
        assertThat(MasteryMethods.defaults("n_of_m")).isEqualTo(MasteryMethods.defaults("n_of_last_m"));
        assertThat(MasteryMethods.defaults("average")).isEqualTo(MasteryMethods.defaults("mean"));
        assertThatThrownBy(() -> MasteryMethods.create("n_of_m", Map.of("threshhold", 0.8)))
                .hasMessage("Mastery method 'n_of_m' has no parameter 'threshhold'. Maybe you meant 'threshold'?"
                        + " Its parameters are: n, m, threshold.");
    }

    @Test
    void publishes_the_default_of_every_parameter() {
        assertThat(MasteryMethods.defaults("latest")).isEmpty();
        assertThat(MasteryMethods.defaults("highest")).isEmpty();
        assertThat(MasteryMethods.defaults("mean")).isEmpty();
        assertThat(MasteryMethods.defaults("weighted_average")).containsExactly(entry("w", 0.65));
        assertThat(MasteryMethods.defaults("standard_decaying_average")).containsExactly(entry("w", 0.65));
        assertThat(MasteryMethods.defaults("exponential_decay")).containsExactly(entry("decay", 0.7));
        assertThat(MasteryMethods.defaults("n_mastery")).containsExactly(entry("n", 3.0), entry("threshold", 0.8));
        assertThat(MasteryMethods.defaults("n_of_last_m"))
                .containsExactly(entry("n", 3.0), entry("m", 5.0), entry("threshold", 0.8));
        assertThat(MasteryMethods.defaults("power_law"))
                .containsExactly(entry("floor", 0.01), entry("scale_min", 0.0), entry("scale_max", 1.0));
        assertThat(MasteryMethods.defaults("bkt"))
                .containsExactly(
                        entry("prior", 0.25),
                        entry("learn", 0.15),
                        entry("slip", 0.10),
                        entry("guess", 0.20),
                        entry("forget", 0.0),
                        entry("cut", 0.8));
    }

    @Test
    void names_and_defaults_cannot_be_changed_by_callers() {
        assertThatThrownBy(() -> MasteryMethods.names().add("median"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> MasteryMethods.defaults("bkt").put("prior", 0.9))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void missing_parameters_take_their_defaults() {
        assertThat(MasteryMethods.create("weighted_average", Map.of()))
                .isEqualTo(MasteryMethods.create("weighted_average", Map.of("w", 0.65)));
        assertThat(MasteryMethods.create("n_of_last_m", Map.of("threshold", 0.9)))
                .isEqualTo(MasteryMethods.create("n_of_last_m", Map.of("n", 3.0, "m", 5.0, "threshold", 0.9)));
        assertThat(MasteryMethods.create("bkt", Map.of("forget", 0.05)))
                .hasToString("bkt{prior=0.25, learn=0.15, slip=0.1, guess=0.2, forget=0.05, cut=0.8}");
        assertThat(MasteryMethods.create("power_law", null))
                .hasToString("power_law{floor=0.01, scale_min=0.0, scale_max=1.0}");
        assertThat(MasteryMethods.create("latest", null)).hasToString("latest");
    }

    @Test
    void methods_of_different_names_or_parameters_differ() {
        assertThat(MasteryMethods.create("weighted_average", Map.of()))
                .isNotEqualTo(MasteryMethods.create("decaying_average", Map.of()))
                .isNotEqualTo(MasteryMethods.create("weighted_average", Map.of("w", 0.5)))
                .isNotEqualTo(MasteryMethods.create("standard_decaying_average", Map.of()));
    }

    @Test
    void an_unknown_method_is_rejected_with_a_did_you_mean_and_the_known_names() {
        assertThatThrownBy(() -> MasteryMethods.create("decaying_avg", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown mastery method 'decaying_avg'. Maybe you meant 'decaying_average'? Known methods:"
                        + " latest, highest, mean (or average), weighted_average (or decaying_average),"
                        + " standard_decaying_average, exponential_decay, n_mastery, n_of_last_m (or n_of_m),"
                        + " power_law, bkt.");
    }

    @ParameterizedTest
    @CsvSource({
        "hihgest, highest",
        "Mean, mean",
        "lastest, latest",
        "exponential, exponential_decay",
        "n-of-m, n_of_m",
        "n_of_last, n_of_last_m",
        "nmastery, n_mastery",
        "n_mastry, n_mastery",
        "weighted_avg, weighted_average",
        "standard_decaying, standard_decaying_average",
        "standard_decaying_averge, standard_decaying_average",
        "powerlaw, power_law",
        "BKT, bkt"
    })
    void suggests_the_closest_method_name(String given, String suggested) {
        assertThatThrownBy(() -> MasteryMethods.create(given, Map.of()))
                .hasMessageContaining("'" + given + "'")
                .hasMessageContaining("Maybe you meant '" + suggested + "'?");
        assertThatThrownBy(() -> MasteryMethods.defaults(given))
                .hasMessageContaining("Maybe you meant '" + suggested + "'?");
    }

    @Test
    void a_name_far_from_every_method_gets_no_suggestion_but_the_list() {
        assertThatThrownBy(() -> MasteryMethods.create("elo_rating", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Maybe")
                .hasMessageContaining("Known methods: latest,");
        assertThatThrownBy(() -> MasteryMethods.create(null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown mastery method 'null'");
    }

    @Test
    void an_unknown_parameter_is_rejected_naming_it_with_a_did_you_mean() {
        assertThatThrownBy(() -> MasteryMethods.create("n_of_m", Map.of("threshhold", 0.8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mastery method 'n_of_m' has no parameter 'threshhold'. Maybe you meant 'threshold'?"
                        + " Its parameters are: n, m, threshold.");
        assertThatThrownBy(() -> MasteryMethods.create("bkt", Map.of("slipp", 0.1)))
                .hasMessageContaining("'slipp'")
                .hasMessageContaining("Maybe you meant 'slip'?");
        assertThatThrownBy(() -> MasteryMethods.create("decaying_average", Map.of("weight", 0.5)))
                .hasMessageContaining("no parameter 'weight'")
                .hasMessageContaining("Its parameters are: w.");
    }

    @Test
    void a_method_without_parameters_rejects_any() {
        assertThatThrownBy(() -> MasteryMethods.create("mean", Map.of("w", 0.5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mastery method 'mean' takes no parameters, but was given 'w'. Remove it.");
    }

    @Test
    void a_parameter_without_value_is_rejected() {
        Map<String, Double> parameters = new HashMap<>();
        parameters.put("decay", null);

        assertThatThrownBy(() -> MasteryMethods.create("exponential_decay", parameters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'decay' has no value")
                .hasMessageContaining("default 0.7");
    }

    @ParameterizedTest(name = "{0} {1} = {2} is outside {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "weighted_average  | w         | 0       | (0, 1]",
                "standard_decaying_average | w | 0      | (0, 1]",
                "standard_decaying_average | w | 1.1    | (0, 1]",
                "n_mastery         | n         | 0       | a whole number >= 1",
                "n_mastery         | threshold | 1.5     | [0, 1]",
                "power_law         | scale_min | -1      | a number >= 0",
                "power_law         | scale_max | 0       | a number > 0",
                "power_law         | scale_max | Infinity | a number > 0",
                "power_law         | scale_min | NaN     | a number >= 0",
                "decaying_average  | w         | 0       | (0, 1]",
                "decaying_average  | w         | 1.5     | (0, 1]",
                "decaying_average  | w         | NaN     | (0, 1]",
                "exponential_decay | decay     | 0       | (0, 1]",
                "exponential_decay | decay     | -0.2    | (0, 1]",
                "exponential_decay | decay     | 1.01    | (0, 1]",
                "n_of_m            | n         | 0       | a whole number >= 1",
                "n_of_m            | n         | 2.5     | a whole number >= 1",
                "n_of_m            | m         | -5      | a whole number >= 1",
                "n_of_m            | threshold | 1.2     | [0, 1]",
                "n_of_m            | threshold | -0.01   | [0, 1]",
                "power_law         | floor     | 0       | (0, 1)",
                "power_law         | floor     | 1       | (0, 1)",
                "bkt               | prior     | 1.1     | [0, 1]",
                "bkt               | learn     | -0.1    | [0, 1]",
                "bkt               | slip      | 1       | [0, 1)",
                "bkt               | guess     | 1       | [0, 1)",
                "bkt               | forget    | 2       | [0, 1]",
                "bkt               | cut       | -1      | [0, 1]",
                "bkt               | cut       | Infinity | [0, 1]"
            })
    void a_parameter_out_of_range_is_rejected_naming_parameter_value_and_range(
            String method, String parameter, double value, String range) {
        assertThatThrownBy(() -> MasteryMethods.create(method, Map.of(parameter, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Mastery method '" + method + "' parameter '" + parameter + "' is "
                        + DecimalText.of(value) + ", outside the allowed range: " + range + ".")
                .hasMessageContaining("for example the default");
    }

    @Test
    void the_ends_of_each_range_that_are_allowed_are_accepted() {
        MasteryMethods.create("decaying_average", Map.of("w", 1.0));
        MasteryMethods.create("exponential_decay", Map.of("decay", 1.0));
        MasteryMethods.create("n_of_m", Map.of("n", 1.0, "m", 1.0, "threshold", 0.0));
        MasteryMethods.create("n_of_m", Map.of("threshold", 1.0));
        MasteryMethods.create("power_law", Map.of("floor", 0.999));
        MasteryMethods.create("power_law", Map.of("scale_min", 0.0, "scale_max", 1e-9));
        MasteryMethods.create("standard_decaying_average", Map.of("w", 1.0));
        MasteryMethods.create("n_mastery", Map.of("n", 1.0, "threshold", 0.0));
        MasteryMethods.create("bkt", Map.of("prior", 0.0, "learn", 1.0, "forget", 1.0, "cut", 1.0));
        MasteryMethods.create("bkt", Map.of("prior", 1.0, "learn", 0.0, "slip", 0.0, "guess", 0.0, "cut", 0.0));
    }

    @Test
    void n_of_last_m_rejects_a_window_m_smaller_than_n_naming_the_method_as_written() {
        assertThatThrownBy(() -> MasteryMethods.create("n_of_m", Map.of("n", 4.0, "m", 3.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Mastery method 'n_of_m' parameter 'm' is 3, outside the allowed range:"
                        + " a whole number >= n (4)")
                .hasMessageContaining("set m >= 4");
        assertThatThrownBy(() -> MasteryMethods.create("n_of_m", Map.of("n", 6.0)))
                .hasMessageContaining("parameter 'm' is 5");
    }

    @Test
    void bkt_rejects_slip_and_guess_that_add_up_to_one_or_more() {
        assertThatThrownBy(() -> MasteryMethods.create("bkt", Map.of("slip", 0.6, "guess", 0.4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameters 'slip' (0.6) and 'guess' (0.4) add up to 1")
                .hasMessageContaining("slip + guess < 1");
        assertThatThrownBy(() -> MasteryMethods.create("bkt", Map.of("slip", 0.5, "guess", 0.7)))
                .hasMessageContaining("add up to 1.2");
    }

    @Test
    void methods_created_from_the_same_parameters_are_interchangeable() {
        MasteryMethod first = MasteryMethods.create("n_of_last_m", Map.of("n", 2.0));
        MasteryMethod second = MasteryMethods.create("n_of_last_m", Map.of("n", 2.0, "m", 5.0));

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
    }
}
