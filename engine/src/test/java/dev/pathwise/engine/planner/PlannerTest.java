package dev.pathwise.engine.planner;

import static dev.pathwise.engine.framework.Competency.of;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.facts.Option;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.Goal;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.MasteryState;
import dev.pathwise.engine.learner.Observation;
import dev.pathwise.engine.learner.OverrideKind;
import dev.pathwise.engine.learner.Overrides;
import dev.pathwise.engine.learner.TeacherOverride;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final Instant T = Instant.parse("2026-10-01T10:00:00Z");

    /**
     * <pre>
     * math                       requires letters
     *   number
     *     counting
     *     place-value            requires counting
     *   geometry                 requires counting
     *     shapes
     *     area                   requires shapes, place-value
     * reading
     *   letters
     * </pre>
     */
    private static final Framework MATH = Framework.of(
            "math-k5",
            "Math K-5",
            List.of(
                    of("math", null, "letters"),
                    of("number", "math"),
                    of("counting", "number"),
                    of("place-value", "number", "counting"),
                    of("geometry", "math", "counting"),
                    of("shapes", "geometry"),
                    of("area", "geometry", "shapes", "place-value"),
                    of("reading", null),
                    of("letters", "reading")));

    /** Two ready leaves (c1 before c2 in framework order) and c3, locked behind c1. */
    private static final Framework FLAT =
            Framework.of("flat", "Flat", List.of(of("c1", null), of("c2", null), of("c3", null, "c1")));

    // ---- ready fringe -------------------------------------------------------------------------------------

    @Test
    void freshLearnerIsReadyOnlyForLeavesWhoseInheritedPrerequisitesAreMet() {
        // when
        List<String> ready = Planner.readyToLearn(MATH, learner(Map.of()));

        // then: counting inherits 'letters' from math; reading and the other parents are not leaves
        assertThat(ready).containsExactly("letters");
    }

    @Test
    void masteringAnInheritedPrerequisiteOpensTheNextLeaves() {
        // when
        List<String> ready = Planner.readyToLearn(MATH, learner(Map.of("letters", MasteryLevel.MASTERED)));

        // then: shapes also inherits counting from geometry
        assertThat(ready).containsExactly("counting");
    }

    @Test
    void masteredLeavesLeaveTheFringeAndExceedingCountsAsMastered() {
        // when
        List<String> ready = Planner.readyToLearn(
                MATH, learner(Map.of("letters", MasteryLevel.EXCEEDING, "counting", MasteryLevel.MASTERED)));

        // then
        assertThat(ready).containsExactly("place-value", "shapes");
    }

    @Test
    void approachingIsNotEnoughForADependent() {
        // when
        List<String> ready = Planner.readyToLearn(
                MATH, learner(Map.of("letters", MasteryLevel.MASTERED, "counting", MasteryLevel.APPROACHING)));

        // then
        assertThat(ready).containsExactly("counting");
        assertThat(Planner.missingPrerequisites(
                        MATH,
                        learner(Map.of("letters", MasteryLevel.MASTERED, "counting", MasteryLevel.APPROACHING)),
                        "area"))
                .containsExactly("shapes", "place-value", "counting");
    }

    // ---- pathway ------------------------------------------------------------------------------------------

    @Test
    void pathwayGivesEveryCompetencyItsStatusWithMissingPrerequisitesForLockedOnes() {
        // given: letters mastered, counting begun
        LearnerSnapshot learner = learner(Map.of("letters", MasteryLevel.MASTERED, "counting", MasteryLevel.BEGINNING));

        // when
        List<PathwayEntry> pathway = Planner.pathway(MATH, learner);

        // then
        assertThat(pathway)
                .containsExactly(
                        new PathwayEntry("math", PathwayStatus.IN_PROGRESS, MasteryLevel.NO_EVIDENCE, List.of()),
                        new PathwayEntry("number", PathwayStatus.IN_PROGRESS, MasteryLevel.NO_EVIDENCE, List.of()),
                        new PathwayEntry("counting", PathwayStatus.IN_PROGRESS, MasteryLevel.BEGINNING, List.of()),
                        new PathwayEntry(
                                "place-value", PathwayStatus.LOCKED, MasteryLevel.NO_EVIDENCE, List.of("counting")),
                        new PathwayEntry(
                                "geometry", PathwayStatus.LOCKED, MasteryLevel.NO_EVIDENCE, List.of("counting")),
                        new PathwayEntry("shapes", PathwayStatus.LOCKED, MasteryLevel.NO_EVIDENCE, List.of("counting")),
                        new PathwayEntry(
                                "area",
                                PathwayStatus.LOCKED,
                                MasteryLevel.NO_EVIDENCE,
                                List.of("shapes", "place-value", "counting")),
                        new PathwayEntry("reading", PathwayStatus.IN_PROGRESS, MasteryLevel.NO_EVIDENCE, List.of()),
                        new PathwayEntry("letters", PathwayStatus.MASTERED, MasteryLevel.MASTERED, List.of()));
    }

    @Test
    void readyCompetencyWithoutEvidenceIsReady() {
        // when
        List<PathwayEntry> pathway = Planner.pathway(FLAT, learner(Map.of()));

        // then
        assertThat(pathway)
                .extracting(PathwayEntry::competencyId, PathwayEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c1", PathwayStatus.READY),
                        org.assertj.core.groups.Tuple.tuple("c2", PathwayStatus.READY),
                        org.assertj.core.groups.Tuple.tuple("c3", PathwayStatus.LOCKED));
    }

    // ---- ranking ------------------------------------------------------------------------------------------

    @Test
    void teacherAssignedRanksAboveGoal() {
        // given: the assigned activity loses on everything else
        Curriculum curriculum = curriculum(
                activity("z-assigned", "c2", Modality.TEXT, Grouping.LARGE_GROUP),
                activity("a-goal", "c1", Modality.VIDEO, Grouping.INDIVIDUAL, "space"));
        LearnerSnapshot learner = learner(
                profile(
                        List.of("space"),
                        List.of(Modality.VIDEO),
                        Grouping.INDIVIDUAL,
                        List.of(new Goal("g1", "Count to 100", List.of("c1"), null))),
                Map.of());

        // when
        List<Option> options = rank(curriculum, learner, assign("z-assigned"));

        // then
        assertThat(options).extracting(Option::getActivityId).containsExactly("z-assigned", "a-goal");
        assertThat(options.get(0).isTeacherAssigned()).isTrue();
        assertThat(options.get(0).getReasons()).first().isEqualTo("assigned by ms-lee: needs practice");
        assertThat(options.get(1).getGoalId()).isEqualTo("g1");
    }

    @Test
    void goalRanksAboveInterestsModalityAndGrouping() {
        // given
        Curriculum curriculum = curriculum(
                activity("z-goal", "c2", Modality.TEXT, Grouping.LARGE_GROUP),
                activity("a-liked", "c1", Modality.VIDEO, Grouping.INDIVIDUAL, "space"));
        LearnerSnapshot learner = learner(
                profile(
                        List.of("space"),
                        List.of(Modality.VIDEO),
                        Grouping.INDIVIDUAL,
                        List.of(new Goal("g1", "", List.of("c2"), null))),
                Map.of());

        // when
        List<Option> options = rank(curriculum, learner, Overrides.of(List.of()));

        // then
        assertThat(options).extracting(Option::getActivityId).containsExactly("z-goal", "a-liked");
        assertThat(options.get(0).getReasons()).contains("on the learner's goal 'g1'");
    }

    @Test
    void moreMatchingInterestsRankAboveModalityAndGrouping() {
        // given
        Curriculum curriculum = curriculum(
                activity("z-two-interests", "c1", Modality.TEXT, Grouping.LARGE_GROUP, "Space", "robots"),
                activity("m-one-interest", "c1", Modality.TEXT, Grouping.LARGE_GROUP, "space"),
                activity("a-modality", "c1", Modality.VIDEO, Grouping.INDIVIDUAL));
        LearnerSnapshot learner = learner(
                profile(List.of("space", "Robots"), List.of(Modality.VIDEO), Grouping.INDIVIDUAL, List.of()), Map.of());

        // when
        List<Option> options = rank(curriculum, learner, Overrides.of(List.of()));

        // then
        assertThat(options)
                .extracting(Option::getActivityId)
                .containsExactly("z-two-interests", "m-one-interest", "a-modality");
        assertThat(options.get(0).getReasons()).contains("matches the learner's interest in Space, robots");
    }

    @Test
    void preferredModalityRanksAboveGroupingInTheLearnersOrderOfPreference() {
        // given
        Curriculum curriculum = curriculum(
                activity("z-first-modality", "c1", Modality.HANDS_ON, Grouping.LARGE_GROUP),
                activity("m-second-modality", "c1", Modality.VIDEO, Grouping.LARGE_GROUP),
                activity("a-grouping", "c1", Modality.TEXT, Grouping.SMALL_GROUP));
        LearnerSnapshot learner = learner(
                profile(List.of(), List.of(Modality.HANDS_ON, Modality.VIDEO), Grouping.SMALL_GROUP, List.of()),
                Map.of());

        // when
        List<Option> options = rank(curriculum, learner, Overrides.of(List.of()));

        // then
        assertThat(options)
                .extracting(Option::getActivityId)
                .containsExactly("z-first-modality", "m-second-modality", "a-grouping");
        assertThat(options.get(0).isMatchesModality()).isTrue();
        assertThat(options.get(2).getReasons()).contains("in the learner's preferred grouping (small group)");
    }

    @Test
    void preferredGroupingRanksAboveWorkInProgress() {
        // given: c1 is in progress, the c2 activity is in the preferred grouping
        Curriculum curriculum = curriculum(
                activity("a-in-progress", "c1", Modality.TEXT, Grouping.LARGE_GROUP),
                activity("z-grouping", "c2", Modality.TEXT, Grouping.SMALL_GROUP));
        LearnerSnapshot learner = learner(
                profile(List.of(), List.of(), Grouping.SMALL_GROUP, List.of()), Map.of("c1", MasteryLevel.BEGINNING));

        // when
        List<Option> options = rank(curriculum, learner, Overrides.of(List.of()));

        // then
        assertThat(options).extracting(Option::getActivityId).containsExactly("z-grouping", "a-in-progress");
        assertThat(options.get(1).isCompetencyInProgress()).isTrue();
    }

    @Test
    void workInProgressRanksAboveFrameworkOrder() {
        // given
        Curriculum curriculum = curriculum(
                activity("a-first", "c1", Modality.TEXT, Grouping.LARGE_GROUP),
                activity("z-in-progress", "c2", Modality.TEXT, Grouping.LARGE_GROUP));
        LearnerSnapshot learner = learner(Map.of("c2", MasteryLevel.APPROACHING));

        // when
        List<Option> options = rank(curriculum, learner, Overrides.of(List.of()));

        // then
        assertThat(options).extracting(Option::getActivityId).containsExactly("z-in-progress", "a-first");
        assertThat(options.get(0).getReasons()).contains("continues c2, already in progress");
    }

    @Test
    void frameworkOrderRanksAboveActivityIdAndIdBreaksTheLastTie() {
        // given
        Curriculum curriculum = curriculum(
                activity("b-c2", "c2", Modality.TEXT, Grouping.LARGE_GROUP),
                activity("z-c1", "c1", Modality.TEXT, Grouping.LARGE_GROUP),
                activity("y-c1", "c1", Modality.TEXT, Grouping.LARGE_GROUP),
                activity("a-c2", "c2", Modality.TEXT, Grouping.LARGE_GROUP));

        // when
        List<Option> options = rank(curriculum, learner(Map.of()), Overrides.of(List.of()));

        // then
        assertThat(options).extracting(Option::getActivityId).containsExactly("y-c1", "z-c1", "a-c2", "b-c2");
        assertThat(options).extracting(Option::getRank).containsExactly(1, 2, 3, 4);
    }

    @Test
    void removedStepsNeverAppear() {
        // given
        Curriculum curriculum = curriculum(
                activity("a1", "c1", Modality.TEXT, Grouping.LARGE_GROUP),
                activity("a2", "c1", Modality.TEXT, Grouping.LARGE_GROUP),
                activity("a3", "c3", Modality.TEXT, Grouping.LARGE_GROUP));
        Overrides overrides = Overrides.of(List.of(
                override("o1", OverrideKind.REMOVE_STEP, "a1", T),
                override("o2", OverrideKind.ASSIGN_STEP, "a3", T.plusSeconds(1)),
                override("o3", OverrideKind.REMOVE_STEP, "a3", T.plusSeconds(2))));

        // when
        List<Option> options = rank(curriculum, learner(Map.of()), overrides);

        // then
        assertThat(options).extracting(Option::getActivityId).containsExactly("a2");
    }

    @Test
    void assignedStepAppearsEvenWhenItsCompetencyIsNotReady() {
        // given: c3 is locked behind c1, and c2 is mastered
        Curriculum curriculum = curriculum(
                activity("a1", "c1", Modality.TEXT, Grouping.LARGE_GROUP),
                activity("locked", "c3", Modality.TEXT, Grouping.LARGE_GROUP),
                activity("done", "c2", Modality.TEXT, Grouping.LARGE_GROUP));
        LearnerSnapshot learner = learner(Map.of("c2", MasteryLevel.MASTERED));
        assertThat(Planner.readyToLearn(FLAT, learner)).containsExactly("c1");

        // when
        List<Option> options = rank(
                curriculum,
                learner,
                Overrides.of(List.of(
                        override("o1", OverrideKind.ASSIGN_STEP, "locked", T),
                        override("o2", OverrideKind.ASSIGN_STEP, "done", T.plusSeconds(1)))));

        // then
        assertThat(options)
                .extracting(Option::getActivityId, Option::getCompetencyId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("done", "c2"),
                        org.assertj.core.groups.Tuple.tuple("locked", "c3"),
                        org.assertj.core.groups.Tuple.tuple("a1", "c1"));
        assertThat(options).extracting(Option::isTeacherAssigned).containsExactly(true, true, false);
    }

    /** Regression: an assigned step on a mastered competency was ranked and explained as work in progress. */
    @Test
    void assignedStepOnAMasteredCompetencyIsNotWorkInProgress() {
        // given: c1 is mastered; the teacher assigns an activity on it anyway, and one on c2 (not ready, later)
        Curriculum curriculum = curriculum(
                activity("review", "c1", Modality.TEXT, Grouping.LARGE_GROUP),
                activity("next", "c2", Modality.TEXT, Grouping.LARGE_GROUP));
        LearnerSnapshot learner = learner(Map.of("c1", MasteryLevel.MASTERED, "c2", MasteryLevel.BEGINNING));

        // when
        List<Option> options =
                rank(curriculum, learner, Overrides.of(List.of(override("o1", OverrideKind.ASSIGN_STEP, "review", T))));

        // then: 'next' continues c2, which is in progress; 'review' does not continue anything
        assertThat(options).extracting(Option::getActivityId).containsExactly("review", "next");
        assertThat(options.get(0).isCompetencyInProgress()).isFalse();
        assertThat(options.get(0).getReasons()).containsExactly("assigned by ms-lee: needs practice");
        assertThat(options.get(1).isCompetencyInProgress()).isTrue();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static List<Option> rank(Curriculum curriculum, LearnerSnapshot learner, Overrides overrides) {
        return Planner.rankOptions(
                curriculum, learner, Planner.readyToLearn(curriculum.framework(), learner), overrides);
    }

    private static Curriculum curriculum(Activity... activities) {
        return Curriculum.of(FLAT, List.of(activities));
    }

    private static Activity activity(
            String id, String competencyId, Modality modality, Grouping grouping, String... tags) {
        return new Activity(
                id, id, List.of(competencyId), ActivityKind.PRACTICE, modality, grouping, false, 15, List.of(tags));
    }

    private static LearnerProfile profile(
            List<String> interests, List<Modality> modalities, Grouping grouping, List<Goal> goals) {
        return new LearnerProfile(
                "ada", 4, "lincoln", interests, List.of(), List.of(), modalities, grouping, goals, null);
    }

    private static LearnerSnapshot learner(Map<String, MasteryLevel> levels) {
        return learner(profile(List.of(), List.of(), null, List.of()), levels);
    }

    /** A learner at the given levels; every competency with a level has three pieces of evidence. */
    private static LearnerSnapshot learner(LearnerProfile profile, Map<String, MasteryLevel> levels) {
        Map<String, CompetencyRecord> records = new HashMap<>();
        levels.forEach((id, level) -> {
            List<Observation> observations = List.of(
                    new Observation(id + "-1", 0.5, EvidenceKind.FORMATIVE, T),
                    new Observation(id + "-2", 0.5, EvidenceKind.FORMATIVE, T),
                    new Observation(id + "-3", 0.9, EvidenceKind.SUMMATIVE, T));
            records.put(id, new CompetencyRecord(new MasteryState(id, level, 0.8, 3, "latest", T), observations));
        });
        return new LearnerSnapshot(profile, records, List.of());
    }

    private static Overrides assign(String activityId) {
        return Overrides.of(List.of(override("o1", OverrideKind.ASSIGN_STEP, activityId, T)));
    }

    private static TeacherOverride override(String id, OverrideKind kind, String activityId, Instant at) {
        return new TeacherOverride(id, "ada", kind, null, activityId, null, "ms-lee", "needs practice", at);
    }
}
