package dev.pathwise.engine.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pathwise.engine.framework.Competency;
import dev.pathwise.engine.framework.Framework;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurriculumTest {

    private static final Framework FRAMEWORK = Framework.of(
            "fw",
            "Framework",
            List.of(
                    Competency.of("math", null),
                    Competency.of("count", "math"),
                    Competency.of("add", "math", "count")));

    private static Activity activity(String id, String... competencyIds) {
        return new Activity(
                id,
                null,
                List.of(competencyIds),
                ActivityKind.PRACTICE,
                Modality.TEXT,
                Grouping.INDIVIDUAL,
                true,
                10,
                null);
    }

    @Test
    void activitiesForACompetencyComeInTheOrderGiven() {
        // when
        Curriculum curriculum = Curriculum.of(
                FRAMEWORK, List.of(activity("b", "count"), activity("a", "count", "add"), activity("c", "add")));

        // then
        assertThat(curriculum.activitiesFor("count")).extracting(Activity::id).containsExactly("b", "a");
        assertThat(curriculum.activitiesFor("add")).extracting(Activity::id).containsExactly("a", "c");
        assertThat(curriculum.activitiesFor("math")).isEmpty();
        assertThat(curriculum.activity("a")).get().extracting(Activity::title).isEqualTo("a");
        assertThat(curriculum.activity("z")).isEmpty();
        assertThat(curriculum.activities()).extracting(Activity::id).containsExactly("b", "a", "c");
    }

    @Test
    void alignmentToAnUnknownCompetencyIsRefusedNamingIt() {
        // when / then
        assertThatThrownBy(() -> Curriculum.of(FRAMEWORK, List.of(activity("a1", "count", "subtract"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("activity 'a1' is aligned to competency 'subtract', which framework 'fw' does not have");
    }

    @Test
    void duplicateActivityIdIsRefusedAlongWithEveryOtherProblem() {
        // when / then
        assertThatThrownBy(() -> Curriculum.of(
                        FRAMEWORK, List.of(activity("a1", "count"), activity("a1", "add"), activity("a2", "nope"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("activity id 'a1' appears twice")
                .hasMessageContaining("competency 'nope'");
    }

    @Test
    void activityWithoutAlignmentIsRefused() {
        // when / then
        assertThatThrownBy(() -> activity("a1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("activity 'a1' is aligned to no competency");
    }
}
