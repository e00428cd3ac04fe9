package dev.pathwise.rules;

import static dev.pathwise.engine.evidence.EvidenceKind.FORMATIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.facts.Flag;
import dev.pathwise.engine.facts.FlagKind;
import dev.pathwise.engine.facts.Support;
import dev.pathwise.engine.learner.Goal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenarios for pacing.drl: behind the weekly floor, behind on a goal, struggling and stalled, each flag with the
 * support it suggests. Pacing counts weeks from the plan start (midnight UTC, 2026-09-07).
 */
class PacingRulesTest {

    private static final String BEHIND_FLOOR =
            "Behind pace when mastered competencies fall under the grade band's weekly floor";
    private static final String BEHIND_GOAL =
            "Behind pace on a goal when progress trails the time toward its target date";
    private static final String STRUGGLING = "Struggling after consecutive results below approaching on one competency";
    private static final String STALLED =
            "Stalled when a competency stays unmastered after the grade band's evidence limit";

    /** Ten weeks after the plan start. */
    private static final LocalDate TEN_WEEKS_IN = LocalDate.parse("2026-11-16");

    // ---- the weekly floor ---------------------------------------------------------------------------------

    @Test
    void behindPaceWhenMasteredCompetenciesFallUnderTheWeeklyFloor() {
        // given a grade 4 learner (floor 0.5 a week, 2 grace weeks) who mastered only G.1
        LearnerScenario learner = LearnerScenario.gradeLearner(4).mastered("G.1");
        // when they ask for next steps 10 weeks into the plan
        PathUpdate update = learner.weeksIntoPlan(10).nextSteps();
        // then they are 0.5·10 − 1 = 4 competencies behind, and a small group is suggested
        assertThat(learnerFlags(update, FlagKind.BEHIND_PACE)).singleElement().satisfies(flag -> {
            assertThat(flag.amount()).isEqualTo(4.0);
            assertThat(flag.support()).isEqualTo(Support.SMALL_GROUP);
            assertThat(flag.competencyId()).isNull();
            assertThat(flag.why().rule()).isEqualTo(BEHIND_FLOOR);
            assertThat(flag.why().text())
                    .isEqualTo("1 competencies mastered in 10.0 weeks, below the floor of 0.50 a "
                            + "week for grade band 3-5 (5.0 expected, 4.0 behind)");
        });
    }

    /**
     * Regression: how far behind a learner is (2.154145171957672 competencies here) reads rounded in the flag's
     * explanation; the flag's amount keeps the exact value the rule computed, for sorting and for programs.
     */
    @Test
    void behindPaceOnAFractionOfAWeekExplainsItRounded() {
        // given a grade 4 learner (floor 0.5 a week) who mastered nothing
        LearnerScenario learner = LearnerScenario.gradeLearner(4);
        // when they ask for next steps 2,605,654 s (30 days 3:47:34, 4.308290343915344 weeks) into the plan
        PathUpdate update = learner.weeksIntoPlan(2_605_654 / (7.0 * 24 * 3600)).nextSteps();
        // then they are 0.5 · 4.308290343915344 = 2.154145171957672 behind, and read it rounded
        assertThat(learnerFlags(update, FlagKind.BEHIND_PACE)).singleElement().satisfies(flag -> {
            assertThat(flag.amount()).isEqualTo(2.154145171957672);
            assertThat(flag.why().text())
                    .isEqualTo("0 competencies mastered in 4.3 weeks, below the floor of 0.50 a "
                            + "week for grade band 3-5 (2.2 expected, 2.2 behind)");
        });
    }

    @Test
    void noPaceFlagInsideTheGraceWeeksEvenUnderTheFloor() {
        // given a grade 10 learner (floor 0.75 a week, 2 grace weeks) who mastered only G.1
        LearnerScenario learner = LearnerScenario.gradeLearner(10).mastered("G.1");
        // when they ask 1.9 weeks into the plan: 0.75·1.9 = 1.425 expected, but the grace weeks are not over
        PathUpdate inGrace = learner.weeksIntoPlan(1.9).nextSteps();
        // then there is no pace flag
        assertThat(learnerFlags(inGrace, FlagKind.BEHIND_PACE)).isEmpty();
        // when the same learner asks once the 2 grace weeks are over
        PathUpdate afterGrace = learner.weeksIntoPlan(2).nextSteps();
        // then they are 0.75·2 − 1 = 0.5 behind
        assertThat(learnerFlags(afterGrace, FlagKind.BEHIND_PACE))
                .singleElement()
                .satisfies(flag -> assertThat(flag.amount()).isCloseTo(0.5, within(1e-9)));
    }

    @Test
    void noPaceFlagExactlyAtTheFloor() {
        // given a grade 4 learner who mastered five leaves: G.1, RP.1, RP.2, RP.3 and EE.1
        LearnerScenario learner = LearnerScenario.gradeLearner(4).mastered("G.1", "RP.1", "RP.2", "RP.3", "EE.1");
        // when they ask 10 weeks into the plan: exactly the floor, 0.5·10 = 5
        PathUpdate update = learner.weeksIntoPlan(10).nextSteps();
        // then they are not behind
        assertThat(learnerFlags(update, FlagKind.BEHIND_PACE)).isEmpty();
        assertThat(update.trace()).extracting(f -> f.rule()).doesNotContain(BEHIND_FLOOR);
    }

    @Test
    void oneCompetencyUnderTheFloorIsOneBehind() {
        // given a grade 4 learner who mastered four leaves
        LearnerScenario learner = LearnerScenario.gradeLearner(4).mastered("G.1", "RP.1", "RP.2", "RP.3");
        // when they ask 10 weeks into the plan (the parent RP rolled up too, but only leaves count)
        PathUpdate update = learner.weeksIntoPlan(10).nextSteps();
        // then they are 0.5·10 − 4 = 1 behind
        assertThat(learnerFlags(update, FlagKind.BEHIND_PACE))
                .singleElement()
                .satisfies(flag -> assertThat(flag.amount()).isEqualTo(1.0));
    }

    @Test
    void kindergartenToSecondGradeHasALowerFloor() {
        // given a grade 1 learner (floor 0.25 a week) who mastered G.1 and RP.1
        LearnerScenario learner = LearnerScenario.gradeLearner(1).mastered("G.1", "RP.1");
        // when they ask 10 weeks into the plan: 0.25·10 = 2.5 expected
        PathUpdate update = learner.weeksIntoPlan(10).nextSteps();
        // then they are 0.5 behind (a grade 4 learner would be 3 behind)
        assertThat(learnerFlags(update, FlagKind.BEHIND_PACE))
                .singleElement()
                .satisfies(flag -> assertThat(flag.amount()).isEqualTo(0.5));
    }

    // ---- goals --------------------------------------------------------------------------------------------

    @Test
    void behindOnAGoalWhenProgressTrailsTheTimeToItsTargetDate() {
        // given a grade 4 learner whose goal is RP.1-RP.3 by week 10, with only RP.1 mastered
        LearnerScenario learner = LearnerScenario.gradeLearner(4)
                .withGoals(new Goal("g-ratios", "Finish ratios", List.of("RP.1", "RP.2", "RP.3"), TEN_WEEKS_IN))
                .mastered("RP.1");
        // when they ask at week 5: half the time gone, 3·0.5 = 1.5 expected
        PathUpdate update = learner.weeksIntoPlan(5).nextSteps();
        // then the goal is 1.5 − 1 = 0.5 behind, and a teacher conference is suggested
        assertThat(goalFlags(update)).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.BEHIND_PACE);
            assertThat(flag.goalId()).isEqualTo("g-ratios");
            assertThat(flag.amount()).isEqualTo(0.5);
            assertThat(flag.support()).isEqualTo(Support.TEACHER_CONFERENCE);
            assertThat(flag.why().rule()).isEqualTo(BEHIND_GOAL);
            assertThat(flag.why().text())
                    .isEqualTo("goal 'Finish ratios': 1 of 3 competencies mastered with 50% of "
                            + "the time to 2026-11-16 gone (1.5 expected)");
        });
    }

    @Test
    void noGoalFlagWhenTheGoalKeepsPaceWithItsTargetDate() {
        // given the same goal with RP.1 and RP.2 mastered
        LearnerScenario learner = LearnerScenario.gradeLearner(4)
                .withGoals(new Goal("g-ratios", "Finish ratios", List.of("RP.1", "RP.2", "RP.3"), TEN_WEEKS_IN))
                .mastered("RP.1", "RP.2");
        // when they ask at week 5: 2 mastered >= 1.5 expected
        PathUpdate update = learner.weeksIntoPlan(5).nextSteps();
        // then the goal is on pace (the learner is still under the weekly floor, 0.5·5 = 2.5)
        assertThat(goalFlags(update)).isEmpty();
        assertThat(learnerFlags(update, FlagKind.BEHIND_PACE))
                .singleElement()
                .satisfies(flag -> assertThat(flag.amount()).isEqualTo(0.5));
    }

    @Test
    void aLearnerWithoutAGoalGetsNoGoalFlag() {
        // given a grade 4 learner without goals, and one whose goal has no target date
        LearnerScenario noGoal = LearnerScenario.gradeLearner(4);
        LearnerScenario undated = LearnerScenario.gradeLearner(4)
                .withGoals(new Goal("g-ratios", "Finish ratios", List.of("RP.1", "RP.2", "RP.3"), null));
        // when both ask at week 5 with nothing mastered
        PathUpdate withoutGoal = noGoal.weeksIntoPlan(5).nextSteps();
        PathUpdate withUndatedGoal = undated.weeksIntoPlan(5).nextSteps();
        // then only the weekly floor flags them, 2.5 behind
        for (PathUpdate update : List.of(withoutGoal, withUndatedGoal)) {
            assertThat(goalFlags(update)).isEmpty();
            assertThat(update.flags()).singleElement().satisfies(flag -> {
                assertThat(flag.why().rule()).isEqualTo(BEHIND_FLOOR);
                assertThat(flag.amount()).isEqualTo(2.5);
            });
        }
    }

    // ---- struggling ---------------------------------------------------------------------------------------

    @Test
    void strugglingAfterThreeResultsInARowBelowApproaching() {
        // given a grade 4 learner with two results of 0.59 on RP.1 (just below approaching, 0.60)
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.59, 0.59);
        // when a third 0.59 arrives
        PathUpdate update = learner.send("RP.1", 0.59, FORMATIVE);
        // then RP.1 is flagged as struggling and a mini-lesson is suggested
        assertThat(competencyFlags(update, FlagKind.STRUGGLING)).singleElement().satisfies(flag -> {
            assertThat(flag.competencyId()).isEqualTo("RP.1");
            assertThat(flag.amount()).isEqualTo(3.0);
            assertThat(flag.support()).isEqualTo(Support.MINI_LESSON);
            assertThat(flag.why().rule()).isEqualTo(STRUGGLING);
            assertThat(flag.why().text())
                    .isEqualTo("3 results in a row below approaching on RP.1 (the grade band allows 2)");
        });
    }

    @Test
    void twoResultsBelowApproachingAreNotStruggling() {
        // given a grade 4 learner with one low result on RP.1
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.3);
        // when a second low result arrives
        PathUpdate update = learner.send("RP.1", 0.3, FORMATIVE);
        // then there is no flag yet
        assertThat(update.flags()).isEmpty();
    }

    @Test
    void aResultAtApproachingResetsTheStreak() {
        // given a grade 4 learner with 0.5, 0.5, then exactly 0.60 (approaching, not below it), then 0.5
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.5, 0.5, 0.6, 0.5);
        // when another 0.5 arrives: four low results of five, but only two in a row
        PathUpdate twoInARow = learner.send("RP.1", 0.5, FORMATIVE);
        // then there is no struggling flag
        assertThat(competencyFlags(twoInARow, FlagKind.STRUGGLING)).isEmpty();
        // when a third in a row arrives
        PathUpdate threeInARow = learner.send("RP.1", 0.5, FORMATIVE);
        // then it is struggling, counted from the reset
        assertThat(competencyFlags(threeInARow, FlagKind.STRUGGLING))
                .singleElement()
                .satisfies(flag -> assertThat(flag.amount()).isEqualTo(3.0));
    }

    // ---- stalled ------------------------------------------------------------------------------------------

    @Test
    void stalledAfterEightPiecesOfEvidenceWithoutMastery() {
        // given a grade 4 learner with seven results of 0.7 on RP.1 (approaching, never mastered)
        LearnerScenario learner =
                LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7);
        PathUpdate seventh = learner.send("RP.1", 0.7, FORMATIVE);
        assertThat(competencyFlags(seventh, FlagKind.STALLED)).isEmpty();
        // when the eighth arrives
        PathUpdate eighth = learner.send("RP.1", 0.7, FORMATIVE);
        // then RP.1 is stalled and a teacher conference is suggested
        assertThat(competencyFlags(eighth, FlagKind.STALLED)).singleElement().satisfies(flag -> {
            assertThat(flag.competencyId()).isEqualTo("RP.1");
            assertThat(flag.amount()).isEqualTo(8.0);
            assertThat(flag.support()).isEqualTo(Support.TEACHER_CONFERENCE);
            assertThat(flag.why().rule()).isEqualTo(STALLED);
            assertThat(flag.why().text())
                    .isEqualTo("8 pieces of evidence on RP.1 without mastery (limit 8 for grade band 3-5)");
        });
    }

    @Test
    void aMasteredCompetencyIsNeverStalled() {
        // given a grade 4 learner with seven results of 0.7 on RP.1
        LearnerScenario learner =
                LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7);
        // when an eighth of 1.0 arrives: 1.0·0.65 + 0.7·0.35 = 0.895, mastered
        PathUpdate update = learner.send("RP.1", 1.0, FORMATIVE);
        // then there is no stalled flag
        assertThat(learner.level("RP.1").isMastered()).isTrue();
        assertThat(competencyFlags(update, FlagKind.STALLED)).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** Flags about the learner as a whole (no competency, no goal). */
    private static List<Flag> learnerFlags(PathUpdate update, FlagKind kind) {
        return update.flags().stream()
                .filter(f -> f.kind() == kind && f.competencyId() == null && f.goalId() == null)
                .toList();
    }

    private static List<Flag> goalFlags(PathUpdate update) {
        return update.flags().stream().filter(f -> f.goalId() != null).toList();
    }

    private static List<Flag> competencyFlags(PathUpdate update, FlagKind kind) {
        return update.flags().stream()
                .filter(f -> f.kind() == kind && f.competencyId() != null)
                .toList();
    }
}
