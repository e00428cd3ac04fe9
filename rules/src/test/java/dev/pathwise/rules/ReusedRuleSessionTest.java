package dev.pathwise.rules;

import static dev.pathwise.engine.evidence.EvidenceKind.FORMATIVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.facts.FlagKind;
import dev.pathwise.engine.policy.RuleFiring;
import org.junit.jupiter.api.Test;

/**
 * Regression: pooled rule sessions are reused from one evaluation to the next. Clearing the agenda right after
 * deleting an evaluation's facts dropped the deletes' pending propagation, so a reused session matched the deleted
 * facts again: the behind-pace rule fired once, then 3 times, then 5 times for the same learner.
 */
class ReusedRuleSessionTest {

    private static final String BEHIND_FLOOR =
            "Behind pace when mastered competencies fall under the grade band's weekly floor";

    @Test
    void aReusedSessionDoesNotMatchFactsOfEarlierEvaluations() {
        // given a grade 4 learner with nothing mastered, 5 weeks into the plan
        LearnerScenario learner = LearnerScenario.gradeLearner(4).weeksIntoPlan(5);
        for (int query = 1; query <= 3; query++) {
            // when they ask for next steps again, on a session reused from the previous query
            PathUpdate update = learner.nextSteps();
            // then the pace rule fires once and raises one flag, 0.5·5 = 2.5 behind
            assertThat(update.trace()).extracting(RuleFiring::rule).containsOnlyOnce(BEHIND_FLOOR);
            assertThat(update.flags()).singleElement().satisfies(flag -> {
                assertThat(flag.kind()).isEqualTo(FlagKind.BEHIND_PACE);
                assertThat(flag.amount()).isEqualTo(2.5);
            });
        }
    }

    @Test
    void anotherLearnersEvaluationDoesNotAddFlags() {
        // given one learner struggling on RP.1 and a second one struggling on G.1, evaluated on the same sessions
        LearnerScenario first = LearnerScenario.gradeLearner(4).given("RP.1", FORMATIVE, 0.5, 0.5, 0.5);
        LearnerScenario second = LearnerScenario.gradeLearner(4).given("G.1", FORMATIVE, 0.5, 0.5);
        first.nextSteps();
        // when the second learner's third low result arrives
        PathUpdate update = second.send("G.1", 0.5, FORMATIVE);
        // then the only flag is their own struggle on G.1
        assertThat(update.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.STRUGGLING);
            assertThat(flag.competencyId()).isEqualTo("G.1");
        });
    }
}
