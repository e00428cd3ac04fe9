package dev.pathwise.engine.framework;

import static dev.pathwise.engine.framework.Competency.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Effective prerequisites, dependents and the topological order, with and without inheritance. */
class FrameworkPrerequisitesTest {

    @Test
    void effectivePrerequisitesAreOwnThenEachAncestorsNearestFirst() {
        Framework framework = MathFramework.inheriting();

        assertThat(framework.prerequisites("area")).containsExactly("shapes", "place-value", "counting", "letters");
        assertThat(framework.prerequisites("shapes")).containsExactly("counting", "letters");
        assertThat(framework.prerequisites("number")).containsExactly("letters");
        assertThat(framework.prerequisites("math")).containsExactly("letters");
        assertThat(framework.prerequisites("letters")).isEmpty();
    }

    @Test
    void withoutInheritanceOnlyOwnPrerequisitesCount() {
        Framework framework = MathFramework.notInheriting();

        assertThat(framework.prerequisites("area")).containsExactly("shapes", "place-value");
        assertThat(framework.prerequisites("shapes")).isEmpty();
        assertThat(framework.prerequisites("number")).isEmpty();
        assertThat(framework.prerequisites("math")).containsExactly("letters");
    }

    @Test
    void aPrerequisiteBothOwnAndInheritedIsListedOnce() {
        Framework framework = Framework.of(
                "f",
                "F",
                List.of(of("basics", null), of("unit", null, "basics"), of("lesson", "unit", "basics", "basics")));

        assertThat(framework.prerequisites("lesson")).containsExactly("basics");
    }

    @Test
    void dependentsIncludeCompetenciesThatInheritTheRequirement() {
        Framework framework = MathFramework.inheriting();

        assertThat(framework.dependents("letters"))
                .containsExactly("math", "number", "counting", "place-value", "geometry", "shapes", "area");
        assertThat(framework.dependents("counting")).containsExactly("place-value", "geometry", "shapes", "area");
        assertThat(framework.dependents("shapes")).containsExactly("area");
        assertThat(framework.dependents("area")).isEmpty();
    }

    @Test
    void withoutInheritanceDependentsAreOnlyTheDeclaredOnes() {
        Framework framework = MathFramework.notInheriting();

        assertThat(framework.dependents("letters")).containsExactly("math");
        assertThat(framework.dependents("counting")).containsExactly("place-value", "geometry");
    }

    @Test
    void topologicalOrderPutsInheritedPrerequisitesFirst() {
        Framework framework = MathFramework.inheriting();

        assertThat(framework.topologicalOrder())
                .containsExactly(
                        "reading",
                        "letters",
                        "math",
                        "number",
                        "counting",
                        "place-value",
                        "geometry",
                        "shapes",
                        "area");
        assertRespectsEveryPrerequisite(framework);
    }

    @Test
    void topologicalOrderWithoutInheritanceOnlyMovesWhatIsDeclared() {
        Framework framework = MathFramework.notInheriting();

        assertThat(framework.topologicalOrder())
                .containsExactly(
                        "number",
                        "counting",
                        "place-value",
                        "geometry",
                        "shapes",
                        "area",
                        "reading",
                        "letters",
                        "math");
        assertRespectsEveryPrerequisite(framework);
    }

    @Test
    void topologicalOrderKeepsTheOrderGivenWhenNothingForcesAChange() {
        Framework framework = Framework.of("f", "F", List.of(of("c", null), of("a", null), of("b", null, "c")));

        assertThat(framework.topologicalOrder()).containsExactly("c", "a", "b");
    }

    @Test
    void aCycleThatExistsOnlyThroughInheritanceIsFineWithoutIt() {
        List<Competency> competencies =
                List.of(of("unit", null, "warm-up"), of("lesson", "unit"), of("warm-up", null, "lesson"));

        Framework framework = Framework.of("f", "F", competencies, false);

        assertThat(framework.topologicalOrder()).containsExactly("lesson", "warm-up", "unit");
    }

    static void assertRespectsEveryPrerequisite(Framework framework) {
        List<String> order = framework.topologicalOrder();
        assertThat(order)
                .containsExactlyInAnyOrderElementsOf(
                        framework.competencies().stream().map(Competency::id).toList());
        for (String id : order) {
            for (String prerequisite : framework.prerequisites(id)) {
                assertThat(order.indexOf(prerequisite))
                        .as("'%s' must come before '%s'", prerequisite, id)
                        .isLessThan(order.indexOf(id));
            }
        }
    }
}
