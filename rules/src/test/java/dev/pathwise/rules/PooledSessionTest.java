package dev.pathwise.rules;

import static dev.pathwise.engine.evidence.EvidenceKind.FORMATIVE;
import static dev.pathwise.rules.LearnerScenario.change;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.evaluation.PathUpdate;
import org.junit.jupiter.api.Test;

/** Evaluations that reuse a pooled Drools session see nothing of the evaluation that used it before. */
class PooledSessionTest {

    @Test
    void aNextStepQueryLeavesNoGradeBandBehindForTheNextEvaluation() {
        // given a grade 10 learner who asked for next steps: the mastery phases never fired on that session
        LearnerScenario.gradeLearner(10).nextSteps();
        // when a grade 1 learner's first 0.9 on RP.1 is evaluated next, on the same pooled session
        PathUpdate update = LearnerScenario.gradeLearner(1).send("RP.1", 0.9, FORMATIVE);
        // then the explanation and shortfalls are K-2's, not the 9-12 parameters of the query before
        assertThat(change(update, "RP.1").why().text()).endsWith("for grade band K-2");
        assertThat(change(update, "RP.1").shortfalls())
                .extracting(s -> s.text())
                .containsExactly("1 of the 2 pieces of evidence needed");
        assertThat(update.trace()).extracting(f -> f.rule()).contains("Beginning once there is evidence");
    }
}
