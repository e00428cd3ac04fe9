package dev.pathwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RollupTest {

    @Test
    void parses_the_four_forms() {
        assertThat(Rollup.parse("all")).isEqualTo(new Rollup(RollupRule.ALL, 0));
        assertThat(Rollup.parse("any")).isEqualTo(new Rollup(RollupRule.ANY, 0));
        assertThat(Rollup.parse("at_least_count 3")).isEqualTo(new Rollup(RollupRule.AT_LEAST_COUNT, 3));
        assertThat(Rollup.parse("at_least_percent 75")).isEqualTo(new Rollup(RollupRule.AT_LEAST_PERCENT, 75));
        assertThat(Rollup.parse("at_least_percent 62.5")).isEqualTo(new Rollup(RollupRule.AT_LEAST_PERCENT, 62.5));
    }

    @Test
    void parsing_ignores_letter_case_and_surrounding_spaces() {
        assertThat(Rollup.parse("ALL")).isEqualTo(new Rollup(RollupRule.ALL, 0));
        assertThat(Rollup.parse("  Any ")).isEqualTo(new Rollup(RollupRule.ANY, 0));
        assertThat(Rollup.parse("At_Least_Count   2")).isEqualTo(new Rollup(RollupRule.AT_LEAST_COUNT, 2));
        assertThat(Rollup.parse("\tAT_LEAST_PERCENT 50\n")).isEqualTo(new Rollup(RollupRule.AT_LEAST_PERCENT, 50));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "  ",
                "most",
                "all 3",
                "any of them",
                "at_least_count",
                "at_least_count three",
                "at_least_count 3 4",
                "at_least_count -1",
                "at_least_count 2.5",
                "at_least_count 0",
                "at_least_percent",
                "at_least_percent 0",
                "at_least_percent 101",
                "at_least_percent 75%",
                "at_least_percent NaN",
                "at_least_percent 1e2",
                "at least 3"
            })
    void rejects_other_text_naming_it_and_the_accepted_forms(String text) {
        assertThatThrownBy(() -> Rollup.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("at_least_percent");
    }

    @Test
    void a_misspelled_rule_gets_a_did_you_mean() {
        assertThatThrownBy(() -> Rollup.parse("at_least_cout 3"))
                .hasMessage("rollup 'at_least_cout 3' is not recognized. Maybe you meant 'at_least_count'? Use one of:"
                        + " all, any, at_least_count <k> (a whole number >= 1), at_least_percent <p> (0 < p <= 100).");
    }

    @Test
    void an_amount_out_of_range_is_named_in_the_error() {
        assertThatThrownBy(() -> Rollup.parse("at_least_percent 120"))
                .hasMessageContaining("120 is outside the allowed range (0, 100]");
        assertThatThrownBy(() -> Rollup.parse("at_least_count 0")).hasMessageContaining("0 is not a whole number >= 1");
    }

    @Test
    void rejects_missing_text() {
        assertThatThrownBy(() -> Rollup.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at_least_count <k>");
    }

    @ParameterizedTest(name = "all: {0} of {1} -> {2}")
    @CsvSource({"3, 3, true", "2, 3, false", "0, 3, false", "1, 1, true", "0, 0, false"})
    void all_needs_every_child_and_at_least_one_child(int mastered, int total, boolean satisfied) {
        assertThat(Rollup.parse("all").isSatisfied(mastered, total)).isEqualTo(satisfied);
    }

    @ParameterizedTest(name = "any: {0} of {1} -> {2}")
    @CsvSource({"1, 5, true", "5, 5, true", "0, 5, false", "0, 0, false"})
    void any_needs_one_child(int mastered, int total, boolean satisfied) {
        assertThat(Rollup.parse("any").isSatisfied(mastered, total)).isEqualTo(satisfied);
    }

    @ParameterizedTest(name = "at_least_count 3: {0} of {1} -> {2}")
    @CsvSource({"3, 5, true", "4, 5, true", "2, 5, false", "2, 2, false", "0, 0, false"})
    void at_least_count_needs_that_many_children(int mastered, int total, boolean satisfied) {
        assertThat(Rollup.parse("at_least_count 3").isSatisfied(mastered, total))
                .isEqualTo(satisfied);
    }

    @ParameterizedTest(name = "at_least_percent 75: {0} of {1} -> {2}")
    @CsvSource({"3, 4, true", "4, 4, true", "2, 4, false", "5, 7, false", "6, 8, true", "0, 0, false"})
    void at_least_percent_needs_that_share_of_the_children(int mastered, int total, boolean satisfied) {
        assertThat(Rollup.parse("at_least_percent 75").isSatisfied(mastered, total))
                .isEqualTo(satisfied);
    }

    @Test
    void at_least_percent_is_not_fooled_by_rounding_when_the_share_is_exactly_the_percentage() {
        // 57 / 100 * 100 is 56.99999999999999 in floating point
        assertThat(Rollup.parse("at_least_percent 57").isSatisfied(57, 100)).isTrue();
        assertThat(Rollup.parse("at_least_percent 70").isSatisfied(7, 10)).isTrue();
        assertThat(Rollup.parse("at_least_percent 100").isSatisfied(3, 3)).isTrue();
        assertThat(Rollup.parse("at_least_percent 100").isSatisfied(2, 3)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"-1, 3", "2, -1", "4, 3"})
    void rejects_impossible_counts(int mastered, int total) {
        assertThatThrownBy(() -> Rollup.parse("any").isSatisfied(mastered, total))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(mastered + " mastered of " + total + " children")
                .hasMessageContaining("0 <= mastered <= total");
    }

    @Test
    void describes_itself_for_people() {
        assertThat(Rollup.parse("all").describe()).isEqualTo("all of the children mastered");
        assertThat(Rollup.parse("any").describe()).isEqualTo("at least one of the children mastered");
        assertThat(Rollup.parse("at_least_count 3").describe()).isEqualTo("at least 3 of the children mastered");
        assertThat(Rollup.parse("at_least_percent 75").describe()).isEqualTo("at least 75% of the children mastered");
        assertThat(Rollup.parse("at_least_percent 62.5").describe())
                .isEqualTo("at least 62.5% of the children mastered");
    }

    @Test
    void the_constructor_checks_the_amount_for_its_rule() {
        assertThatThrownBy(() -> new Rollup(null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rollup(RollupRule.ALL, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes no amount, but got 3");
        assertThatThrownBy(() -> new Rollup(RollupRule.AT_LEAST_COUNT, 1.5))
                .hasMessageContaining("1.5 is not a whole number >= 1");
        assertThatThrownBy(() -> new Rollup(RollupRule.AT_LEAST_PERCENT, Double.NaN))
                .hasMessageContaining("NaN is outside the allowed range (0, 100]");
    }
}
