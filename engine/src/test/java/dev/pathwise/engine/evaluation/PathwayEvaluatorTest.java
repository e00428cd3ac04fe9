package dev.pathwise.engine.evaluation;

import static dev.pathwise.engine.testing.SampleCurriculum.CURRICULUM;
import static dev.pathwise.engine.testing.SampleCurriculum.START;
import static dev.pathwise.engine.testing.SampleCurriculum.freshLearner;
import static dev.pathwise.engine.testing.SampleCurriculum.onActivity;
import static dev.pathwise.engine.testing.SampleCurriculum.onCompetency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.MasteryState;
import dev.pathwise.engine.learner.Observation;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.ParameterFile;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.policy.PolicySource;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PathwayEvaluatorTest {

    private static CompiledPolicy policy;
    private final PathwayEvaluator evaluator = new PathwayEvaluator();

    @BeforeAll
    static void compile() {
        policy = new PolicyRuntime().compile(MinimalPolicy.source("1"));
    }

    @Test
    void evidenceForAnotherLearnerIsRefused() {
        // given
        LearnerSnapshot ada = freshLearner("ada");

        // when / then
        assertThatThrownBy(() ->
                        evaluator.evaluate(policy, CURRICULUM, ada, onCompetency("e1", "bo", "count", 0.9, 0), START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e1")
                .hasMessageContaining("'bo'")
                .hasMessageContaining("'ada'");
    }

    @Test
    void unknownCompetencyIsRefusedNamingItWithASuggestion() {
        // when / then
        assertThatThrownBy(() -> evaluator.evaluate(
                        policy, CURRICULUM, freshLearner("ada"), onCompetency("e1", "ada", "cont", 0.9, 0), START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cont'")
                .hasMessageContaining("Maybe you meant 'count'?");
    }

    @Test
    void unknownActivityIsRefusedNamingIt() {
        // when / then
        assertThatThrownBy(() -> evaluator.evaluate(
                        policy, CURRICULUM, freshLearner("ada"), onActivity("e1", "ada", "count-vidoe", 0.9, 0), START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown activity 'count-vidoe'");
    }

    @Test
    void evidenceOnAParentCompetencyIsRefused() {
        // when / then
        assertThatThrownBy(() -> evaluator.evaluate(
                        policy, CURRICULUM, freshLearner("ada"), onCompetency("e1", "ada", "math", 0.9, 0), START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'math' is a parent competency")
                .hasMessageContaining("[count, add]");
    }

    @Test
    void evidenceThroughAnActivityAlignedOnlyToAParentIsRefused() {
        // when / then
        assertThatThrownBy(() -> evaluator.evaluate(
                        policy,
                        CURRICULUM,
                        freshLearner("ada"),
                        onActivity("e1", "ada", "math-overview", 0.9, 0),
                        START))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'math-overview' is aligned only to parent competencies [math]");
    }

    @Test
    void evidenceThroughAnActivityAlignedToTwoLeavesUpdatesBoth() {
        // given
        LearnerSnapshot ada = freshLearner("ada");

        // when
        Evaluation evaluation =
                evaluator.evaluate(policy, CURRICULUM, ada, onActivity("e1", "ada", "count-and-shapes", 0.9, 0), START);

        // then
        assertThat(evaluation.update().masteryChanges())
                .extracting(MasteryChange::competencyId)
                .containsExactly("count", "shapes", "math");
        assertThat(evaluation.learner().level("count")).isEqualTo(MasteryLevel.MASTERED);
        assertThat(evaluation.learner().level("shapes")).isEqualTo(MasteryLevel.MASTERED);
        assertThat(evaluation.learner().record("count").observations())
                .extracting(Observation::evidenceId)
                .containsExactly("e1");
        assertThat(evaluation.learner().record("shapes").observations())
                .extracting(Observation::evidenceId)
                .containsExactly("e1");
        assertThat(evaluation.learner().level("math"))
                .as("'add' is not mastered yet")
                .isEqualTo(MasteryLevel.BEGINNING);
        assertThat(evaluation.update().unlocked())
                .extracting(CompetencyEvent::competencyId)
                .containsExactly("add");
        assertThat(ada.level("count")).as("the snapshot given is not changed").isEqualTo(MasteryLevel.NO_EVIDENCE);
    }

    @Test
    void scoreIsNormalizedFromItsOwnScale() {
        // given: 3 on a 1..4 rubric is 2/3
        Evidence rubric = new Evidence(
                "e1",
                "ada",
                "count",
                null,
                new dev.pathwise.engine.evidence.Score(3, 1, 4),
                EvidenceKind.SUMMATIVE,
                "teacher",
                START);

        // when
        Evaluation evaluation = evaluator.evaluate(policy, CURRICULUM, freshLearner("ada"), rubric, START);

        // then
        MasteryState count = evaluation.learner().state("count");
        assertThat(count.score()).isEqualTo(0.666666667);
        assertThat(count.level()).isEqualTo(MasteryLevel.BEGINNING);
        assertThat(count.method()).isEqualTo("latest");
        assertThat(count.lastEvidenceAt()).isEqualTo(START);
    }

    @Test
    void whatTheMethodSaysAboutItsValueIsPartOfTheExplanation() {
        // given: the power law on a 1-4 rubric; rubric scores 1, 3, 4 trend above the top of the scale
        CompiledPolicy powerLaw = new PolicyRuntime()
                .compile(PolicySource.district(
                        MinimalPolicy.POLICY_ID,
                        "power-law",
                        List.of(MinimalPolicy.MASTERY, MinimalPolicy.PATH),
                        new ParameterFile(
                                "parameters.yaml",
                                MinimalPolicy.parametersYaml()
                                        .replace("method: latest", "method: power_law")
                                        .replace(
                                                "methodParameters: {}",
                                                "methodParameters: { scale_min: 1, scale_max: 4 }"))));
        LearnerSnapshot learner = freshLearner("ada");
        Evaluation evaluation = null;

        // when
        double[] points = {1, 3, 4};
        for (int i = 0; i < points.length; i++) {
            Evidence rubric = new Evidence(
                    "e" + i,
                    "ada",
                    "count",
                    null,
                    new dev.pathwise.engine.evidence.Score(points[i], 1, 4),
                    EvidenceKind.SUMMATIVE,
                    "teacher",
                    START.plusSeconds(60L * i));
            evaluation = evaluator.evaluate(powerLaw, CURRICULUM, learner, rubric, rubric.observedAt());
            learner = evaluation.learner();
        }

        // then: points 1, 3, 4 fit to 4.386 at the third attempt; 4, the top, is used and the teacher is told
        MasteryChange count = evaluation.update().masteryChanges().get(0);
        assertThat(count.toScore()).isEqualTo(1.0);
        assertThat(count.to()).isEqualTo(MasteryLevel.MASTERED);
        assertThat(count.explanation())
                .isEqualTo("Mastered: power law 1.00 >= threshold 0.80; the power-law trend"
                        + " reaches 4.386 at the latest score, above the top of the 1-4 scale, so 4 is used"
                        + " (rule \"Mastered at the threshold\")");
    }

    @Test
    void nextStepsForAFreshLearnerOfferTheReadyFringe() {
        // when
        PathUpdate update = evaluator.nextSteps(policy, CURRICULUM, freshLearner("ada"), START);

        // then
        assertThat(update.evidenceId()).isNull();
        assertThat(update.masteryChanges()).isEmpty();
        assertThat(update.policyVersion()).isEqualTo("minimal@1");
        assertThat(update.nextSteps())
                .extracting(NextStepOption::activityId)
                .containsExactly("count-and-shapes", "count-mini", "count-video", "shapes-lesson");
        assertThat(update.nextSteps()).extracting(NextStepOption::competencyId).containsOnly("count", "shapes");
        assertThat(update.nextSteps()).extracting(NextStepOption::rank).containsExactly(1, 2, 3, 4);
        assertThat(update.requiredSteps()).isEmpty();
        assertThat(update.optionLimit().rule()).isEqualTo("Learners see up to the grade band's number of options");
    }

    @Test
    void masteringAPrerequisiteUnlocksItsDependentAndOffersIt() {
        // when
        Evaluation evaluation = evaluator.evaluate(
                policy, CURRICULUM, freshLearner("ada"), onCompetency("e1", "ada", "count", 0.85, 0), START);

        // then
        assertThat(evaluation.update().unlocked()).singleElement().satisfies(u -> {
            assertThat(u.competencyId()).isEqualTo("add");
            assertThat(u.why().text()).contains("count");
        });
        assertThat(evaluation.update().nextSteps())
                .extracting(NextStepOption::competencyId)
                .containsOnly("add", "shapes");
    }

    @Test
    void evidenceThatArrivesLateCountsWhereItWasObservedSoLatestIsTheLatestObserved() {
        // given: 0.9 observed at minute 10 arrives first, 0.2 observed at minute 5 arrives second
        Evaluation first = evaluator.evaluate(
                policy,
                CURRICULUM,
                freshLearner("ada"),
                onCompetency("e1", "ada", "count", 0.9, 10),
                START.plusSeconds(600));

        // when
        Evaluation late = evaluator.evaluate(
                policy,
                CURRICULUM,
                first.learner(),
                onCompetency("e2", "ada", "count", 0.2, 5),
                START.plusSeconds(660));

        // then: the latest observed score is still 0.9; the record is in the order observed
        MasteryState count = late.learner().state("count");
        assertThat(count.score()).isEqualTo(0.9);
        assertThat(count.level()).isEqualTo(MasteryLevel.MASTERED);
        assertThat(count.lastEvidenceAt()).isEqualTo(START.plusSeconds(600));
        assertThat(late.learner().record("count").observations())
                .extracting(Observation::evidenceId)
                .containsExactly("e2", "e1");
        assertThat(evaluator
                        .replay(
                                policy,
                                CURRICULUM,
                                late.learner().profile(),
                                List.of(
                                        onCompetency("e1", "ada", "count", 0.9, 10),
                                        onCompetency("e2", "ada", "count", 0.2, 5)),
                                List.of())
                        .state("count"))
                .isEqualTo(count);
    }

    @Test
    void replayIsDeterministicAndMatchesEvaluatingOneByOne() {
        // given
        List<Evidence> evidence = List.of(
                onCompetency("e1", "ada", "count", 0.5, 0),
                onActivity("e2", "ada", "count-and-shapes", 0.9, 5),
                onCompetency("e3", "ada", "add", 0.2, 10),
                onCompetency("e4", "ada", "add", 0.95, 15));

        // when
        LearnerSnapshot first =
                evaluator.replay(policy, CURRICULUM, freshLearner("ada").profile(), evidence, List.of());
        LearnerSnapshot second =
                evaluator.replay(policy, CURRICULUM, freshLearner("ada").profile(), evidence, List.of());

        // then
        assertThat(second).isEqualTo(first);
        LearnerSnapshot stepByStep = freshLearner("ada");
        List<PathUpdate> updates = new ArrayList<>();
        for (Evidence item : evidence) {
            Evaluation evaluation = evaluator.evaluate(policy, CURRICULUM, stepByStep, item, item.observedAt());
            updates.add(evaluation.update());
            stepByStep = evaluation.learner();
        }
        assertThat(first).isEqualTo(stepByStep);
        assertThat(first.level("math")).isEqualTo(MasteryLevel.MASTERED);
        assertThat(first.state("add").evidenceCount()).isEqualTo(2);
        assertThat(updates.get(3).masteryChanges())
                .extracting(MasteryChange::competencyId, MasteryChange::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("add", MasteryLevel.MASTERED),
                        org.assertj.core.groups.Tuple.tuple("math", MasteryLevel.MASTERED));
    }

    @Test
    void struggleFlagCountsOnlyTheLatestResultsInARow() {
        // given: low, high, low, low on 'count' (struggleAfter 3, approaching 0.40)
        LearnerSnapshot learner = freshLearner("ada");
        double[] scores = {0.1, 0.5, 0.1, 0.1};
        PathUpdate last = null;
        for (int i = 0; i < scores.length; i++) {
            Evaluation evaluation = evaluator.evaluate(
                    policy,
                    CURRICULUM,
                    learner,
                    onCompetency("e" + i, "ada", "count", scores[i], i),
                    START.plusSeconds(60L * i));
            learner = evaluation.learner();
            last = evaluation.update();
        }
        assertThat(last.flags()).as("only two low results in a row").isEmpty();

        // when: a third low result in a row
        PathUpdate third = evaluator
                .evaluate(
                        policy,
                        CURRICULUM,
                        learner,
                        onCompetency("e9", "ada", "count", 0.39, 9),
                        START.plusSeconds(600))
                .update();

        // then
        assertThat(third.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.competencyId()).isEqualTo("count");
            assertThat(flag.amount()).isEqualTo(3.0);
        });
    }

    /**
     * Regression: a parent re-derived at the level and score it had was reported as a mastery change
     * ("approaching -> approaching"), by evidence that counts last and by late evidence alike.
     */
    @Test
    void aParentAtTheSameLevelAndScoreIsNotReportedAsAMasteryChange() {
        // given: 'count' at 0.5, so 'math' is beginning at 0.5
        Evidence e1 = onCompetency("e1", "ada", "count", 0.5, 0);
        Evaluation first = evaluator.evaluate(policy, CURRICULUM, freshLearner("ada"), e1, START);

        // when: 'count' gets 0.5 again
        Evidence e2 = onCompetency("e2", "ada", "count", 0.5, 2);
        Evaluation same = evaluator.evaluate(policy, CURRICULUM, first.learner(), e2, e2.observedAt());

        // then: the evidence's own competency is reported; 'math', at its level and score, is stored but not reported
        assertThat(same.update().masteryChanges())
                .extracting(PathwayEvaluatorTest::summary)
                .containsExactly("count beginning -> beginning, 0.50 -> 0.50, latest");
        assertThat(same.learner().state("math"))
                .isEqualTo(new MasteryState(
                        "math", MasteryLevel.BEGINNING, 0.5, 2, "rollup (0 of 2 children mastered)", e2.observedAt()));

        // when: a third 0.5 arrives late, observed between the two
        Evidence e3 = onCompetency("e3", "ada", "count", 0.5, 1);
        Evaluation late = evaluator.evaluate(
                policy, CURRICULUM, same.learner(), e3, START.plusSeconds(180), () -> List.of(e1, e2));

        // then: the rebuild reports 'count' only
        assertThat(late.update().late()).isNotNull();
        assertThat(late.update().masteryChanges())
                .extracting(PathwayEvaluatorTest::summary)
                .containsExactly("count beginning -> beginning, 0.50 -> 0.50, latest");
        assertThat(late.learner().state("math").evidenceCount()).isEqualTo(3);

        // when: 'count' gets 0.6, moving the score of 'math' but not its level
        Evaluation moved = evaluator.evaluate(
                policy, CURRICULUM, late.learner(), onCompetency("e4", "ada", "count", 0.6, 3), START.plusSeconds(240));

        // then: 'math' is reported, its score having moved
        assertThat(moved.update().masteryChanges())
                .extracting(PathwayEvaluatorTest::summary)
                .containsExactly(
                        "count beginning -> beginning, 0.50 -> 0.60, latest",
                        "math beginning -> beginning, 0.50 -> 0.60, rollup (0 of 2 children mastered)");
    }

    /** Regression: a parent below its rollup rule showed the method "rollup (all of the children mastered)". */
    @Test
    void aParentsMethodSaysHowManyOfItsChildrenItsLevelRestsOn() {
        // given: a fresh learner

        // when: 'count' is mastered, then 'add'
        Evaluation count = evaluator.evaluate(
                policy, CURRICULUM, freshLearner("ada"), onCompetency("e1", "ada", "count", 0.9, 0), START);
        Evaluation add = evaluator.evaluate(
                policy, CURRICULUM, count.learner(), onCompetency("e2", "ada", "add", 0.9, 1), START.plusSeconds(60));

        // then: 'math' says on how many mastered children its level rests, at each step
        assertThat(count.update().masteryChanges())
                .extracting(PathwayEvaluatorTest::summary)
                .containsExactly(
                        "count no evidence -> mastered, 0.00 -> 0.90, latest",
                        "math no evidence -> beginning, 0.00 -> 0.90, rollup (1 of 2 children mastered)");
        assertThat(add.update().masteryChanges())
                .extracting(PathwayEvaluatorTest::summary)
                .containsExactly(
                        "add no evidence -> mastered, 0.00 -> 0.90, latest",
                        "math beginning -> mastered, 0.90 -> 0.90, rollup (2 of 2 children mastered)");
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
    void consecutiveBelowOfNoObservationsIsZero() {
        assertThat(PathFacts.consecutiveBelow(CompetencyRecord.empty("count"), 0.4))
                .isZero();
    }

    @Test
    void consecutiveBelowCountsEveryObservationWhenAllAreBelow() {
        assertThat(PathFacts.consecutiveBelow(record(0.1, 0.2, 0.39), 0.4)).isEqualTo(3);
    }

    @Test
    void consecutiveBelowIsZeroWhenTheLatestReachesTheThreshold() {
        assertThat(PathFacts.consecutiveBelow(record(0.1, 0.1, 0.4), 0.4)).isZero();
    }

    @Test
    void consecutiveBelowStopsAtTheFirstResultAtOrAboveTheThreshold() {
        assertThat(PathFacts.consecutiveBelow(record(0.1, 0.4, 0.2, 0.3), 0.4)).isEqualTo(2);
        assertThat(PathFacts.consecutiveBelow(record(0.0), 0.0)).isZero();
    }

    private static CompetencyRecord record(double... scores) {
        CompetencyRecord record = CompetencyRecord.empty("count");
        for (int i = 0; i < scores.length; i++) {
            record = record.with(
                    new Observation("e" + i, scores[i], EvidenceKind.FORMATIVE, Instant.EPOCH.plusSeconds(i)));
        }
        return record;
    }
}
