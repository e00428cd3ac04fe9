package dev.pathwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The score checks every mastery method makes; each method's test class implements this. */
interface RejectsInvalidScores {

    /** The method under test, with its default parameters. */
    MasteryMethod method();

    @Test
    default void rejects_an_empty_score_array() {
        assertThatThrownBy(() -> method().apply(new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty")
                .hasMessageContaining(method().name());
    }

    @Test
    default void rejects_a_missing_score_array() {
        assertThatThrownBy(() -> method().apply(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scores");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    default void rejects_a_score_outside_0_to_1_naming_its_index_and_value(double invalid) {
        double[] scores = {0.5, 0.6, invalid, 0.7};

        assertThatThrownBy(() -> method().apply(scores))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scores[2]: " + invalid)
                .hasMessageContaining("0..1 scale");
    }

    @Test
    default void rejects_an_invalid_only_score() {
        assertThatThrownBy(() -> method().apply(new double[] {1.1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scores[0]: 1.1");
    }

    @Test
    default void does_not_change_the_scores_it_is_given() {
        double[] scores = {0.0, 0.3, 0.9, 0.4, 1.0};

        method().apply(scores);

        assertThat(scores).containsExactly(0.0, 0.3, 0.9, 0.4, 1.0);
    }
}
