package dev.pathwise.rules;

import static dev.pathwise.engine.evidence.EvidenceKind.FORMATIVE;
import static dev.pathwise.engine.evidence.EvidenceKind.SUMMATIVE;
import static dev.pathwise.rules.LearnerScenario.change;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pathwise.engine.evaluation.MasteryChange;
import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.learner.MasteryLevel;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Scenarios for mastery.drl: levels from the grade band's method and thresholds, demotion and rollup. */
class MasteryRulesTest {

    @Test
    void firstEvidenceMakesACompetencyBeginning() {
        // given a grade 4 learner with no evidence
        LearnerScenario learner = LearnerScenario.gradeLearner(4);
        // when a first formative 0.5 arrives
        PathUpdate update = learner.send("RP.1", 0.5, FORMATIVE);
        // then RP.1 is beginning, scored 0.5 by the decaying average of one score
        MasteryChange change = change(update, "RP.1");
        assertThat(change.from()).isEqualTo(MasteryLevel.NO_EVIDENCE);
        assertThat(change.to()).isEqualTo(MasteryLevel.BEGINNING);
        assertThat(change.toScore()).isCloseTo(0.5, within(1e-9));
        assertThat(change.method()).isEqualTo("decaying_average");
        assertThat(change.why().rule()).isEqualTo("Beginning once there is evidence");
    }

    @Test
    void masteredWhenTheDecayingAverageReachesTheThresholdWithEnoughEvidence() {
        // given a grade 4 learner with formative 0.7 and 0.8 on RP.1
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.7, 0.8);
        // when a third result of 0.9 arrives
        PathUpdate update = learner.send("RP.1", 0.9, FORMATIVE);
        // then the decaying average 0.9·0.65 + mean(0.7, 0.8)·0.35 = 0.8475 reaches 0.80: mastered
        MasteryChange change = change(update, "RP.1");
        assertThat(change.toScore()).isCloseTo(0.9 * 0.65 + 0.75 * 0.35, within(1e-9));
        assertThat(change.to()).isEqualTo(MasteryLevel.MASTERED);
        assertThat(change.explanation())
                .isEqualTo("Mastered: decaying average 0.85 >= threshold 0.80 for grade "
                        + "band 3-5 (rule \"Mastered when the mastery score reaches the grade-band threshold\")");
    }

    @Test
    void masteredExactlyAtTheThreshold() {
        // given a grade 4 learner with 0.8 and 0.8
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.8, 0.8);
        // when a third 0.8 arrives (0.8·0.65 + 0.8·0.35 is 0.7999999999999999 in binary)
        PathUpdate update = learner.send("RP.1", 0.8, FORMATIVE);
        // then the score is exactly at the 0.80 threshold and counts as mastered
        assertThat(change(update, "RP.1").to()).isEqualTo(MasteryLevel.MASTERED);
    }

    @Test
    void approachingOneBelowTheThreshold() {
        // given a grade 4 learner with 0.79 and 0.79
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.79, 0.79);
        // when a third 0.79 arrives
        PathUpdate update = learner.send("RP.1", 0.79, FORMATIVE);
        // then 0.79 is below 0.80 but above the approaching threshold 0.60
        MasteryChange change = change(update, "RP.1");
        assertThat(change.to()).isEqualTo(MasteryLevel.APPROACHING);
        assertThat(change.why().rule()).isEqualTo("Approaching when the score reaches the approaching threshold");
    }

    @Test
    void notMasteredBeforeTheMinimumEvidenceCount() {
        // given a grade 4 learner with one 0.95
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.95);
        // when a second 0.95 arrives (the band needs 3 pieces of evidence)
        PathUpdate update = learner.send("RP.1", 0.95, FORMATIVE);
        // then it is only approaching, and the shortfall says why
        MasteryChange change = change(update, "RP.1");
        assertThat(change.to()).isEqualTo(MasteryLevel.APPROACHING);
        assertThat(change.shortfalls())
                .extracting(s -> s.text())
                .containsExactly("2 of the 3 pieces of evidence needed");
    }

    @Test
    void fromGradeSixMasteryNeedsASummative() {
        // given a grade 7 learner with three formative 0.9s
        LearnerScenario learner = LearnerScenario.gradeLearner(7).given("RP.1", FORMATIVE, 0.9, 0.9);
        PathUpdate formativeOnly = learner.send("RP.1", 0.9, FORMATIVE);
        // then formative evidence alone does not master it
        assertThat(change(formativeOnly, "RP.1").to()).isEqualTo(MasteryLevel.APPROACHING);
        assertThat(change(formativeOnly, "RP.1").shortfalls())
                .extracting(s -> s.rule())
                .containsExactly("Mastery needs a summative assessment where the grade band requires one");
        // when a summative 0.9 arrives
        PathUpdate withSummative = learner.send("RP.1", 0.9, SUMMATIVE);
        // then it is mastered
        assertThat(change(withSummative, "RP.1").to()).isEqualTo(MasteryLevel.MASTERED);
    }

    @Test
    void belowGradeSixFormativeEvidenceIsEnough() {
        // given a grade 5 learner
        LearnerScenario learner = LearnerScenario.gradeLearner(5).given("RP.1", FORMATIVE, 0.9, 0.9);
        // when a third formative 0.9 arrives
        PathUpdate update = learner.send("RP.1", 0.9, FORMATIVE);
        // then no summative is needed in grade band 3-5
        assertThat(change(update, "RP.1").to()).isEqualTo(MasteryLevel.MASTERED);
    }

    @Test
    void exceedingAtTheExceedingThreshold() {
        // given a grade 4 learner with two 0.96s
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.96, 0.96);
        // when a third 0.96 arrives
        PathUpdate update = learner.send("RP.1", 0.96, FORMATIVE);
        // then 0.96 >= 0.95 is exceeding
        assertThat(change(update, "RP.1").to()).isEqualTo(MasteryLevel.EXCEEDING);
    }

    @Test
    void staysMasteredWhileTheScoreHoldsAtTheDemotionThreshold() {
        // given a grade 4 learner who mastered RP.1 with 0.9, 0.9, 0.9
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.9, 0.9, 0.9);
        // when a 0.6 arrives: 0.6·0.65 + 0.9·0.35 = 0.705, below 0.80 but at or above the 0.70 demotion threshold
        PathUpdate update = learner.send("RP.1", 0.6, FORMATIVE);
        // then it stays mastered
        MasteryChange change = change(update, "RP.1");
        assertThat(change.toScore()).isCloseTo(0.6 * 0.65 + 0.9 * 0.35, within(1e-9));
        assertThat(change.to()).isEqualTo(MasteryLevel.MASTERED);
        assertThat(change.why().rule()).isEqualTo("Stays mastered while the score holds at the demotion threshold");
        assertThat(update.droppedBack()).isEmpty();
    }

    @Test
    void dropsBackWhenAMasteredScoreFallsBelowTheDemotionThreshold() {
        // given a grade 4 learner who mastered RP.1 with 0.9, 0.9, 0.9
        LearnerScenario learner = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.9, 0.9, 0.9);
        // when a 0.5 arrives: 0.5·0.65 + 0.9·0.35 = 0.64, below the 0.70 demotion threshold
        PathUpdate update = learner.send("RP.1", 0.5, FORMATIVE);
        // then it drops back to approaching (0.64 >= 0.60) and is reported as dropped back, with its rule
        MasteryChange change = change(update, "RP.1");
        assertThat(change.to()).isEqualTo(MasteryLevel.APPROACHING);
        assertThat(update.droppedBack()).singleElement().satisfies(event -> {
            assertThat(event.competencyId()).isEqualTo("RP.1");
            assertThat(event.why().rule())
                    .isEqualTo("Drops back when a mastered score falls below the demotion " + "threshold");
            assertThat(event.why().text())
                    .isEqualTo("decaying average 0.64 < demotion threshold 0.70 for grade " + "band 3-5");
        });
    }

    @Test
    void aParentIsMasteredWhenAllItsChildrenAre() {
        // given a grade 4 learner who mastered RP.1 and RP.2
        LearnerScenario learner = LearnerScenario.gradeLearner(4).mastered("RP.1", "RP.2");
        assertThat(learner.level("RP")).isEqualTo(MasteryLevel.APPROACHING);
        // when RP.3 is mastered too
        learner.given("RP.3", FORMATIVE, 0.9, 0.9);
        PathUpdate update = learner.send("RP.3", 0.9, FORMATIVE);
        // then RP rolls up to mastered under the "all" rollup, scored by the mean of its children
        MasteryChange parent = change(update, "RP");
        assertThat(parent.to()).isEqualTo(MasteryLevel.MASTERED);
        assertThat(parent.toScore()).isCloseTo(0.9, within(1e-9));
        assertThat(parent.why().rule())
                .isEqualTo("A parent is mastered when its children meet the grade band's rollup rule");
        // and EE's children, which inherit RP as prerequisite, are unlocked
        assertThat(update.unlocked()).extracting(e -> e.competencyId()).containsExactly("EE.1");
    }

    /**
     * Regression: a parent approaching was shown with the method "rollup (all of the children mastered)", and
     * reported as the change "approaching -> approaching" when neither its level nor its score had moved.
     */
    @Test
    void anApproachingParentSaysWhatItRestsOnAndIsReportedOnlyWhenItMoves() {
        // given a grade 4 learner who mastered RP.1
        LearnerScenario learner = LearnerScenario.gradeLearner(4).mastered("RP.1");
        // when RP.1 gets another summative 0.9
        PathUpdate again = learner.send("RP.1", 0.9, SUMMATIVE);
        // then RP.1 is reported; RP, approaching at 0.90 before and after, is stored but not reported
        assertThat(again.masteryChanges())
                .extracting(MasteryRulesTest::summary)
                .containsExactly("RP.1 mastered -> mastered, 0.90 -> 0.90, decaying_average");
        assertThat(learner.state("RP").level()).isEqualTo(MasteryLevel.APPROACHING);
        assertThat(learner.state("RP").evidenceCount()).isEqualTo(4);
        assertThat(learner.state("RP").method()).isEqualTo("rollup (1 of 3 children mastered)");
        // when RP.2 gets a first 0.5
        PathUpdate moved = learner.send("RP.2", 0.5, FORMATIVE);
        // then RP is reported: still approaching, its score now the mean of 0.90 and 0.50
        assertThat(moved.masteryChanges())
                .extracting(MasteryRulesTest::summary)
                .containsExactly(
                        "RP.2 no evidence -> beginning, 0.00 -> 0.50, decaying_average",
                        "RP approaching -> approaching, 0.90 -> 0.70, rollup (1 of 3 children mastered)");
        assertThat(change(moved, "RP").explanation())
                .isEqualTo("Approaching: 1 of 3 children mastered; the rollup "
                        + "rule needs all of the children mastered (rule \"A parent is approaching while some but not enough "
                        + "children are mastered\")");
    }

    private static String summary(MasteryChange change) {
        return String.format(
                Locale.ROOT,
                "%s %s -> %s, %.2f -> %.2f, %s",
                change.competencyId(),
                change.from().label(),
                change.to().label(),
                change.fromScore(),
                change.toScore(),
                change.method());
    }

    @Test
    void aParentIsBeginningWhenChildrenHaveEvidenceButNoneIsMastered() {
        // given a grade 4 learner with no evidence
        LearnerScenario learner = LearnerScenario.gradeLearner(4);
        // when a first result on RP.1 arrives
        PathUpdate update = learner.send("RP.1", 0.4, FORMATIVE);
        // then RP is beginning
        assertThat(change(update, "RP").to()).isEqualTo(MasteryLevel.BEGINNING);
    }
}
