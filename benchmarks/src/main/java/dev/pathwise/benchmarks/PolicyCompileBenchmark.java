package dev.pathwise.benchmarks;

import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.policy.PolicySource;
import dev.pathwise.rules.DefaultPolicyPack;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Compiling the default pack (a new version each call, so the runtime's cache never answers), and compiling and
 * activating a changed version while another thread keeps evaluating evidence against whatever version is active.
 * In {@code swap}, the {@code evaluations} and {@code failedEvaluations} counters are totals of the evaluating
 * thread: a swap must never make an evaluation fail.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PolicyCompileBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s}
 */
@State(Scope.Group)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PolicyCompileBenchmark {

    private final AtomicInteger versions = new AtomicInteger();
    private PolicyRuntime runtime;
    private PolicySource source;
    private Curriculum curriculum;
    private LearnerSnapshot learner;
    private Evidence[] evidence;
    private Instant now;

    @Setup(Level.Trial)
    public void setUp() {
        runtime = new PolicyRuntime(4, 4);
        source = Policies.defaultPack();
        runtime.activate(source);
        curriculum = SyntheticCurriculum.standard();
        LearnerProfile profile = Learners.profile("learner-1", GradeBand.G3_5);
        learner = Learners.withProgress(runtime.require(DefaultPolicyPack.POLICY_ID), curriculum, profile, 8, 4, 5, 3);
        now = Learners.START.plusSeconds(14 * 24 * 3600);
        evidence = Learners.evidenceOn(profile.learnerId(), List.of("D0.S1.1", "D1.S1.1", "D2.S1.1", "D3.S1.1"), now)
                .toArray(Evidence[]::new);
    }

    /** Compiles the default pack under a new version number. */
    @Benchmark
    @Group("compile")
    @GroupThreads(1)
    @BenchmarkMode(Mode.AverageTime)
    public CompiledPolicy compile() {
        return runtime.compile(source.withVersion("compile-" + versions.incrementAndGet()));
    }

    /** Compiles a version with a changed mastered threshold and makes it the active one. */
    @Benchmark
    @Group("swap")
    @GroupThreads(1)
    @BenchmarkMode(Mode.AverageTime)
    public CompiledPolicy compileAndSwap() {
        int version = versions.incrementAndGet();
        String threshold = version % 2 == 0 ? "0.80" : "0.85";
        String yaml = DefaultPolicyPack.parameters()
                .yaml()
                .replace("masteredThreshold: 0.80", "masteredThreshold: " + threshold);
        return runtime.activate(Policies.withParameters("swap-" + version, yaml));
    }

    /** Evaluates one piece of evidence against the active version, counting evaluations that fail. */
    @Benchmark
    @Group("swap")
    @GroupThreads(1)
    @BenchmarkMode(Mode.AverageTime)
    public PathUpdate evaluateDuringSwaps(EvaluationCounters counters) {
        try {
            CompiledPolicy active = runtime.require(DefaultPolicyPack.POLICY_ID);
            PathUpdate update = counters.evaluator
                    .evaluate(active, curriculum, learner, evidence[counters.next++ & (evidence.length - 1)], now)
                    .update();
            if (!update.policyVersion().equals(active.versionLabel())
                    || update.masteryChanges().isEmpty()) {
                counters.failedEvaluations++;
            } else {
                counters.evaluations++;
            }
            return update;
        } catch (RuntimeException e) {
            counters.failedEvaluations++;
            return null;
        }
    }

    /** What the evaluating thread counted; reported by JMH next to the timings. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class EvaluationCounters {
        public long evaluations;
        public long failedEvaluations;
        int next;
        final PathwayEvaluator evaluator = new PathwayEvaluator();
    }
}
