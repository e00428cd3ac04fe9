package dev.pathwise.benchmarks;

import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.planner.Planner;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.time.Instant;
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
 * Next-step options for a learner in the middle of the 200-competency, 1,000-activity framework: half of every
 * domain mastered (80 leaves, their strands rolled up), three leaves in progress, one ready leaf per domain, so the
 * planner ranks 8 ready leaves' activities and the pacing and choice rules run over them.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar NextStepBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NextStepBenchmark {

    @Param({"drools", "handCoded"})
    Engine engine;

    @Param({"3-5", "9-12"})
    String band;

    private PathwayEvaluator evaluator;
    private CompiledPolicy policy;
    private Curriculum curriculum;
    private LearnerSnapshot learner;
    private Instant now;

    @Setup(Level.Trial)
    public void setUp() {
        evaluator = engine.evaluator();
        policy = Policies.compile(Policies.defaultPack());
        curriculum = SyntheticCurriculum.standard();
        learner = Learners.withProgress(
                policy, curriculum, Learners.profile("learner-1", GradeBand.parse(band)), 8, 4, 10, 3);
        now = Learners.START.plusSeconds(30L * 24 * 3600);
        int ready = Planner.readyToLearn(curriculum.framework(), learner).size();
        if (ready != 8) {
            throw new IllegalStateException("the learner in the middle should have 8 ready leaves, has " + ready);
        }
    }

    @Benchmark
    public PathUpdate nextSteps() {
        return evaluator.nextSteps(policy, curriculum, learner, now);
    }
}
