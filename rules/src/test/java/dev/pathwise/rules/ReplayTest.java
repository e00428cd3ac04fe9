package dev.pathwise.rules;

import static dev.pathwise.engine.evidence.EvidenceKind.FORMATIVE;
import static dev.pathwise.engine.evidence.EvidenceKind.SUMMATIVE;
import static dev.pathwise.rules.LearnerScenario.CURRICULUM;
import static dev.pathwise.rules.LearnerScenario.EVALUATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pathwise.engine.evaluation.CompetencyEvent;
import dev.pathwise.engine.evaluation.Evaluation;
import dev.pathwise.engine.evaluation.MasteryChange;
import dev.pathwise.engine.evaluation.MasteryStep;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.Score;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.OverrideKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Replaying a learner's evidence from a fresh state gives what evaluating it piece by piece gave. */
class ReplayTest {

    @Test
    void replayingTheSameEvidenceGivesTheSameLevels() {
        // given a grade 4 learner evaluated step by step over two weeks
        LearnerScenario learner = LearnerScenario.gradeLearner(4)
                .given("RP.1", FORMATIVE, 0.7, 0.8, 0.9) // 0.9·0.65 + 0.75·0.35 = 0.8475: mastered
                .after(Duration.ofDays(3))
                .given("RP.2", FORMATIVE, 0.9, 0.9)
                .given("RP.2", SUMMATIVE, 0.5) // 0.5·0.65 + 0.9·0.35 = 0.64: approaching
                .after(Duration.ofDays(4))
                .given("G.1", FORMATIVE, 0.4, 0.5, 0.45, 0.3) // four below approaching
                .given("EE.1", FORMATIVE, 0.85); // one piece: approaching, 1 of 3 needed
        learner.override(OverrideKind.SET_LEVEL, "G.1", null, MasteryLevel.APPROACHING, "good work on paper");
        learner.after(Duration.ofDays(1)).given("G.1", FORMATIVE, 0.2);
        LearnerSnapshot stepByStep = learner.snapshot();
        // when the same evidence and override are replayed from a fresh state
        LearnerSnapshot replayed = EVALUATOR.replay(
                learner.policy(), CURRICULUM, learner.profile(), learner.evidenceSent(), learner.overridesMade());
        // then every competency has the same record: level, score, evidence count, method and time
        assertThat(replayed.competencies()).isEqualTo(stepByStep.competencies());
        assertThat(replayed.overrides()).isEqualTo(stepByStep.overrides());
        // and the final levels are the ones computed by hand
        assertThat(replayed.level("RP.1")).isEqualTo(MasteryLevel.MASTERED);
        assertThat(replayed.state("RP.1").score()).isCloseTo(0.8475, within(1e-9));
        assertThat(replayed.level("RP.2")).isEqualTo(MasteryLevel.APPROACHING);
        assertThat(replayed.state("RP.2").score()).isCloseTo(0.64, within(1e-9));
        assertThat(replayed.level("G.1")).isEqualTo(MasteryLevel.APPROACHING); // the teacher's level
        assertThat(replayed.state("G.1").score())
                .isCloseTo(0.2 * 0.65 + (0.4 + 0.5 + 0.45 + 0.3) / 4 * 0.35, within(1e-9));
        assertThat(replayed.level("EE.1")).isEqualTo(MasteryLevel.APPROACHING);
        assertThat(replayed.level("RP")).isEqualTo(MasteryLevel.APPROACHING);
    }

    @Test
    void replayingTwiceGivesTheSameSnapshot() {
        // given a grade 1 learner (mean, two pieces of evidence) with evidence on two competencies
        LearnerScenario learner = LearnerScenario.gradeLearner(1)
                .given("RP.1", FORMATIVE, 0.8, 0.9) // mean 0.85: mastered
                .given("G.1", FORMATIVE, 0.7, 0.6, 0.5); // mean 0.6: approaching
        // when the evidence is replayed twice
        LearnerSnapshot first = EVALUATOR.replay(
                learner.policy(), CURRICULUM, learner.profile(), learner.evidenceSent(), learner.overridesMade());
        LearnerSnapshot second = EVALUATOR.replay(
                learner.policy(), CURRICULUM, learner.profile(), learner.evidenceSent(), learner.overridesMade());
        // then both replays and the step-by-step state agree
        assertThat(second).isEqualTo(first);
        assertThat(first.competencies()).isEqualTo(learner.snapshot().competencies());
        assertThat(first.level("RP.1")).isEqualTo(MasteryLevel.MASTERED);
        assertThat(first.state("RP.1").score()).isCloseTo(0.85, within(1e-9));
        assertThat(first.level("G.1")).isEqualTo(MasteryLevel.APPROACHING);
        assertThat(first.state("G.1").score()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void evaluatingMasteryAloneChangesWhatTheWholeEvaluationChanges() {
        // given a grade 7 learner one summative away from mastering RP.1 (mastering it unlocks RP.2)
        LearnerScenario learner = LearnerScenario.gradeLearner(7).given("RP.1", FORMATIVE, 0.9, 0.85);
        LearnerSnapshot before = learner.snapshot();
        Evidence summative = new Evidence(
                "e-last",
                before.learnerId(),
                "RP.1",
                null,
                Score.fraction(0.95),
                SUMMATIVE,
                "test",
                LearnerScenario.START.plus(Duration.ofDays(2)));
        // when the summative is evaluated whole and for mastery alone
        Evaluation whole = EVALUATOR.evaluate(learner.policy(), CURRICULUM, before, summative, summative.observedAt());
        MasteryStep mastery = EVALUATOR.evaluateMastery(learner.policy(), CURRICULUM, before, summative);
        // then both give the same mastery changes (RP.1 mastered: 0.95·0.65 + 0.875·0.35 = 0.92375, and its
        // parent rolled up) and the same next snapshot
        assertThat(mastery.changes()).isEqualTo(whole.update().masteryChanges());
        assertThat(mastery.learner()).isEqualTo(whole.learner());
        assertThat(mastery.learner().level("RP.1")).isEqualTo(MasteryLevel.MASTERED);
        assertThat(mastery.learner().state("RP.1").score()).isCloseTo(0.92375, within(1e-9));
        assertThat(mastery.changes()).extracting(MasteryChange::competencyId).containsExactly("RP.1", "RP");
        // and only the whole evaluation reports what it unlocked and the next steps
        assertThat(whole.update().unlocked())
                .extracting(CompetencyEvent::competencyId)
                .contains("RP.2");
        assertThat(whole.update().nextSteps()).isNotEmpty();
    }
}
