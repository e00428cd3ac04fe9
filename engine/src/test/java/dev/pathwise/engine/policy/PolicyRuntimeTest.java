package dev.pathwise.engine.policy;

import static dev.pathwise.engine.testing.SampleCurriculum.CURRICULUM;
import static dev.pathwise.engine.testing.SampleCurriculum.START;
import static dev.pathwise.engine.testing.SampleCurriculum.freshLearner;
import static dev.pathwise.engine.testing.SampleCurriculum.onCompetency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pathwise.engine.evaluation.Evaluation;
import dev.pathwise.engine.evaluation.MasteryChange;
import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.policy.session.RuleSession;
import dev.pathwise.engine.policy.session.RuleSessionPool;
import dev.pathwise.engine.testing.MinimalPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PolicyRuntimeTest {

    private static final String LOOP_RULE = "Re-checks its own assessment forever";

    /** A rule that updates the fact it matches, with no no-loop: it re-activates itself without end. */
    private static final RuleFile LOOPING = new RuleFile("loop.drl", """
            package dev.pathwise.test;

            import dev.pathwise.engine.facts.Assessment;

            rule "Re-checks its own assessment forever"
                ruleflow-group "mastery-classify"
            when
                $a : Assessment( competencyId == "shapes" )
            then
                update( $a );
            end
            """);

    private final PathwayEvaluator evaluator = new PathwayEvaluator();

    @Test
    void drlSyntaxErrorIsReportedWithFileAndPlantedLineAndNoStackTrace() {
        // given: the comparison on line 8 has no right-hand side
        RuleFile broken = new RuleFile("rules/broken.drl", """
                package dev.pathwise.test;

                import dev.pathwise.engine.facts.Assessment;

                rule "Broken comparison"
                    ruleflow-group "mastery-classify"
                when
                    $a : Assessment( score >= )
                then
                end
                """);
        PolicyRuntime runtime = new PolicyRuntime();

        // when
        PolicyCompilationException e = catchThrowableOfType(
                PolicyCompilationException.class,
                () -> runtime.compile(MinimalPolicy.source("1", 0.8, List.of(MinimalPolicy.MASTERY, broken))));

        // then
        assertThat(e).isNotNull();
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/broken.drl");
            assertThat(p.line()).isEqualTo(8);
        });
        assertThat(e.problems()).noneMatch(p -> p.file().equals("mastery.drl"));
        assertThat(e.getMessage())
                .contains("Policy 'minimal' version '1' does not compile")
                .contains("rules/broken.drl:8")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.getCause()).isNull();
    }

    @Test
    void unknownFactTypeIsReportedWithFileAndLine() {
        // given: line 6 names a fact type that does not exist
        RuleFile misspelt = new RuleFile("typo.drl", """
                package dev.pathwise.test;

                rule "Uses a misspelt fact type"
                    ruleflow-group "mastery-classify"
                when
                    $a : Assesment( score >= 0.5 )
                then
                end
                """);
        PolicyRuntime runtime = new PolicyRuntime();

        // when
        PolicyCompilationException e = catchThrowableOfType(
                PolicyCompilationException.class,
                () -> runtime.compile(MinimalPolicy.source("1", 0.8, List.of(MinimalPolicy.MASTERY, misspelt))));

        // then
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("typo.drl");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("Assesment");
        });
        assertThat(runtime.cached(MinimalPolicy.POLICY_ID, "1")).isEmpty();
    }

    @Test
    void parameterProblemsSurfaceThroughCompileWithFileAndLine() {
        // given: line 5 of the parameter file puts masteredThreshold out of range
        PolicySource source = PolicySource.district(
                MinimalPolicy.POLICY_ID,
                "1",
                List.of(MinimalPolicy.MASTERY),
                new ParameterFile("params/district.yaml", MinimalPolicy.parametersYaml(1.5)));

        // when
        PolicyCompilationException e =
                catchThrowableOfType(PolicyCompilationException.class, () -> new PolicyRuntime().compile(source));

        // then
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("params/district.yaml");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(22);
            assertThat(p.message())
                    .contains("masteredThreshold")
                    .contains("1.5")
                    .contains("0..1");
        });
    }

    @Test
    void compilingTheSameVersionTwiceReturnsTheCachedInstance() {
        // given
        PolicyRuntime runtime = new PolicyRuntime();
        CompiledPolicy first = runtime.compile(MinimalPolicy.source("2026.1"));

        // when
        CompiledPolicy second = runtime.compile(MinimalPolicy.source("2026.1"));

        // then
        assertThat(second).isSameAs(first);
        assertThat(runtime.cached(MinimalPolicy.POLICY_ID, "2026.1")).containsSame(first);
        assertThat(first.versionLabel()).isEqualTo("minimal@2026.1");
    }

    @Test
    void theSameVersionWithOtherContentIsRefused() {
        // given
        PolicyRuntime runtime = new PolicyRuntime();
        CompiledPolicy original = runtime.compile(MinimalPolicy.source("2026.1", 0.80));

        // when / then
        assertThatThrownBy(() -> runtime.compile(MinimalPolicy.source("2026.1", 0.85)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'minimal'")
                .hasMessageContaining("'2026.1'")
                .hasMessageContaining("new version");
        assertThat(runtime.cached(MinimalPolicy.POLICY_ID, "2026.1")).containsSame(original);
    }

    @Test
    void activateMakesTheVersionActiveAndRollbackRestoresAnEarlierOne() {
        // given
        PolicyRuntime runtime = new PolicyRuntime();
        assertThatThrownBy(() -> runtime.require(MinimalPolicy.POLICY_ID))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("publish one first");
        CompiledPolicy first = runtime.activate(MinimalPolicy.source("1", 0.80));
        CompiledPolicy second = runtime.activate(MinimalPolicy.source("2", 0.60));
        assertThat(runtime.require(MinimalPolicy.POLICY_ID)).isSameAs(second);

        // when
        runtime.activate(first);

        // then
        assertThat(runtime.require(MinimalPolicy.POLICY_ID)).isSameAs(first);
    }

    /**
     * Evaluators run continuously on the active version while another thread activates 20 new versions. Odd versions
     * master at 0.50, even ones at 0.90, so a score of 0.70 tells which version's parameters an evaluation used.
     * After each activation the activator waits until every evaluator has started an evaluation on it, so each
     * evaluator sees every version, and every activation happens while evaluations are in flight.
     */
    @Test
    void activateSwapsAtomicallyWhileEvaluationsRun() throws Exception {
        // given
        int evaluators = 4;
        int versions = 20;
        PolicyRuntime runtime = new PolicyRuntime();
        List<PolicySource> sources = new ArrayList<>();
        for (int v = 1; v <= versions; v++) {
            sources.add(MinimalPolicy.source("v" + v, v % 2 == 1 ? 0.50 : 0.90));
        }
        runtime.activate(MinimalPolicy.source("v0", 0.90));
        Set<String> activated = ConcurrentHashMap.newKeySet();
        activated.add("minimal@v0");
        ExecutorService compilers = Executors.newFixedThreadPool(2);
        try {
            for (Future<CompiledPolicy> f : compilers.invokeAll(sources.stream()
                    .map(s -> (java.util.concurrent.Callable<CompiledPolicy>) () -> runtime.compile(s))
                    .toList())) {
                f.get();
            }
        } finally {
            compilers.shutdown();
        }
        List<CountDownLatch> seen = new ArrayList<>();
        for (int v = 0; v <= versions; v++) {
            seen.add(new CountDownLatch(evaluators));
        }
        AtomicBoolean done = new AtomicBoolean();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Queue<String> wrongOutcomes = new ConcurrentLinkedQueue<>();
        Map<String, Integer> evaluationsPerVersion = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(evaluators + 1);

        // when
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < evaluators; t++) {
                String learnerId = "learner-" + t;
                running.add(pool.submit(() -> {
                    int lastSeen = -1;
                    for (int i = 0; i < 200_000 && !done.get(); i++) {
                        try {
                            CompiledPolicy policy = runtime.require(MinimalPolicy.POLICY_ID);
                            int version = Integer.parseInt(policy.version().substring(1));
                            for (int v = lastSeen + 1; v <= version; v++) {
                                seen.get(v).countDown();
                            }
                            lastSeen = Math.max(lastSeen, version);
                            Evaluation evaluation = evaluator.evaluate(
                                    policy,
                                    CURRICULUM,
                                    freshLearner(learnerId),
                                    onCompetency("e" + i, learnerId, "shapes", 0.70, i),
                                    START.plusSeconds(i));
                            PathUpdate update = evaluation.update();
                            evaluationsPerVersion.merge(update.policyVersion(), 1, Integer::sum);
                            if (!activated.contains(update.policyVersion())) {
                                wrongOutcomes.add("unknown version " + update.policyVersion());
                            }
                            MasteryLevel expected = version % 2 == 1 ? MasteryLevel.MASTERED : MasteryLevel.BEGINNING;
                            MasteryLevel actual = evaluation.learner().level("shapes");
                            if (!update.policyVersion().equals(policy.versionLabel()) || actual != expected) {
                                wrongOutcomes.add(
                                        update.policyVersion() + " gave " + actual + " on " + policy.version());
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                            done.set(true);
                        }
                    }
                }));
            }
            Future<?> activator = pool.submit(() -> {
                try {
                    assertThat(seen.get(0).await(60, TimeUnit.SECONDS)).isTrue();
                    for (int v = 1; v <= versions; v++) {
                        CompiledPolicy policy = runtime.activate(sources.get(v - 1));
                        activated.add(policy.versionLabel());
                        assertThat(seen.get(v).await(60, TimeUnit.SECONDS))
                                .as("every evaluator reached version v%d", v)
                                .isTrue();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } finally {
                    done.set(true);
                }
                return null;
            });
            activator.get(120, TimeUnit.SECONDS);
            for (Future<?> f : running) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // then
        assertThat(failures).isEmpty();
        assertThat(wrongOutcomes).isEmpty();
        assertThat(activated).hasSize(versions + 1);
        assertThat(evaluationsPerVersion.keySet()).isSubsetOf(activated).contains("minimal@v" + versions);
        assertThat(runtime.require(MinimalPolicy.POLICY_ID).version()).isEqualTo("v" + versions);
    }

    @Test
    void ruleLoopIsCutOffNamingTheRuleAndTheSessionPoolStillWorks() {
        // given: one idle session, so the session that looped is the one reused afterwards
        PolicyRuntime runtime = new PolicyRuntime(4, 1);
        CompiledPolicy policy = runtime.compile(
                MinimalPolicy.source("1", 0.8, List.of(MinimalPolicy.MASTERY, MinimalPolicy.PATH, LOOPING)));
        PathwayEvaluator limited = new PathwayEvaluator(500);
        LearnerSnapshot learner = freshLearner("ada");
        RuleSessionPool sessions =
                policy.resolve(learner.profile().gradeBand(), "lincoln").sessions();
        RuleSession onlySession = sessions.borrow();
        onlySession.close();

        // when
        RuleLoopException loop = catchThrowableOfType(
                RuleLoopException.class,
                () -> limited.evaluate(
                        policy, CURRICULUM, learner, onCompetency("e1", "ada", "shapes", 0.9, 0), START));

        // then
        assertThat(loop).isNotNull();
        assertThat(loop.limit()).isEqualTo(500);
        assertThat(loop.rules()).first().isEqualTo(LOOP_RULE);
        assertThat(loop.getMessage()).contains("\"" + LOOP_RULE + "\"").contains("500");

        RuleSession reused = sessions.borrow();
        reused.close();
        assertThat(reused)
                .as("the session that looped was cleaned and returned")
                .isSameAs(onlySession);

        Evaluation after = limited.evaluate(
                policy, CURRICULUM, learner, onCompetency("e2", "ada", "count", 0.9, 1), START.plusSeconds(60));
        CompiledPolicy clean = new PolicyRuntime()
                .compile(MinimalPolicy.source("1", 0.8, List.of(MinimalPolicy.MASTERY, MinimalPolicy.PATH, LOOPING)));
        Evaluation reference = limited.evaluate(
                clean, CURRICULUM, learner, onCompetency("e2", "ada", "count", 0.9, 1), START.plusSeconds(60));
        assertThat(after.update()).isEqualTo(reference.update());
        assertThat(after.learner()).isEqualTo(reference.learner());
        assertThat(after.learner().level("count")).isEqualTo(MasteryLevel.MASTERED);
        assertThat(after.update().trace()).noneMatch(f -> f.rule().equals(LOOP_RULE));
    }

    @Test
    void reusedSessionGivesIdenticalUpdatesForTheSameInput() {
        // given: one idle session, reused for every evaluation
        CompiledPolicy policy = new PolicyRuntime(4, 1).compile(MinimalPolicy.source("1"));
        LearnerSnapshot learner = struggling("ada");
        Evidence evidence = onCompetency("e9", "ada", "count", 0.1, 9);

        // when
        Evaluation first = evaluator.evaluate(policy, CURRICULUM, learner, evidence, START.plusSeconds(3600));
        Evaluation second = evaluator.evaluate(policy, CURRICULUM, learner, evidence, START.plusSeconds(3600));

        // then
        assertThat(first.update().flags()).hasSize(1);
        assertThat(second.update()).isEqualTo(first.update());
        assertThat(second.learner()).isEqualTo(first.learner());
    }

    @Test
    void reusedSessionDoesNotCarryOneLearnersFactsIntoTheNext() {
        // given: the single pooled session has just evaluated a struggling learner
        CompiledPolicy policy = new PolicyRuntime(4, 1).compile(MinimalPolicy.source("1"));
        PathUpdate strugglingUpdate = evaluator
                .evaluate(
                        policy,
                        CURRICULUM,
                        struggling("ada"),
                        onCompetency("e9", "ada", "count", 0.1, 9),
                        START.plusSeconds(3600))
                .update();
        assertThat(strugglingUpdate.flags()).extracting(f -> f.competencyId()).containsExactly("count");

        // when
        PathUpdate next = evaluator
                .evaluate(
                        policy,
                        CURRICULUM,
                        freshLearner("bo"),
                        onCompetency("f1", "bo", "count", 0.9, 9),
                        START.plusSeconds(3600))
                .update();

        // then
        assertThat(next.flags()).isEmpty();
        assertThat(next.masteryChanges())
                .extracting(MasteryChange::competencyId)
                .containsExactly("count", "math");
        assertThat(next.trace()).noneMatch(f -> f.phase().equals("pacing"));
    }

    /** Two results below approaching on 'count': the next low one makes three in a row. */
    private LearnerSnapshot struggling(String learnerId) {
        CompiledPolicy policy = new PolicyRuntime().compile(MinimalPolicy.source("setup"));
        LearnerSnapshot learner = freshLearner(learnerId);
        for (int i = 0; i < 2; i++) {
            learner = evaluator
                    .evaluate(
                            policy,
                            CURRICULUM,
                            learner,
                            onCompetency("s" + i, learnerId, "count", 0.1, i),
                            START.plusSeconds(60L * i))
                    .learner();
        }
        return learner;
    }

    @Test
    void sameContentUnderAnotherVersionNameSharesTheCompiledRules() {
        // given
        CompiledPolicy first = new PolicyRuntime(4, 1).compile(MinimalPolicy.source("1"));

        // when
        CompiledPolicy renamed = first.withVersion("2");

        // then
        assertThat(renamed.version()).isEqualTo("2");
        assertThat(renamed.versionLabel()).endsWith("@2");
        assertThat(renamed.contentHash()).isEqualTo(first.contentHash());
        for (GradeBand band : GradeBand.values()) {
            assertThat(renamed.resolve(band, null).version()).isEqualTo("2");
            assertThat(renamed.resolve(band, null).sessions())
                    .isSameAs(first.resolve(band, null).sessions());
            assertThat(renamed.resolve(band, null).parameters())
                    .isSameAs(first.resolve(band, null).parameters());
        }
        assertThat(first.version()).isEqualTo("1");
    }
}
