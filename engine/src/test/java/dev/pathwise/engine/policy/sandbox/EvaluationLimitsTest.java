package dev.pathwise.engine.policy.sandbox;

import static dev.pathwise.engine.testing.SampleCurriculum.CURRICULUM;
import static dev.pathwise.engine.testing.SampleCurriculum.START;
import static dev.pathwise.engine.testing.SampleCurriculum.freshLearner;
import static dev.pathwise.engine.testing.SampleCurriculum.onCompetency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.EvaluationLimitException;
import dev.pathwise.engine.policy.EvaluationLimitException.Limit;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.policy.RuleFile;
import dev.pathwise.engine.testing.EndlessRules;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rules that pass the compile-time checks but would run without end are stopped at run time: a join over thousands
 * of facts the rules inserted themselves (CPU), and a value that doubles at each firing (memory). The evaluation
 * fails naming the rule, the session is discarded, and the next evaluation on the same thread is correct.
 */
class EvaluationLimitsTest {

    private static final EvaluationLimits LIMITS =
            new EvaluationLimits(Duration.ofMillis(200), 64L << 20, Duration.ofMillis(50));

    @Test
    void ruleThatJoinsWithoutEndIsStoppedAndTheThreadIsReused() {
        // a join this size both burns CPU and builds tuples: whichever limit it passes first stops it
        assertStoppedThenNextEvaluationIsCorrect(
                EndlessRules.JOIN_WITHOUT_END, Set.of(Limit.CPU, Limit.MEMORY), "Joins every four facts");
    }

    @Test
    void ruleThatAllocatesWithoutEndIsStoppedAndTheThreadIsReused() {
        assertStoppedThenNextEvaluationIsCorrect(
                EndlessRules.GROWTH_WITHOUT_END, Set.of(Limit.MEMORY), "Doubles the string");
    }

    private static void assertStoppedThenNextEvaluationIsCorrect(RuleFile hostile, Set<Limit> limits, String rule) {
        // given
        PolicyRuntime runtime = new PolicyRuntime(2, 1, LIMITS);
        CompiledPolicy endless = runtime.compile(
                MinimalPolicy.source("endless", 0.8, List.of(MinimalPolicy.MASTERY, MinimalPolicy.PATH, hostile)));
        CompiledPolicy plain = runtime.compile(MinimalPolicy.source("plain"));
        PathwayEvaluator evaluator = new PathwayEvaluator();

        // when
        EvaluationLimitException stopped = catchThrowableOfType(
                EvaluationLimitException.class,
                () -> evaluator.evaluate(
                        endless, CURRICULUM, freshLearner("ada"), onCompetency("e1", "ada", "count", 0.9, 0), START));

        // then: stopped, naming the limit and the rule
        assertThat(stopped).isNotNull();
        assertThat(stopped.limit()).isIn(limits);
        assertThat(stopped.rules()).containsExactly(rule);
        assertThat(stopped.getMessage()).contains(rule).contains("limit of one evaluation");
        await().atMost(Duration.ofSeconds(2))
                .until(() -> EvaluationWatchdog.shared().watching() == 0);
        // regression: stopping a thread also interrupts it, and a thread left interrupted broke the next database
        // write on it (the H2 file channel closed)
        assertThat(Thread.currentThread().isInterrupted())
                .as("the stopped thread is left interrupted")
                .isFalse();

        // and: the same thread evaluates the next evidence correctly, and the stopped policy's next evaluation too
        var next = evaluator
                .evaluate(plain, CURRICULUM, freshLearner("ada"), onCompetency("e1", "ada", "count", 0.9, 0), START)
                .update();
        assertThat(next.masteryChanges()).anySatisfy(change -> {
            assertThat(change.competencyId()).isEqualTo("count");
            assertThat(change.to()).isEqualTo(MasteryLevel.MASTERED);
        });
        assertThat(catchThrowableOfType(
                        EvaluationLimitException.class,
                        () -> evaluator.evaluate(
                                endless,
                                CURRICULUM,
                                freshLearner("bo"),
                                onCompetency("e2", "bo", "count", 0.9, 0),
                                START)))
                .isNotNull();
    }
}
