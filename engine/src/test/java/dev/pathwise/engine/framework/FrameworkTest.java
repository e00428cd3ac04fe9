package dev.pathwise.engine.framework;

import static dev.pathwise.engine.framework.Competency.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Identity, lookup and hierarchy queries. Prerequisites: {@link FrameworkPrerequisitesTest}. */
class FrameworkTest {

    private final Framework framework = MathFramework.inheriting();

    @Test
    void keepsIdNameAndCompetenciesInTheOrderGiven() {
        List<Competency> given = MathFramework.competencies();

        Framework built = Framework.of("math-k5", "Math K-5", given);

        assertThat(built.id()).isEqualTo("math-k5");
        assertThat(built.name()).isEqualTo("Math K-5");
        assertThat(built.competencies()).containsExactlyElementsOf(given);
        assertThat(built.size()).isEqualTo(9);
    }

    @Test
    void inheritsPrerequisitesUnlessToldOtherwise() {
        assertThat(MathFramework.inheriting().childrenInheritPrerequisites()).isTrue();
        assertThat(MathFramework.notInheriting().childrenInheritPrerequisites()).isFalse();
    }

    @Test
    void anEmptyFrameworkIsValid() {
        Framework empty = Framework.of("empty", "Nothing yet", List.of());

        assertThat(empty.size()).isZero();
        assertThat(empty.leaves()).isEmpty();
        assertThat(empty.topologicalOrder()).isEmpty();
    }

    @Test
    void containsAndFindAnswerForKnownAndUnknownIds() {
        assertThat(framework.contains("area")).isTrue();
        assertThat(framework.contains("algebra")).isFalse();
        assertThat(framework.find("area")).map(Competency::parentId).contains("geometry");
        assertThat(framework.find("algebra")).isEmpty();
    }

    @Test
    void getReturnsTheCompetency() {
        assertThat(framework.get("place-value").prerequisiteIds()).containsExactly("counting");
    }

    @Test
    void getOfAMistypedIdSuggestsTheClosestOne() {
        assertThatThrownBy(() -> framework.get("aera"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown competency 'aera' in framework 'math-k5'. Maybe you meant 'area'?");
    }

    @Test
    void getOfAnIdWithNothingCloseMakesNoSuggestion() {
        assertThatThrownBy(() -> framework.get("fractions"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown competency 'fractions' in framework 'math-k5'.");
    }

    @Test
    void getNeverCorrectsAOneLetterIdIntoAnotherOneLetterId() {
        Framework letters = Framework.of("abc", "ABC", List.of(of("a", null), of("b", null)));

        assertThatThrownBy(() -> letters.get("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown competency 'x' in framework 'abc'.");
    }

    @Test
    void everyQueryByIdRejectsAnUnknownId() {
        List<Runnable> queries = List.of(
                () -> framework.parent("nope"),
                () -> framework.children("nope"),
                () -> framework.isLeaf("nope"),
                () -> framework.ancestors("nope"),
                () -> framework.descendants("nope"),
                () -> framework.prerequisites("nope"),
                () -> framework.dependents("nope"));

        for (Runnable query : queries) {
            assertThatThrownBy(query::run)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Unknown competency 'nope' in framework 'math-k5'");
        }
    }

    @Test
    void parentIsEmptyAtTheTopAndTheParentIdBelow() {
        assertThat(framework.parent("math")).isEmpty();
        assertThat(framework.parent("area")).contains("geometry");
    }

    @Test
    void childrenAreDirectOnlyInTheOrderGiven() {
        assertThat(framework.children("math")).containsExactly("number", "geometry");
        assertThat(framework.children("number")).containsExactly("counting", "place-value");
        assertThat(framework.children("area")).isEmpty();
    }

    @Test
    void aLeafHasNoChildren() {
        assertThat(framework.isLeaf("area")).isTrue();
        assertThat(framework.isLeaf("geometry")).isFalse();
        assertThat(framework.isLeaf("math")).isFalse();
    }

    @Test
    void ancestorsAreNearestFirstAcrossThreeLevels() {
        assertThat(framework.ancestors("area")).containsExactly("geometry", "math");
        assertThat(framework.ancestors("geometry")).containsExactly("math");
        assertThat(framework.ancestors("math")).isEmpty();
    }

    @Test
    void descendantsAreDepthFirstInTheOrderGiven() {
        assertThat(framework.descendants("math"))
                .containsExactly("number", "counting", "place-value", "geometry", "shapes", "area");
        assertThat(framework.descendants("reading")).containsExactly("letters");
        assertThat(framework.descendants("area")).isEmpty();
    }

    @Test
    void leavesAreTheCompetenciesWithoutChildrenInTheOrderGiven() {
        assertThat(framework.leaves()).containsExactly("counting", "place-value", "shapes", "area", "letters");
    }

    @Test
    void descendantsOfADeepChainListEveryLevel() {
        Framework chain = Framework.of(
                "chain",
                "Chain",
                List.of(of("l0", null), of("l1", "l0"), of("l2", "l1"), of("l3", "l2"), of("l4", "l3")));

        assertThat(chain.descendants("l1")).containsExactly("l2", "l3", "l4");
        assertThat(chain.ancestors("l4")).containsExactly("l3", "l2", "l1", "l0");
        assertThat(chain.leaves()).containsExactly("l4");
    }

    @Test
    void returnedCollectionsCannotBeModified() {
        assertThatThrownBy(() -> framework.competencies().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> framework.children("math").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> framework.prerequisites("area").clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> framework.topologicalOrder().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(framework.prerequisites("area")).hasSize(4);
    }
}
