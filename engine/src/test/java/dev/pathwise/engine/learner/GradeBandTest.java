package dev.pathwise.engine.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GradeBandTest {

    @ParameterizedTest
    @CsvSource({"0, K-2", "2, K-2", "3, 3-5", "5, 3-5", "6, 6-8", "8, 6-8", "9, 9-12", "12, 9-12"})
    void gradesFallIntoTheirBandAtBothEdges(int grade, String label) {
        assertThat(GradeBand.ofGrade(grade).label()).isEqualTo(label);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 13})
    void gradeOutsideSchoolIsRefusedNamingIt(int grade) {
        assertThatThrownBy(() -> GradeBand.ofGrade(grade))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("grade: " + grade + " is not a school grade");
    }

    @Test
    void parseReadsLabelsAndEnumNamesIgnoringCase() {
        assertThat(GradeBand.parse("K-2")).isEqualTo(GradeBand.K_2);
        assertThat(GradeBand.parse("k-2")).isEqualTo(GradeBand.K_2);
        assertThat(GradeBand.parse("9-12")).isEqualTo(GradeBand.G9_12);
        assertThat(GradeBand.parse("g6_8")).isEqualTo(GradeBand.G6_8);
        assertThat(GradeBand.G3_5).hasToString("3-5");
    }

    @Test
    void unknownBandIsRefusedListingTheBands() {
        assertThatThrownBy(() -> GradeBand.parse("6-9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gradeBand: '6-9' is not a grade band; use one of K-2, 3-5, 6-8, 9-12");
    }

    @Test
    void learnerProfileTakesItsBandFromTheGrade() {
        assertThat(LearnerProfile.basic("ada", 7, null).gradeBand()).isEqualTo(GradeBand.G6_8);
        assertThatThrownBy(() -> LearnerProfile.basic("ada", 14, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("14");
    }
}
