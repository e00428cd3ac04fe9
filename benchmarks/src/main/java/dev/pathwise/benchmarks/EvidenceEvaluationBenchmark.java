package dev.pathwise.benchmarks;

import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.Evaluation;
import dev.pathwise.engine.evaluation.MasteryStep;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One piece of evidence through the default policy, for a warm learner (state for ~56 competencies of the
 * 200-competency framework) and for a cold one (no state), per grade band and mastery method. Each call evaluates
 * the same snapshot, cycling through 32 pieces of evidence on the learner's ready leaves with scores from 0.55 to
 * 0.97, so every call does the same kind of work: mastery method, mastery rules, rollup, planner, pacing and choice.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EvidenceEvaluationBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvidenceEvaluationBenchmark {

    static final int DOMAINS = 8;
    static final int LEAVES_PER_STRAND = 4;

    @Param({"drools", "handCoded"})
    Engine engine;

    @Param({"K-2", "3-5", "6-8", "9-12"})
    String band;

    @Param({"decaying_average", "power_law", "bkt"})
    String method;

    @Param({"warm", "cold"})
    String learner;

    private PathwayEvaluator evaluator;
    private CompiledPolicy policy;
    private Curriculum curriculum;
    private LearnerSnapshot snapshot;
    private Evidence[] evidence;
    private Instant now;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        evaluator = engine.evaluator();
        policy = Policies.compile(Policies.withMethod(method));
        curriculum = SyntheticCurriculum.standard();
        LearnerProfile profile = Learners.profile("learner-1", GradeBand.parse(band));
        int mastered = learner.equals("warm") ? 5 : 0;
        snapshot = learner.equals("warm")
                ? Learners.withProgress(policy, curriculum, profile, DOMAINS, LEAVES_PER_STRAND, mastered, 3)
                : LearnerSnapshot.fresh(profile);
        List<String> ready = new ArrayList<>();
        for (int d = 0; d < DOMAINS; d++) {
            ready.add(Learners.leafAt(d, mastered, LEAVES_PER_STRAND));
        }
        now = Learners.START.plusSeconds(14 * 24 * 3600);
        evidence = Learners.evidenceOn(profile.learnerId(), ready, now).toArray(Evidence[]::new);
        if (Integer.bitCount(evidence.length) != 1) {
            throw new IllegalStateException("evidence cycle of " + evidence.length + " is not a power of two");
        }
    }

    /** The whole path update: mastery, rollup, unlocks, pacing flags and ranked next steps. */
    @Benchmark
    public Evaluation evaluate() {
        Evidence item = evidence[next++ & (evidence.length - 1)];
        return evaluator.evaluate(policy, curriculum, snapshot, item, now);
    }

    /** The mastery part alone (method, mastery rules, rollup): what a replay and a batch do per piece of evidence. */
    @Benchmark
    public MasteryStep evaluateMastery() {
        Evidence item = evidence[next++ & (evidence.length - 1)];
        return evaluator.evaluateMastery(policy, curriculum, snapshot, item);
    }
}
