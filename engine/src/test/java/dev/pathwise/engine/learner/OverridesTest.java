package dev.pathwise.engine.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverridesTest {

    private static final Instant T = Instant.parse("2026-10-01T10:00:00Z");

    private static TeacherOverride setLevel(String id, String competencyId, MasteryLevel level) {
        return new TeacherOverride(
                id, "ada", OverrideKind.SET_LEVEL, competencyId, null, level, "ms-lee", "observed", T);
    }

    private static TeacherOverride step(String id, OverrideKind kind, String activityId) {
        return new TeacherOverride(id, "ada", kind, null, activityId, null, "ms-lee", "plan", T);
    }

    @Test
    void latestLevelOverrideOnACompetencyWins() {
        // when
        Overrides overrides = Overrides.of(List.of(
                setLevel("o1", "count", MasteryLevel.MASTERED),
                setLevel("o2", "add", MasteryLevel.BEGINNING),
                setLevel("o3", "count", MasteryLevel.APPROACHING)));

        // then
        assertThat(overrides.level("count"))
                .get()
                .extracting(TeacherOverride::id)
                .isEqualTo("o3");
        assertThat(overrides.level("add"))
                .get()
                .extracting(TeacherOverride::level)
                .isEqualTo(MasteryLevel.BEGINNING);
        assertThat(overrides.level("shapes")).isEmpty();
    }

    @Test
    void clearHandsTheLevelBackToTheRulesUntilSetAgain() {
        // given
        TeacherOverride clear = new TeacherOverride(
                "o2", "ada", OverrideKind.CLEAR_LEVEL, "count", null, null, "ms-lee", "new evidence", T);

        // when
        Overrides cleared = Overrides.of(List.of(setLevel("o1", "count", MasteryLevel.MASTERED), clear));
        Overrides setAgain = Overrides.of(List.of(
                setLevel("o1", "count", MasteryLevel.MASTERED),
                clear,
                setLevel("o3", "count", MasteryLevel.EXCEEDING)));

        // then
        assertThat(cleared.level("count")).isEmpty();
        assertThat(setAgain.level("count"))
                .get()
                .extracting(TeacherOverride::id)
                .isEqualTo("o3");
    }

    @Test
    void assignThenRemoveLeavesTheStepRemovedAndRemoveThenAssignLeavesItAssigned() {
        // when
        Overrides removed = Overrides.of(
                List.of(step("o1", OverrideKind.ASSIGN_STEP, "a1"), step("o2", OverrideKind.REMOVE_STEP, "a1")));
        Overrides assigned = Overrides.of(
                List.of(step("o1", OverrideKind.REMOVE_STEP, "a1"), step("o2", OverrideKind.ASSIGN_STEP, "a1")));

        // then
        assertThat(removed.assignedSteps()).isEmpty();
        assertThat(removed.isRemoved("a1")).isTrue();
        assertThat(assigned.assignedSteps()).containsOnlyKeys("a1");
        assertThat(assigned.isRemoved("a1")).isFalse();
    }

    @Test
    void assignedStepsKeepTheOrderAssigned() {
        // when
        Overrides overrides = Overrides.of(List.of(
                step("o1", OverrideKind.ASSIGN_STEP, "z"),
                step("o2", OverrideKind.ASSIGN_STEP, "a"),
                step("o3", OverrideKind.ASSIGN_STEP, "m")));

        // then
        assertThat(overrides.assignedSteps()).containsOnlyKeys("z", "a", "m");
        assertThat(overrides.assignedSteps().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void overrideNeedsAReasonAndWhatItsKindActsOn() {
        assertThatThrownBy(() -> new TeacherOverride(
                        "o1", "ada", OverrideKind.SET_LEVEL, "count", null, MasteryLevel.MASTERED, "ms-lee", " ", T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> new TeacherOverride(
                        "o1", "ada", OverrideKind.ASSIGN_STEP, "count", null, null, "ms-lee", "plan", T))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("activityId");
        assertThatThrownBy(() -> new TeacherOverride(
                        "o1", "ada", OverrideKind.SET_LEVEL, "count", null, null, "ms-lee", "plan", T))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("level");
    }
}
