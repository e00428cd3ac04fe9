package dev.pathwise.engine.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tenant's frameworks side by side: one graph for evaluation and planning, ids unique across them. */
class FrameworkCombineTest {

    private final Framework math = Framework.of(
            "math",
            "Mathematics",
            List.of(
                    Competency.of("ratio", null),
                    Competency.of("ratio.concept", "ratio"),
                    Competency.of("ratio.tables", "ratio", "ratio.concept")));
    private final Framework ela = Framework.of(
            "ela",
            "Reading",
            List.of(Competency.of("RL", null), Competency.of("RL.1", "RL"), Competency.of("RL.2", "RL", "RL.1")));

    @Test
    void oneFrameworkIsItself() {
        assertThat(Framework.combine(List.of(math))).isSameAs(math);
    }

    @Test
    void twoFrameworksMakeOneGraphWithEachHierarchyAndPrerequisitesKept() {
        Framework both = Framework.combine(List.of(math, ela));

        assertThat(both.id()).isEqualTo("math+ela");
        assertThat(both.competencies())
                .extracting(Competency::id)
                .containsExactly("ratio", "ratio.concept", "ratio.tables", "RL", "RL.1", "RL.2");
        assertThat(both.leaves()).containsExactly("ratio.concept", "ratio.tables", "RL.1", "RL.2");
        assertThat(both.prerequisites("RL.2")).containsExactly("RL.1");
        assertThat(both.ancestors("ratio.tables")).containsExactly("ratio");
    }

    @Test
    void aCompetencyIdInTwoFrameworksIsRefusedNamingBoth() {
        Framework science = Framework.of("science", "Science", List.of(Competency.of("ratio.tables", null)));

        assertThatThrownBy(() -> Framework.combine(List.of(math, science)))
                .isInstanceOf(FrameworkException.class)
                .hasMessage("competency 'ratio.tables' is in framework 'math' and in framework 'science';"
                        + " competency ids are unique across a tenant's frameworks, so rename it in one of them");
    }

    @Test
    void aCurriculumOverSeveralFrameworksAlignsActivitiesToAnyAndKnowsEachCompetencysFramework() {
        Activity spanning = new Activity(
                "read-the-data",
                "Read the data",
                List.of("ratio.tables", "RL.2"),
                ActivityKind.PROJECT,
                Modality.TEXT,
                Grouping.SMALL_GROUP,
                false,
                45,
                List.of());

        Curriculum curriculum = Curriculum.of(List.of(math, ela), List.of(spanning));

        assertThat(curriculum.frameworks()).containsExactly(math, ela);
        assertThat(curriculum.frameworkOf("RL.2")).contains(ela);
        assertThat(curriculum.frameworkOf("ratio")).contains(math);
        assertThat(curriculum.frameworkOf("nothing")).isEmpty();
        assertThat(curriculum.activitiesFor("RL.2")).containsExactly(spanning);
        assertThat(curriculum.activitiesFor("ratio.tables")).containsExactly(spanning);
    }
}
