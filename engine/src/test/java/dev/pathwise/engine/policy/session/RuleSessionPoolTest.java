package dev.pathwise.engine.policy.session;

import static dev.pathwise.engine.testing.SampleCurriculum.CURRICULUM;
import static dev.pathwise.engine.testing.SampleCurriculum.START;
import static dev.pathwise.engine.testing.SampleCurriculum.freshLearner;
import static dev.pathwise.engine.testing.SampleCurriculum.onCompetency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.policy.RuleFile;
import dev.pathwise.engine.policy.RuleFiring;
import dev.pathwise.engine.policy.RuleLoopException;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSessionPoolTest {

    private final PathwayEvaluator evaluator = new PathwayEvaluator();

    /**
     * Regression: closing a session deleted the inserted facts, but the LevelProposals derived with insertLogical
     * stayed until the next fireAllRules, so the session never counted as clean and was disposed after every
     * evaluation with evidence: the pool never reused a session.
     */
    @Test
    void sessionIsReusedAfterAnEvaluationThatDerivedLogicalFacts() {
        // given: a pool keeping one idle session, and that session
        CompiledPolicy policy = new PolicyRuntime(4, 1).compile(MinimalPolicy.source("1"));
        RuleSessionPool pool = policy.resolve(GradeBand.G3_5, "lincoln").sessions();
        RuleSession session = pool.borrow();
        session.close();

        // when: an evaluation with evidence borrows it and derives level proposals
        var update = evaluator
                .evaluate(policy, CURRICULUM, freshLearner("ada"), onCompetency("e1", "ada", "count", 0.9, 0), START)
                .update();

        // then
        assertThat(update.trace()).extracting(RuleFiring::rule).contains("Mastered at the threshold");
        RuleSession next = pool.borrow();
        assertThat(next).isSameAs(session);
        next.close();
    }

    @Test
    void loopIsNamedEvenWhenManyRulesReactToTheLoopingFact() {
        // given: five innocent rules match the assessment that the looping rule keeps updating
        StringBuilder drl = new StringBuilder("""
                package dev.pathwise.test;

                import dev.pathwise.engine.facts.Assessment;

                rule "Updates the assessment it matches"
                    ruleflow-group "mastery-classify"
                when
                    $a : Assessment()
                then
                    update( $a );
                end
                """);
        for (int i = 1; i <= 5; i++) {
            drl.append("""

                    rule "Reads the assessment %d"
                        ruleflow-group "mastery-classify"
                    when
                        Assessment( score >= 0 )
                    then
                    end
                    """.formatted(i));
        }
        List<RuleFile> files = new ArrayList<>(
                List.of(MinimalPolicy.MASTERY, MinimalPolicy.PATH, new RuleFile("loop.drl", drl.toString())));
        CompiledPolicy policy = new PolicyRuntime().compile(MinimalPolicy.source("1", 0.8, files));

        // when
        RuleLoopException loop = catchThrowableOfType(
                RuleLoopException.class,
                () -> new PathwayEvaluator(1_000)
                        .evaluate(
                                policy,
                                CURRICULUM,
                                freshLearner("ada"),
                                onCompetency("e1", "ada", "count", 0.9, 0),
                                START));

        // then
        assertThat(loop).isNotNull();
        assertThat(loop.rules()).first().isEqualTo("Updates the assessment it matches");
        assertThat(loop.getMessage()).contains("\"Updates the assessment it matches\"");
    }

    @Test
    void optionsReachThePolicyOnlyWhenOneOfItsRulesReadsThem() {
        // given: the minimal policy, whose rules never read an Option, and the same policy with a rule that
        // leaves out every lesson
        CompiledPolicy withoutOptionRules = new PolicyRuntime().compile(MinimalPolicy.source("1"));
        RuleFile noLessons = new RuleFile("lessons.drl", """
                package dev.pathwise.test;

                import dev.pathwise.engine.activity.ActivityKind;
                import dev.pathwise.engine.facts.Decisions;
                import dev.pathwise.engine.facts.Option;

                global Decisions decisions;

                rule "No lessons"
                    ruleflow-group "choice-decide"
                when
                    $o : Option( kind == ActivityKind.LESSON )
                then
                    decisions.exclude( kcontext, $o, "no lessons" );
                end
                """);
        CompiledPolicy withOptionRule = new PolicyRuntime()
                .compile(MinimalPolicy.source("2", 0.8, List.of(MinimalPolicy.MASTERY, MinimalPolicy.PATH, noLessons)));
        RuleSessionPool without =
                withoutOptionRules.resolve(GradeBand.G3_5, "lincoln").sessions();
        RuleSessionPool with = withOptionRule.resolve(GradeBand.G3_5, "lincoln").sessions();

        // then: only the second network has a node for Option; both read the learner's Progress
        assertThat(without.matches(dev.pathwise.engine.facts.Option.class)).isFalse();
        assertThat(with.matches(dev.pathwise.engine.facts.Option.class)).isTrue();
        assertThat(without.matches(dev.pathwise.engine.facts.Progress.class)).isTrue();

        // and when: a fresh learner asks for next steps under each
        var all = evaluator
                .nextSteps(withoutOptionRules, CURRICULUM, freshLearner("ada"), START)
                .nextSteps();
        var noLesson = evaluator
                .nextSteps(withOptionRule, CURRICULUM, freshLearner("ada"), START)
                .nextSteps();

        // then: the rule that reads options still sees them and leaves the two lessons out
        assertThat(all)
                .extracting(s -> s.activityId())
                .containsExactlyInAnyOrder("count-video", "count-mini", "shapes-lesson", "count-and-shapes");
        assertThat(noLesson)
                .extracting(s -> s.activityId())
                .containsExactlyInAnyOrder("count-mini", "count-and-shapes");
    }
}
