package dev.pathwise.engine.evaluation;

import static dev.pathwise.engine.testing.SampleCurriculum.CURRICULUM;
import static dev.pathwise.engine.testing.SampleCurriculum.START;
import static dev.pathwise.engine.testing.SampleCurriculum.freshLearner;
import static dev.pathwise.engine.testing.SampleCurriculum.onCompetency;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.OverrideKind;
import dev.pathwise.engine.learner.TeacherOverride;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final CompiledPolicy POLICY = new PolicyRuntime().compile(MinimalPolicy.source("1"));
    private static final PathwayEvaluator EVALUATOR = new PathwayEvaluator();

    @Test
    void evidenceIsOrderedByObservationTimeAndTiesKeepArrivalOrder() {
        // given
        Evidence a = onCompetency("a", "ada", "count", 0.5, 30);
        Evidence b = onCompetency("b", "ada", "count", 0.5, 10);
        Evidence c = onCompetency("c", "ada", "add", 0.5, 30);
        Evidence d = onCompetency("d", "ada", "count", 0.5, 10);

        // when / then
        assertThat(Timeline.inOrder(List.of(a, b, c, d))).containsExactly(b, d, a, c);
        assertThat(Timeline.inOrder(List.of(c, d, a, b))).containsExactly(d, b, c, a);
    }

    @Test
    void evidenceCountsLastWhenObservedNoEarlierThanEverythingCounted() {
        // given: evidence at minute 20, an override at minute 40
        LearnerSnapshot learner = EVALUATOR
                .evaluate(POLICY, CURRICULUM, freshLearner("ada"), onCompetency("e1", "ada", "count", 0.5, 20), START)
                .learner();
        learner = learner.withOverrides(List.of(override(40)));

        // when / then: before the override is late; at its instant or after it is not
        assertThat(Timeline.countsLast(freshLearner("ada"), onCompetency("x", "ada", "count", 0.5, 0)))
                .isTrue();
        assertThat(Timeline.countsLast(learner, onCompetency("x", "ada", "add", 0.5, 19)))
                .isFalse();
        assertThat(Timeline.countsLast(learner, onCompetency("x", "ada", "add", 0.5, 39)))
                .isFalse();
        assertThat(Timeline.countsLast(learner, onCompetency("x", "ada", "add", 0.5, 40)))
                .isTrue();
        assertThat(Timeline.countsLast(learner, onCompetency("x", "ada", "count", 0.5, 41)))
                .isTrue();
        assertThat(Timeline.latestEvidence(learner)).isEqualTo(START.plusSeconds(20 * 60));
        assertThat(Timeline.latestOverride(learner)).isEqualTo(START.plusSeconds(40 * 60));
        assertThat(Timeline.countedAfter(learner, START.plusSeconds(19 * 60))).isEqualTo(1);
        assertThat(Timeline.countedAfter(learner, START.plusSeconds(20 * 60))).isZero();
    }

    @Test
    void anOverrideCountsLastOnlyWhenMadeAfterTheLatestEvidence() {
        // given: evidence observed at minute 20
        LearnerSnapshot learner = EVALUATOR
                .evaluate(POLICY, CURRICULUM, freshLearner("ada"), onCompetency("e1", "ada", "count", 0.5, 20), START)
                .learner();

        // when / then: an override at the evidence's instant counts before it (as a replay places it)
        assertThat(Timeline.countsLast(learner, override(19))).isFalse();
        assertThat(Timeline.countsLast(learner, override(20))).isFalse();
        assertThat(Timeline.countsLast(learner, override(21))).isTrue();
    }

    private static TeacherOverride override(int minutes) {
        return new TeacherOverride(
                "o" + minutes,
                "ada",
                OverrideKind.SET_LEVEL,
                "count",
                null,
                MasteryLevel.MASTERED,
                "ms-lee",
                "seen in class",
                START.plusSeconds(60L * minutes));
    }
}
