package dev.pathwise.engine.evaluation;

import static dev.pathwise.engine.testing.SampleCurriculum.CURRICULUM;
import static dev.pathwise.engine.testing.SampleCurriculum.START;
import static dev.pathwise.engine.testing.SampleCurriculum.freshLearner;
import static dev.pathwise.engine.testing.SampleCurriculum.onCompetency;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.Observation;
import dev.pathwise.engine.learner.OverrideKind;
import dev.pathwise.engine.learner.TeacherOverride;
import dev.pathwise.engine.mastery.MasteryMethods;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.ParameterFile;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.policy.PolicySource;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evidence counts in the order it was observed, not the order it arrived: for every mastery method, evidence that
 * arrives late (in the middle of the learner's history, before all of it, or at the same instant as other evidence)
 * gives the state that the same evidence arriving in time order gives, which is also what a replay gives; the update
 * says it was late.
 */
class LateEvidenceTest {

    private static final PathwayEvaluator EVALUATOR = new PathwayEvaluator();

    static Stream<String> methods() {
        return MasteryMethods.names().stream();
    }

    /** One runtime, so that the rule files are compiled once and only the parameters differ per method. */
    private static final PolicyRuntime RUNTIME = new PolicyRuntime();

    private static final Map<String, CompiledPolicy> POLICIES = new ConcurrentHashMap<>();

    private static CompiledPolicy policy(String method) {
        return POLICIES.computeIfAbsent(
                method,
                name -> RUNTIME.compile(PolicySource.district(
                        MinimalPolicy.POLICY_ID,
                        "late-" + name,
                        List.of(MinimalPolicy.MASTERY, MinimalPolicy.PATH),
                        new ParameterFile(
                                "parameters.yaml",
                                MinimalPolicy.parametersYaml().replace("method: latest", "method: " + name)))));
    }

    /** The learner after the evidence arrives in {@code arrival} order, each evaluated as the service does. */
    private static Arrived arrive(CompiledPolicy policy, List<Evidence> arrival) {
        LearnerSnapshot learner = freshLearner("ada");
        List<Evidence> counted = new ArrayList<>();
        List<PathUpdate> updates = new ArrayList<>();
        for (Evidence evidence : arrival) {
            List<Evidence> before = List.copyOf(counted);
            Evaluation evaluation = EVALUATOR.evaluate(
                    policy, CURRICULUM, learner, evidence, evidence.observedAt().plusSeconds(5), () -> before);
            learner = evaluation.learner();
            updates.add(evaluation.update());
            counted.add(evidence);
        }
        return new Arrived(learner, updates);
    }

    private record Arrived(LearnerSnapshot learner, List<PathUpdate> updates) {}

    private static List<String> observed(LearnerSnapshot learner, String competencyId) {
        return learner.record(competencyId).observations().stream()
                .map(Observation::evidenceId)
                .toList();
    }

    /** The method's own value for these scores, rounded as the evaluator rounds it before a threshold. */
    private static double expected(String method, double... scores) {
        return MasterySettling.classified(MasteryMethods.create(method, null).apply(scores));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void lateEvidenceInTheMiddleCountsAtItsPlace(String method) {
        // given: evidence observed at minutes 0, 20 and 40, the one of minute 20 arriving last
        CompiledPolicy policy = policy(method);
        Evidence first = onCompetency("e1", "ada", "count", 0.3, 0);
        Evidence middle = onCompetency("e2", "ada", "count", 0.9, 20);
        Evidence last = onCompetency("e3", "ada", "count", 0.6, 40);

        // when
        Arrived late = arrive(policy, List.of(first, last, middle));
        Arrived inOrder = arrive(policy, List.of(first, middle, last));

        // then: the state of time order, and of a replay; the update says it was late
        assertThat(observed(late.learner(), "count")).containsExactly("e1", "e2", "e3");
        assertThat(late.learner()).isEqualTo(inOrder.learner());
        assertThat(late.learner().competencies())
                .isEqualTo(EVALUATOR
                        .replay(policy, CURRICULUM, late.learner().profile(), List.of(first, last, middle), List.of())
                        .competencies());
        assertThat(late.learner().state("count").score()).isEqualTo(expected(method, 0.3, 0.9, 0.6));
        PathUpdate update = late.updates().get(2);
        assertThat(update.late()).isEqualTo(new LateArrival(middle.observedAt(), last.observedAt(), 1, 3));
        assertThat(update.late().text())
                .contains("before 1 piece of evidence already counted")
                .contains("replaying 3 pieces");
        assertThat(update.masteryChanges())
                .extracting(MasteryChange::competencyId)
                .contains("count");
        assertThat(late.updates().get(0).late()).isNull();
        assertThat(late.updates().get(1).late()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void lateEvidenceObservedBeforeEverythingCountsFirst(String method) {
        // given: the oldest evidence arrives after two newer ones
        CompiledPolicy policy = policy(method);
        Evidence oldest = onCompetency("e1", "ada", "count", 0.95, 0);
        Evidence second = onCompetency("e2", "ada", "count", 0.5, 10);
        Evidence third = onCompetency("e3", "ada", "count", 0.7, 30);

        // when
        Arrived late = arrive(policy, List.of(second, third, oldest));

        // then
        assertThat(observed(late.learner(), "count")).containsExactly("e1", "e2", "e3");
        assertThat(late.learner())
                .isEqualTo(arrive(policy, List.of(oldest, second, third)).learner());
        assertThat(late.learner().state("count").score()).isEqualTo(expected(method, 0.95, 0.5, 0.7));
        assertThat(late.learner().state("count").lastEvidenceAt()).isEqualTo(third.observedAt());
        assertThat(late.updates().get(2).late())
                .isEqualTo(new LateArrival(oldest.observedAt(), third.observedAt(), 2, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void evidenceObservedAtTheSameInstantCountsInArrivalOrder(String method) {
        // given: two pieces observed at the same minute, and a third one observed later that arrives first
        CompiledPolicy policy = policy(method);
        Evidence low = onCompetency("e-low", "ada", "count", 0.2, 10);
        Evidence high = onCompetency("e-high", "ada", "count", 0.9, 10);
        Evidence later = onCompetency("e-later", "ada", "count", 0.6, 30);

        // when: the tie arrives in two orders, in time and late
        Arrived lowFirst = arrive(policy, List.of(low, high));
        Arrived highFirst = arrive(policy, List.of(high, low));
        Arrived bothLate = arrive(policy, List.of(later, high, low));

        // then: a tie counts in arrival order, never reordered, and is not late
        assertThat(observed(lowFirst.learner(), "count")).containsExactly("e-low", "e-high");
        assertThat(observed(highFirst.learner(), "count")).containsExactly("e-high", "e-low");
        assertThat(lowFirst.updates()).extracting(PathUpdate::late).containsOnlyNulls();
        assertThat(highFirst.updates()).extracting(PathUpdate::late).containsOnlyNulls();
        assertThat(lowFirst.learner().state("count").score()).isEqualTo(expected(method, 0.2, 0.9));
        assertThat(highFirst.learner().state("count").score()).isEqualTo(expected(method, 0.9, 0.2));
        assertThat(observed(bothLate.learner(), "count")).containsExactly("e-high", "e-low", "e-later");
        assertThat(bothLate.learner().competencies())
                .isEqualTo(EVALUATOR
                        .replay(policy, CURRICULUM, bothLate.learner().profile(), List.of(later, high, low), List.of())
                        .competencies());
        assertThat(bothLate.learner().state("count").score()).isEqualTo(expected(method, 0.9, 0.2, 0.6));
    }

    @Test
    void evidenceObservedBeforeATeachersOverrideCountsBeforeIt() {
        // given: a teacher set 'count' to mastered at minute 30; then evidence observed at minute 10 arrives
        CompiledPolicy policy = policy("latest");
        LearnerSnapshot learner = freshLearner("ada");
        Evidence early = onCompetency("e1", "ada", "count", 0.2, 0);
        learner = EVALUATOR
                .evaluate(policy, CURRICULUM, learner, early, early.observedAt())
                .learner();
        TeacherOverride mastered = new TeacherOverride(
                "o1",
                "ada",
                OverrideKind.SET_LEVEL,
                "count",
                null,
                MasteryLevel.MASTERED,
                "ms-lee",
                "explained it in class",
                START.plusSeconds(30 * 60));
        learner = EVALUATOR
                .applyOverride(policy, CURRICULUM, learner, mastered, mastered.at(), () -> List.of(early))
                .learner();
        Evidence late = onCompetency("e2", "ada", "count", 0.9, 10);

        // when
        LearnerSnapshot before = learner;
        Evaluation evaluation =
                EVALUATOR.evaluate(policy, CURRICULUM, before, late, START.plusSeconds(3600), () -> List.of(early));

        // then: placed before the override, as a replay places it; the teacher's level still holds
        assertThat(evaluation.update().late()).isNotNull();
        assertThat(evaluation.update().late().latestCounted()).isEqualTo(mastered.at());
        assertThat(evaluation.learner().competencies())
                .isEqualTo(EVALUATOR
                        .replay(policy, CURRICULUM, before.profile(), List.of(early, late), List.of(mastered))
                        .competencies());
        assertThat(evaluation.learner().level("count")).isEqualTo(MasteryLevel.MASTERED);
        assertThat(observed(evaluation.learner(), "count")).containsExactly("e1", "e2");
    }

    @Test
    void anOverrideMadeBeforeEvidenceAlreadyCountedRebuildsTheLearner() {
        // given: evidence observed at minute 60 (sent ahead of time), then an override made at minute 30
        CompiledPolicy policy = policy("latest");
        Evidence ahead = onCompetency("e1", "ada", "count", 0.9, 60);
        LearnerSnapshot learner = EVALUATOR
                .evaluate(policy, CURRICULUM, freshLearner("ada"), ahead, ahead.observedAt())
                .learner();
        TeacherOverride cleared = new TeacherOverride(
                "o1",
                "ada",
                OverrideKind.SET_LEVEL,
                "count",
                null,
                MasteryLevel.BEGINNING,
                "ms-lee",
                "guessed",
                START.plusSeconds(30 * 60));

        // when
        Evaluation evaluation =
                EVALUATOR.applyOverride(policy, CURRICULUM, learner, cleared, cleared.at(), () -> List.of(ahead));

        // then: the same state as a replay, which applies the override before the evidence observed after it
        assertThat(evaluation.update().late()).isEqualTo(new LateArrival(cleared.at(), ahead.observedAt(), 1, 1));
        assertThat(evaluation.learner().competencies())
                .isEqualTo(EVALUATOR
                        .replay(policy, CURRICULUM, learner.profile(), List.of(ahead), List.of(cleared))
                        .competencies());
        assertThat(evaluation.learner().level("count")).isEqualTo(MasteryLevel.BEGINNING);
    }
}
