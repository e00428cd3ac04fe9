package dev.pathwise.rules;

import static dev.pathwise.engine.evidence.EvidenceKind.FORMATIVE;
import static dev.pathwise.rules.LearnerScenario.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pathwise.engine.evaluation.CompetencyEvent;
import dev.pathwise.engine.evaluation.MasteryChange;
import dev.pathwise.engine.evaluation.NextStepOption;
import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.OverrideKind;
import org.junit.jupiter.api.Test;

/** Scenarios for teacher overrides of a level: a teacher's level beats the rules until it is cleared. */
class OverrideScenarioTest {

    private static final String REASON = "explained unit rates to the whole class";

    @Test
    void aLevelSetByATeacherBeatsTheRules() {
        // given a grade 4 learner beginning on RP.1 with one 0.5
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.5);
        // when ms-lee sets RP.1 to mastered
        PathUpdate update = learner.override(OverrideKind.SET_LEVEL, "RP.1", null, MasteryLevel.MASTERED, REASON);
        // then RP.1 is mastered, and the explanation keeps both the teacher's reason and what the rules say
        MasteryChange change = change(update, "RP.1");
        assertThat(change.from()).isEqualTo(MasteryLevel.BEGINNING);
        assertThat(change.to()).isEqualTo(MasteryLevel.MASTERED);
        assertThat(change.explanation())
                .isEqualTo(
                        "Mastered: set by ms-lee: " + REASON + " (the rules say beginning: "
                                + "decaying average 0.50 from 1 piece(s) of evidence (rule \"Beginning once there is evidence\"))");
        // and RP.2, which needs RP.1, is unlocked and offered
        assertThat(update.unlocked()).extracting(CompetencyEvent::competencyId).containsExactly("RP.2");
        assertThat(update.nextSteps()).extracting(NextStepOption::competencyId).contains("RP.2");
        assertThat(change(update, "RP").to()).isEqualTo(MasteryLevel.APPROACHING);
    }

    @Test
    void laterEvidenceKeepsTheTeachersLevel() {
        // given a grade 4 learner whose RP.1 a teacher set to mastered over a 0.5
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.5);
        learner.override(OverrideKind.SET_LEVEL, "RP.1", null, MasteryLevel.MASTERED, REASON);
        // when a 0.3 arrives: 0.3·0.65 + 0.5·0.35 = 0.37
        PathUpdate update = learner.send("RP.1", 0.3, FORMATIVE);
        // then the score moves but the teacher's level stands, and nothing is reported as dropped back
        MasteryChange change = change(update, "RP.1");
        assertThat(change.toScore()).isCloseTo(0.3 * 0.65 + 0.5 * 0.35, within(1e-9));
        assertThat(change.to()).isEqualTo(MasteryLevel.MASTERED);
        assertThat(change.why().text()).startsWith("set by ms-lee: " + REASON + " (the rules say beginning: ");
        assertThat(update.droppedBack()).isEmpty();
        assertThat(learner.level("RP.1")).isEqualTo(MasteryLevel.MASTERED);
    }

    @Test
    void clearingTheLevelHandsItBackToTheRules() {
        // given a grade 4 learner whose RP.1 a teacher set to mastered, with 0.5 and 0.3 since
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.5);
        learner.override(OverrideKind.SET_LEVEL, "RP.1", null, MasteryLevel.MASTERED, REASON);
        learner.send("RP.1", 0.3, FORMATIVE);
        // when the teacher clears the level
        PathUpdate update = learner.override(OverrideKind.CLEAR_LEVEL, "RP.1", null, null, "a second look");
        // then the rules decide again: 0.37 is beginning, and RP.2 is no longer offered
        MasteryChange change = change(update, "RP.1");
        assertThat(change.from()).isEqualTo(MasteryLevel.MASTERED);
        assertThat(change.to()).isEqualTo(MasteryLevel.BEGINNING);
        assertThat(change.why().text()).doesNotContain("ms-lee");
        assertThat(learner.level("RP.1")).isEqualTo(MasteryLevel.BEGINNING);
        assertThat(update.nextSteps()).extracting(NextStepOption::competencyId).doesNotContain("RP.2");
        assertThat(update.droppedBack())
                .extracting(CompetencyEvent::competencyId)
                .containsExactly("RP.1");
    }

    @Test
    void clearingALevelTheRulesNeverGaveDoesNotKeepIt() {
        // given a grade 4 learner approaching on RP.1 with 0.75, 0.75, 0.75 (0.75 < 0.80, never mastered by the rules)
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.75, 0.75, 0.75);
        assertThat(learner.level("RP.1")).isEqualTo(MasteryLevel.APPROACHING);
        learner.override(OverrideKind.SET_LEVEL, "RP.1", null, MasteryLevel.MASTERED, REASON);
        // when the teacher clears the level
        PathUpdate update = learner.override(OverrideKind.CLEAR_LEVEL, "RP.1", null, null, "a second look");
        // then the rules' level comes back: approaching. The teacher's mastered must not count as "mastered
        // before" for the rules, or 0.75 would hold at the 0.70 demotion threshold and stay mastered.
        assertThat(change(update, "RP.1").to()).isEqualTo(MasteryLevel.APPROACHING);
        assertThat(learner.level("RP.1")).isEqualTo(MasteryLevel.APPROACHING);
    }

    @Test
    void aTeacherCanSetALevelBelowTheRules() {
        // given a grade 4 learner who mastered RP.1 by the rules
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.9, 0.9, 0.9);
        // when ms-lee sets it back to approaching
        PathUpdate update =
                learner.override(OverrideKind.SET_LEVEL, "RP.1", null, MasteryLevel.APPROACHING, "copied the answers");
        // then RP.1 is approaching, RP.2 is no longer ready, and the rules' view is kept in the explanation
        MasteryChange change = change(update, "RP.1");
        assertThat(change.to()).isEqualTo(MasteryLevel.APPROACHING);
        assertThat(change.why().text()).startsWith("set by ms-lee: copied the answers (the rules say mastered: ");
        assertThat(update.droppedBack())
                .extracting(CompetencyEvent::competencyId)
                .containsExactly("RP.1");
        assertThat(update.nextSteps()).extracting(NextStepOption::competencyId).doesNotContain("RP.2");
    }
}
