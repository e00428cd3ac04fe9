package dev.pathwise.engine.framework;

import static dev.pathwise.engine.framework.Competency.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each problem the factory rejects, with the exact message an author would read. */
class FrameworkValidationTest {

    @Test
    void rejectsABlankFrameworkId() {
        List<String> problems = problemsOf(" ", List.of(of("a", null)), true);

        assertThat(problems)
                .containsExactly("Framework id is blank (' ') for the framework named 'F'; give it a non-blank id.");
    }

    @Test
    void rejectsADuplicateCompetencyIdNamingEveryPosition() {
        List<String> problems = problemsOf("f", List.of(of("a", null), of("b", null), of("a", null)), true);

        assertThat(problems)
                .containsExactly("Framework 'f': competency id 'a' is used by 2 competencies"
                        + " (competencies[0], competencies[2]); give each competency a unique id.");
    }

    @Test
    void rejectsANullCompetency() {
        List<String> problems = problemsOf("f", Arrays.asList(of("a", null), null), true);

        assertThat(problems).containsExactly("Framework 'f': competencies[1] is null; remove it from the list.");
    }

    @Test
    void rejectsAnUnknownParentSuggestingTheClosestId() {
        List<String> problems = problemsOf("f", List.of(of("math", null), of("number", "mahts")), true);

        assertThat(problems)
                .containsExactly("Framework 'f': competency 'number' has unknown parent 'mahts'."
                        + " Maybe you meant 'math'? Fix its parentId or add a competency with id 'mahts'.");
    }

    @Test
    void rejectsAnUnknownPrerequisiteNamingBothCompetencyAndId() {
        List<String> problems = problemsOf("f", List.of(of("shapes", null), of("area", null, "shape")), true);

        assertThat(problems)
                .containsExactly(
                        "Framework 'f': competency 'area' requires unknown competency"
                                + " 'shape'. Maybe you meant 'shapes'? Fix the prerequisite id or add a competency with id 'shape'.");
    }

    @Test
    void rejectsAnUnknownPrerequisiteWithNothingCloseWithoutASuggestion() {
        List<String> problems = problemsOf("f", List.of(of("shapes", null), of("area", null, "fractions")), true);

        assertThat(problems)
                .containsExactly("Framework 'f': competency 'area' requires unknown competency"
                        + " 'fractions'. Fix the prerequisite id or add a competency with id 'fractions'.");
    }

    @Test
    void rejectsACompetencyThatIsItsOwnPrerequisite() {
        List<String> problems = problemsOf("f", List.of(of("a", null, "a")), true);

        assertThat(problems)
                .containsExactly("Framework 'f': competency 'a' lists itself as a prerequisite, so it"
                        + " could never become ready; remove 'a' from its prerequisiteIds.");
    }

    @Test
    void rejectsACycleInTheParentHierarchyOnce() {
        List<String> problems = problemsOf("f", List.of(of("a", "b"), of("b", "a"), of("c", "a")), true);

        assertThat(problems)
                .containsExactly("Framework 'f': parent cycle a -> b -> a (each competency's parent is"
                        + " the next); set one of these parentIds to a competency outside the cycle, or clear it.");
    }

    @Test
    void rejectsACompetencyThatIsItsOwnParent() {
        List<String> problems = problemsOf("f", List.of(of("a", "a")), true);

        assertThat(problems)
                .containsExactly("Framework 'f': parent cycle a -> a (each competency's parent is"
                        + " the next); set one of these parentIds to a competency outside the cycle, or clear it.");
    }

    @Test
    void rejectsAPrerequisiteCycleNamingItInDependencyOrderOnce() {
        List<String> problems =
                problemsOf("f", List.of(of("a", null, "b"), of("b", null, "c"), of("c", null, "a")), true);

        assertThat(problems)
                .containsExactly(
                        "Framework 'f': prerequisite cycle a -> b -> c -> a (each competency"
                                + " requires the next), so none of them could ever become ready; remove one of these prerequisites.");
    }

    @Test
    void namesAPrerequisiteCycleFromTheCompetencyGivenFirst() {
        List<String> problems =
                problemsOf("f", List.of(of("c", null, "a"), of("a", null, "b"), of("b", null, "c")), true);

        assertThat(problems).singleElement().asString().contains("prerequisite cycle c -> a -> b -> c ");
    }

    @Test
    void reportsEachDistinctCycleThroughASharedCompetency() {
        List<String> problems =
                problemsOf("f", List.of(of("a", null, "b", "c"), of("b", null, "c"), of("c", null, "a")), true);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("prerequisite cycle a -> b -> c -> a ");
        assertThat(problems.get(1)).contains("prerequisite cycle a -> c -> a ");
    }

    @Test
    void rejectsAPrerequisiteCycleThroughAnInheritedPrerequisiteSayingWhereItComesFrom() {
        List<String> problems = problemsOf(
                "f", List.of(of("unit", null, "warm-up"), of("lesson", "unit"), of("warm-up", null, "lesson")), true);

        assertThat(problems)
                .containsExactly("Framework 'f': prerequisite cycle lesson -> warm-up -> lesson (each"
                        + " competency requires the next; 'lesson' inherits 'warm-up' from its ancestor 'unit'), so none of"
                        + " them could ever become ready; remove one of these prerequisites.");
    }

    @Test
    void rejectsACompetencyRequiringItsOwnAncestor() {
        List<String> problems = problemsOf("f", List.of(of("a", null), of("a.1", "a"), of("a.1.1", "a.1", "a")), true);

        assertThat(problems)
                .containsExactly("Framework 'f': competency 'a.1.1' requires its own ancestor 'a', which"
                        + " can never be satisfied: 'a' is mastered through its descendants, including 'a.1.1'; remove 'a'"
                        + " from the prerequisiteIds of 'a.1.1'.");
    }

    @Test
    void rejectsACompetencyRequiringItsOwnDescendantWhenChildrenInherit() {
        List<String> problems =
                problemsOf("f", List.of(of("a", null, "a.1.1"), of("a.1", "a"), of("a.1.1", "a.1")), true);

        assertThat(problems)
                .containsExactly("Framework 'f': competency 'a' requires its own descendant 'a.1.1', a"
                        + " deadlock: 'a' is mastered through its descendants and 'a.1.1' inherits the prerequisites of 'a',"
                        + " so 'a.1.1' would have to be mastered before itself; remove 'a.1.1' from the prerequisiteIds of"
                        + " 'a'.");
    }

    @Test
    void rejectsACompetencyRequiringItsOwnDescendantEvenWithoutInheritance() {
        List<String> problems = problemsOf("f", List.of(of("a", null, "a.1"), of("a.1", "a")), false);

        assertThat(problems)
                .containsExactly("Framework 'f': competency 'a' requires its own descendant 'a.1', a"
                        + " deadlock: 'a' is mastered through its descendants, so it cannot also wait for one of them;"
                        + " remove 'a.1' from the prerequisiteIds of 'a'.");
    }

    @Test
    void collectsEveryProblemIntoOneException() {
        List<Competency> competencies =
                List.of(of("a", null, "b"), of("b", null, "a"), of("a", null), of("c", "missing"), of("d", null, "e"));

        FrameworkException thrown =
                catchThrowableOfType(() -> Framework.of("f", "F", competencies), FrameworkException.class);

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.problems()).hasSize(4);
        assertThat(thrown.getMessage()).startsWith("4 problems:\n - Framework 'f': competency id 'a' is used by 2");
        assertThat(thrown.getMessage())
                .contains(
                        "\n - Framework 'f': competency 'c' has unknown parent 'missing'.",
                        "\n - Framework 'f': competency 'd' requires unknown competency 'e'.",
                        "\n - Framework 'f': prerequisite cycle a -> b -> a ");
    }

    @Test
    void listsTheFirstTwentyCyclesOfATangleAndSaysThereAreMore() {
        List<String> ids = List.of("a", "b", "c", "d", "e", "f");
        List<Competency> everyoneRequiresEveryoneElse = new ArrayList<>();
        for (String id : ids) {
            String[] others = ids.stream().filter(other -> !other.equals(id)).toArray(String[]::new);
            everyoneRequiresEveryoneElse.add(of(id, null, others));
        }

        List<String> problems = problemsOf("f", everyoneRequiresEveryoneElse, true);

        assertThat(problems).hasSize(PrerequisiteCycles.LIMIT + 1);
        assertThat(problems.subList(0, PrerequisiteCycles.LIMIT))
                .allMatch(p -> p.contains("prerequisite cycle a -> "))
                .doesNotHaveDuplicates();
        assertThat(problems.get(PrerequisiteCycles.LIMIT))
                .isEqualTo("Framework 'f': more than 20 prerequisite"
                        + " cycles; only the first 20 are listed. Break these and validate again to see the rest.");
    }

    @Test
    void reportsALongPrerequisiteCycleWithoutOverflowingTheStack() {
        int length = 20_000;
        List<Competency> ring = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            ring.add(of("c" + i, null, "c" + ((i + 1) % length)));
        }

        List<String> problems = problemsOf("f", ring, true);

        assertThat(problems)
                .singleElement()
                .asString()
                .contains("prerequisite cycle c0 -> c1 -> c2 -> ", " -> c19999 -> c0 (each competency requires");
    }

    /** Checks the cycle search against brute force: every elementary cycle of random graphs, each exactly once. */
    @Test
    void reportsExactlyTheElementaryCyclesOfRandomPrerequisiteGraphs() {
        Random random = new Random(20_260_101L);
        List<String> ids = List.of("a", "b", "c", "d", "e", "f");
        int graphsWithCycles = 0;
        for (int graph = 0; graph < 300; graph++) {
            List<Competency> competencies = new ArrayList<>();
            for (String id : ids) {
                String[] requires = ids.stream()
                        .filter(other -> !other.equals(id) && random.nextInt(100) < 22)
                        .toArray(String[]::new);
                competencies.add(of(id, null, requires));
            }
            List<String> expected = elementaryCyclesByBruteForce(competencies);
            if (expected.isEmpty() || expected.size() > PrerequisiteCycles.LIMIT) {
                continue;
            }
            graphsWithCycles++;

            List<String> reported = problemsOf("f", competencies, true).stream()
                    .map(problem -> problem.substring(problem.indexOf("cycle ") + 6, problem.indexOf(" (")))
                    .toList();

            assertThat(reported)
                    .as("cycles of %s", competencies)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(graphsWithCycles)
                .as("random graphs that exercised the search")
                .isGreaterThan(100);
    }

    /** Every path from a start back to it through competencies given after it: each cycle once, from its first. */
    private static List<String> elementaryCyclesByBruteForce(List<Competency> competencies) {
        List<String> ids = competencies.stream().map(Competency::id).toList();
        List<String> cycles = new ArrayList<>();
        for (int start = 0; start < ids.size(); start++) {
            extendPath(competencies, ids, new ArrayList<>(List.of(ids.get(start))), start, cycles);
        }
        return cycles;
    }

    private static void extendPath(
            List<Competency> competencies, List<String> ids, List<String> path, int start, List<String> cycles) {
        String last = path.get(path.size() - 1);
        for (String next : competencies.get(ids.indexOf(last)).prerequisiteIds()) {
            if (next.equals(ids.get(start))) {
                cycles.add(String.join(" -> ", path) + " -> " + next);
            } else if (ids.indexOf(next) > start && !path.contains(next)) {
                path.add(next);
                extendPath(competencies, ids, path, start, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    private static List<String> problemsOf(String frameworkId, List<Competency> competencies, boolean inherit) {
        FrameworkException thrown = catchThrowableOfType(
                () -> Framework.of(frameworkId, "F", competencies, inherit), FrameworkException.class);
        assertThat(thrown)
                .as("Framework.of should have rejected %s", competencies)
                .isNotNull();
        return thrown.problems();
    }
}
