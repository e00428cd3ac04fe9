package dev.pathwise.rules;

import static dev.pathwise.engine.evidence.EvidenceKind.FORMATIVE;
import static dev.pathwise.rules.LearnerScenario.CURRICULUM;
import static dev.pathwise.rules.LearnerScenario.FRAMEWORK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.activity.Modality;
import dev.pathwise.engine.evaluation.NextStepOption;
import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.evaluation.RequiredStep;
import dev.pathwise.engine.learner.Goal;
import dev.pathwise.engine.learner.OverrideKind;
import dev.pathwise.engine.policy.RuleFiring;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenarios for choice.drl: how many next steps each grade band sees, the in-progress limit, the goal option,
 * the preferred modality, remediation and the teacher's assigned and removed steps.
 *
 * <p>A fresh learner is ready for RP.1 and G.1 (the leaves without prerequisites). With no goal, interest or
 * preference, the planner ranks RP.1 before G.1 (framework order) and each competency's activities by id:
 * check, lesson, mini, practice.
 */
class ChoiceRulesTest {

    private static final String TEACHER_DIRECTED =
            "Teacher-directed grade bands get one next step chosen by the policy";
    private static final String UP_TO_N = "Learners choose among up to the grade band's number of options";
    private static final String EVERY_OPTION =
            "Learners choose among every ready option when the grade band sets no " + "limit";
    private static final String IN_PROGRESS_LIMIT = "No new competency while the in-progress limit is reached";
    private static final String MODALITY = "Prefer the learner's preferred modality where the competency offers it";
    private static final String REMEDIATION = "A struggling competency's mini-lesson comes first as remediation";
    private static final String GOAL = "Keep one option on the learner's goal when one exists";

    // ---- how much choice each grade band gets -------------------------------------------------------------

    @Test
    void kindergartenToSecondGradeFollowsOneStepChosenByThePolicy() {
        // given a grade 1 learner
        LearnerScenario learner = LearnerScenario.gradeLearner(1);
        // when they ask for next steps
        PathUpdate update = learner.nextSteps();
        // then they see exactly one, the planner's first, because the band is teacher-directed
        assertThat(activities(update)).containsExactly("RP.1-check");
        assertThat(update.optionLimit().rule()).isEqualTo(TEACHER_DIRECTED);
        assertThat(update.optionLimit().text()).isEqualTo("grade band K-2 is teacher-directed: one next step");
    }

    @Test
    void thirdToFifthGradeChoosesAmongUpToThree() {
        // given a grade 4 learner
        PathUpdate update = LearnerScenario.gradeLearner(4).nextSteps();
        // then they choose among the first three
        assertThat(activities(update)).containsExactly("RP.1-check", "RP.1-lesson", "RP.1-mini");
        assertThat(update.nextSteps()).extracting(NextStepOption::rank).containsExactly(1, 2, 3);
        assertThat(update.optionLimit().rule()).isEqualTo(UP_TO_N);
        assertThat(update.optionLimit().text()).isEqualTo("grade band 3-5 chooses among up to 3 options");
    }

    @Test
    void sixthToEighthGradeChoosesAmongUpToFive() {
        // given a grade 7 learner
        PathUpdate update = LearnerScenario.gradeLearner(7).nextSteps();
        // then they choose among the first five, into G.1's activities
        assertThat(activities(update))
                .containsExactly("RP.1-check", "RP.1-lesson", "RP.1-mini", "RP.1-practice", "G.1-check");
        assertThat(update.optionLimit().text()).isEqualTo("grade band 6-8 chooses among up to 5 options");
    }

    @Test
    void ninthToTwelfthGradeChoosesAmongEveryReadyOption() {
        // given a grade 10 learner; the ready leaves are those without prerequisites, 4 activities each
        List<String> ready = FRAMEWORK.leaves().stream()
                .filter(id -> FRAMEWORK.prerequisites(id).isEmpty())
                .toList();
        int readyActivities = ready.stream()
                .mapToInt(id -> CURRICULUM.activitiesFor(id).size())
                .sum();
        assertThat(ready).containsExactly("RP.1", "G.1");
        assertThat(readyActivities).isEqualTo(8);
        // when they ask for next steps
        PathUpdate update = LearnerScenario.gradeLearner(10).nextSteps();
        // then they see all eight
        assertThat(activities(update))
                .containsExactly(
                        "RP.1-check",
                        "RP.1-lesson",
                        "RP.1-mini",
                        "RP.1-practice",
                        "G.1-check",
                        "G.1-lesson",
                        "G.1-mini",
                        "G.1-practice");
        assertThat(update.optionLimit().rule()).isEqualTo(EVERY_OPTION);
        assertThat(update.optionLimit().text()).isEqualTo("grade band 9-12 chooses among every ready option");
    }

    // ---- the in-progress limit ----------------------------------------------------------------------------

    @Test
    void noNewCompetencyWhileTheInProgressLimitIsReached() {
        // given a grade 7 learner (up to 4 in progress) who mastered RP.1, so RP.2 and G.1 are ready,
        // with evidence on G.1, RP.3, EE.1 and EE.2: four in progress
        LearnerScenario learner = LearnerScenario.gradeLearner(7).mastered("RP.1");
        for (String id : List.of("G.1", "RP.3", "EE.1", "EE.2")) {
            learner.given(id, FORMATIVE, 0.7);
        }
        // when they ask for next steps
        PathUpdate update = learner.nextSteps();
        // then only G.1, already in progress, has options; RP.2 would be a fifth competency in progress
        assertThat(activities(update)).containsExactly("G.1-check", "G.1-lesson", "G.1-mini", "G.1-practice");
        assertThat(update.nextSteps()).extracting(NextStepOption::competencyId).containsOnly("G.1");
        assertThat(firedRules(update)).contains(IN_PROGRESS_LIMIT);
    }

    @Test
    void aNewCompetencyIsOfferedBelowTheInProgressLimit() {
        // given the same grade 7 learner with three in progress (no EE.2)
        LearnerScenario learner = LearnerScenario.gradeLearner(7).mastered("RP.1");
        for (String id : List.of("G.1", "RP.3", "EE.1")) {
            learner.given(id, FORMATIVE, 0.7);
        }
        // when they ask for next steps
        PathUpdate update = learner.nextSteps();
        // then the fifth option is RP.2's first, after G.1's four (work in progress ranks first)
        assertThat(activities(update))
                .containsExactly("G.1-check", "G.1-lesson", "G.1-mini", "G.1-practice", "RP.2-check");
        assertThat(firedRules(update)).doesNotContain(IN_PROGRESS_LIMIT);
    }

    // ---- goals --------------------------------------------------------------------------------------------

    @Test
    void aGoalOptionIsKeptWhenRequiredStepsFillTheVisibleSet() {
        // given a grade 4 learner whose goal is G.1, struggling on RP.1, with two RP.1 steps assigned by a teacher
        LearnerScenario learner = LearnerScenario.gradeLearner(4)
                .withGoals(new Goal("g-area", "Areas of triangles", List.of("G.1"), null))
                .given("RP.1", FORMATIVE, 0.4, 0.4, 0.4);
        learner.override(OverrideKind.ASSIGN_STEP, null, "RP.1-lesson", null, "watch before the group");
        learner.override(OverrideKind.ASSIGN_STEP, null, "RP.1-practice", null, "practise after the lesson");
        // when they ask for next steps: three required steps fill the grade band's three
        PathUpdate update = learner.nextSteps();
        // then one G.1 option is still shown, after the required steps, with the goal rule's reason
        assertThat(activities(update)).containsExactly("RP.1-lesson", "RP.1-practice", "RP.1-mini", "G.1-check");
        NextStepOption goalOption = update.nextSteps().get(3);
        assertThat(goalOption.required()).isFalse();
        assertThat(goalOption.reasons())
                .contains(
                        "on the learner's goal 'Areas of triangles'",
                        "kept for the learner's goal: the learner's goal has a ready option (rule \"" + GOAL + "\")");
    }

    @Test
    void withoutAGoalTheRequiredStepsAreAllThatIsShown() {
        // given the same learner without a goal
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.4, 0.4, 0.4);
        learner.override(OverrideKind.ASSIGN_STEP, null, "RP.1-lesson", null, "watch before the group");
        learner.override(OverrideKind.ASSIGN_STEP, null, "RP.1-practice", null, "practise after the lesson");
        // when they ask for next steps
        PathUpdate update = learner.nextSteps();
        // then only the three required steps are shown, and the goal rule does not fire
        assertThat(activities(update)).containsExactly("RP.1-lesson", "RP.1-practice", "RP.1-mini");
        assertThat(firedRules(update)).doesNotContain(GOAL);
    }

    @Test
    void aGoalCompetencyRanksFirstAmongFreeChoices() {
        // given a grade 4 learner whose goal is G.1 (framework order alone would put RP.1 first)
        LearnerScenario learner = LearnerScenario.gradeLearner(4)
                .withGoals(new Goal("g-area", "Areas of triangles", List.of("G.1"), null));
        // when they ask for next steps
        PathUpdate update = learner.nextSteps();
        // then G.1's options come first
        assertThat(activities(update)).containsExactly("G.1-check", "G.1-lesson", "G.1-mini");
        assertThat(firedRules(update)).contains(GOAL);
    }

    // ---- preferred modality -------------------------------------------------------------------------------

    @Test
    void onlyThePreferredModalityRemainsWhereTheCompetencyOffersIt() {
        // given a grade 10 learner (every option) who learns best by video
        LearnerScenario learner = LearnerScenario.gradeLearner(10).withModalities(Modality.VIDEO);
        // when they ask for next steps
        PathUpdate update = learner.nextSteps();
        // then each ready competency keeps only its video lesson
        assertThat(activities(update)).containsExactly("RP.1-lesson", "G.1-lesson");
        assertThat(update.nextSteps()).allSatisfy(option -> {
            assertThat(option.modality()).isEqualTo(Modality.VIDEO);
            assertThat(option.reasons()).contains("in the learner's preferred modality (video)");
        });
        assertThat(firedRules(update)).contains(MODALITY);
    }

    @Test
    void aPreferredModalityNoActivityOffersExcludesNothing() {
        // given a grade 10 learner who prefers discussion, which no activity offers
        LearnerScenario learner = LearnerScenario.gradeLearner(10).withModalities(Modality.DISCUSSION);
        // when they ask for next steps
        PathUpdate update = learner.nextSteps();
        // then all eight ready options remain
        assertThat(update.nextSteps()).hasSize(8);
        assertThat(firedRules(update)).doesNotContain(MODALITY);
    }

    // ---- remediation --------------------------------------------------------------------------------------

    @Test
    void aStrugglingLearnerGetsTheMiniLessonFirstAsRequiredRemediation() {
        // given a grade 4 learner with three results below approaching on RP.1
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.5, 0.5, 0.5);
        // when they ask for next steps
        PathUpdate update = learner.nextSteps();
        // then RP.1's mini-lesson (third by the planner's rank) comes first, required as remediation
        assertThat(activities(update)).containsExactly("RP.1-mini", "RP.1-check", "RP.1-lesson");
        NextStepOption first = update.nextSteps().get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.required()).isTrue();
        assertThat(first.remediation()).isTrue();
        assertThat(first.reasons().get(0))
                .isEqualTo("remediation: mini-lesson for RP.1, where the learner is " + "struggling (rule \""
                        + REMEDIATION + "\")");
        assertThat(update.requiredSteps()).singleElement().satisfies(step -> {
            assertThat(step.activityId()).isEqualTo("RP.1-mini");
            assertThat(step.reason()).isEqualTo(RequiredStep.Reason.REMEDIATION);
            assertThat(step.why().rule()).isEqualTo(REMEDIATION);
        });
        assertThat(update.nextSteps().get(1).required()).isFalse();
    }

    @Test
    void remediationSurvivesThePreferredModality() {
        // given a grade 4 learner who prefers video and struggles on RP.1 (the mini-lesson is hands-on)
        LearnerScenario learner =
                LearnerScenario.gradeLearner(4).withModalities(Modality.VIDEO).given("RP.1", FORMATIVE, 0.5, 0.5, 0.5);
        // when they ask for next steps
        PathUpdate update = learner.nextSteps();
        // then the hands-on mini-lesson is still first, followed by the video lessons only
        assertThat(activities(update)).containsExactly("RP.1-mini", "RP.1-lesson", "G.1-lesson");
        assertThat(update.requiredSteps()).extracting(RequiredStep::activityId).containsExactly("RP.1-mini");
    }

    // ---- teacher overrides --------------------------------------------------------------------------------

    @Test
    void aStepAssignedByATeacherIsRequiredAndFirst() {
        // given a grade 4 learner
        LearnerScenario learner = LearnerScenario.gradeLearner(4);
        // when a teacher assigns G.1's practice, which the planner ranks last of eight
        PathUpdate update =
                learner.override(OverrideKind.ASSIGN_STEP, null, "G.1-practice", null, "practise area before the quiz");
        // then it is the first step, required, assigned by the teacher
        assertThat(activities(update)).containsExactly("G.1-practice", "RP.1-check", "RP.1-lesson");
        assertThat(update.nextSteps().get(0).required()).isTrue();
        assertThat(update.nextSteps().get(0).remediation()).isFalse();
        assertThat(update.requiredSteps()).singleElement().satisfies(step -> {
            assertThat(step.activityId()).isEqualTo("G.1-practice");
            assertThat(step.competencyId()).isEqualTo("G.1");
            assertThat(step.reason()).isEqualTo(RequiredStep.Reason.TEACHER_ASSIGNED);
            assertThat(step.why().toString()).isEqualTo("assigned by ms-lee: practise area before the quiz");
        });
        // and it stays first on a later query
        assertThat(activities(learner.nextSteps())).first().isEqualTo("G.1-practice");
    }

    @Test
    void aTeacherAssignedStepIsNotCutByTheInProgressLimit() {
        // given the grade 7 learner at the in-progress limit (RP.2 is ready but would be a fifth competency)
        LearnerScenario learner = LearnerScenario.gradeLearner(7).mastered("RP.1");
        for (String id : List.of("G.1", "RP.3", "EE.1", "EE.2")) {
            learner.given(id, FORMATIVE, 0.7);
        }
        // when a teacher assigns RP.2's lesson
        PathUpdate update = learner.override(OverrideKind.ASSIGN_STEP, null, "RP.2-lesson", null, "start unit rates");
        // then it is offered first while RP.2's other activities stay out
        assertThat(activities(update))
                .containsExactly("RP.2-lesson", "G.1-check", "G.1-lesson", "G.1-mini", "G.1-practice");
    }

    @Test
    void aStepRemovedByATeacherIsNeverOffered() {
        // given a grade 10 learner (every option)
        LearnerScenario learner = LearnerScenario.gradeLearner(10);
        // when a teacher removes RP.1's check
        PathUpdate update = learner.override(OverrideKind.REMOVE_STEP, null, "RP.1-check", null, "took it on paper");
        // then the other seven remain
        assertThat(activities(update)).hasSize(7).doesNotContain("RP.1-check");
        // and it stays out after new evidence on RP.1
        PathUpdate later = learner.send("RP.1", 0.7, FORMATIVE);
        assertThat(activities(later)).hasSize(7).doesNotContain("RP.1-check");
    }

    @Test
    void removingAnAssignedStepTakesItOutOfTheRequiredSteps() {
        // given a grade 4 learner with RP.1's check assigned
        LearnerScenario learner = LearnerScenario.gradeLearner(4);
        learner.override(OverrideKind.ASSIGN_STEP, null, "RP.1-check", null, "quiz on Friday");
        // when the teacher removes it
        PathUpdate update = learner.override(OverrideKind.REMOVE_STEP, null, "RP.1-check", null, "quiz cancelled");
        // then nothing is required and the next three are offered
        assertThat(update.requiredSteps()).isEmpty();
        assertThat(activities(update)).containsExactly("RP.1-lesson", "RP.1-mini", "RP.1-practice");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static List<String> activities(PathUpdate update) {
        return update.nextSteps().stream().map(NextStepOption::activityId).toList();
    }

    private static List<String> firedRules(PathUpdate update) {
        return update.trace().stream().map(RuleFiring::rule).toList();
    }
}
