package dev.pathwise.engine.evaluation;

import static dev.pathwise.engine.testing.SampleCurriculum.CURRICULUM;
import static dev.pathwise.engine.testing.SampleCurriculum.START;
import static dev.pathwise.engine.testing.SampleCurriculum.freshLearner;
import static dev.pathwise.engine.testing.SampleCurriculum.onCompetency;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.MasteryState;
import dev.pathwise.engine.learner.OverrideKind;
import dev.pathwise.engine.learner.TeacherOverride;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A teacher may set the level of a parent competency: the parent keeps what it rests on (its children's mean score,
 * their evidence, the rollup as its method) and takes the teacher's level; cleared, the rollup decides again.
 */
class ParentOverrideTest {

    private static final PathwayEvaluator EVALUATOR = new PathwayEvaluator();
    private static final CompiledPolicy POLICY = new PolicyRuntime().compile(MinimalPolicy.source("parent-override"));

    @Test
    void aTeachersLevelOnAParentKeepsItsRollupAndAClearHandsItBackToTheRollup() {
        // given: ada has 0.4 on count (beginning), so math (count, add) rolls up to beginning
        Evidence count = onCompetency("e1", "ada", "count", 0.4, 0);
        LearnerSnapshot learner = EVALUATOR
                .evaluate(POLICY, CURRICULUM, freshLearner("ada"), count, count.observedAt())
                .learner();
        assertThat(learner.level("math")).isEqualTo(MasteryLevel.BEGINNING);

        // when: a teacher sets math to mastered
        TeacherOverride set = new TeacherOverride(
                "o1",
                "ada",
                OverrideKind.SET_LEVEL,
                "math",
                null,
                MasteryLevel.MASTERED,
                "ms-lee",
                "showed both in a project",
                START.plusSeconds(3600));
        Evaluation mastered = EVALUATOR.applyOverride(POLICY, CURRICULUM, learner, set, set.at());

        // then: the teacher's level, on the children's score and evidence, with the rollup as the method
        MasteryState math = mastered.learner().state("math");
        assertThat(math.level()).isEqualTo(MasteryLevel.MASTERED);
        assertThat(math.score()).isEqualTo(0.4);
        assertThat(math.evidenceCount()).isEqualTo(1);
        assertThat(math.method()).isEqualTo("rollup (0 of 2 children mastered)");
        MasteryChange change = mastered.update().masteryChanges().stream()
                .filter(c -> c.competencyId().equals("math"))
                .findFirst()
                .orElseThrow();
        assertThat(change.why().rule()).isEmpty();
        assertThat(change.why().text()).startsWith("set by ms-lee: showed both in a project (the rules say beginning");

        // when: the teacher clears it
        TeacherOverride clear = new TeacherOverride(
                "o2",
                "ada",
                OverrideKind.CLEAR_LEVEL,
                "math",
                null,
                null,
                "ms-lee",
                "back to the rules",
                START.plusSeconds(7200));
        LearnerSnapshot cleared = EVALUATOR
                .applyOverride(POLICY, CURRICULUM, mastered.learner(), clear, clear.at())
                .learner();

        // then: the rollup decides again, and a replay agrees
        assertThat(cleared.level("math")).isEqualTo(MasteryLevel.BEGINNING);
        assertThat(cleared.state("math").score()).isEqualTo(0.4);
        assertThat(cleared.competencies())
                .isEqualTo(EVALUATOR
                        .replay(POLICY, CURRICULUM, cleared.profile(), List.of(count), List.of(set, clear))
                        .competencies());
    }
}
