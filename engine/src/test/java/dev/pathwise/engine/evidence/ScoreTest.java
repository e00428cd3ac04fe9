package dev.pathwise.engine.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoreTest {

    @Test
    void normalizesFromItsOwnScale() {
        assertThat(new Score(7, 0, 10).normalized()).isCloseTo(0.7, within(1e-12));
        assertThat(new Score(3, 1, 4).normalized()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(new Score(1, 1, 4).normalized()).isZero();
        assertThat(new Score(4, 1, 4).normalized()).isEqualTo(1.0);
        assertThat(new Score(-5, -10, 0).normalized()).isEqualTo(0.5);
        assertThat(Score.fraction(0.25).normalized()).isEqualTo(0.25);
    }

    @Test
    void rawOutsideTheScaleIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> new Score(11, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("score.raw: 11.0 is outside the scale 0.0..10.0");
        assertThatThrownBy(() -> new Score(0.5, 1, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.5");
        assertThatThrownBy(() -> Score.fraction(1.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.2");
    }

    @Test
    void emptyOrInvertedScaleIsRefused() {
        assertThatThrownBy(() -> new Score(1, 4, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("score.max: 4.0 must be greater than score.min 4.0");
        assertThatThrownBy(() -> new Score(1, 4, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertThatThrownBy(() -> new Score(Double.NaN, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Score(0, 0, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }
}
