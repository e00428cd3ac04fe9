package dev.pathwise.engine.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodResultTest {

    @ParameterizedTest
    @ValueSource(doubles = {-0.001, 1.001, Double.NaN})
    void rejects_a_value_outside_0_to_1(double value) {
        assertThatThrownBy(() -> new MethodResult(value, true, "mean", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mastery value: " + value + " is outside [0, 1]");
    }

    @Test
    void needs_the_name_of_the_method_used() {
        assertThatThrownBy(() -> new MethodResult(0.5, true, " ", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("methodUsed");
    }

    @Test
    void a_missing_note_is_empty() {
        assertThat(new MethodResult(0.5, true, "mean", null).note()).isEmpty();
    }
}
