package dev.pathwise.benchmarks;

import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.evidence.Score;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The what-if path: re-evaluates every learner's evidence from a fresh state under one policy version,
 * 10,000 learners × 100 pieces of evidence = 1,000,000 evaluations per call, learners spread over the grade bands
 * and working through the 200-competency framework (3 to 5 pieces of evidence per leaf, one in three summative).
 * {@code parallelism} learners are replayed at once (each learner's evidence stays in order on one thread).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ReplayBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ReplayBenchmark {

    @Param({"drools", "handCoded"})
    Engine engine;

    @Param({"10000"})
    int learners;

    @Param({"100"})
    int evidencePerLearner;

    @Param({"1", "2"})
    int parallelism;

    private PathwayEvaluator evaluator;
    private CompiledPolicy policy;
    private Curriculum curriculum;
    private LearnerProfile[] profiles;
    private List<List<Evidence>> evidence;
    private ForkJoinPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        evaluator = engine.evaluator();
        policy = Policies.compile(Policies.defaultPack());
        curriculum = SyntheticCurriculum.standard();
        profiles = new LearnerProfile[learners];
        evidence = new ArrayList<>(learners);
        Score[] scores = new Score[101];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Score.fraction(i / 100.0);
        }
        Instant[] times = new Instant[evidencePerLearner];
        String[] ids = new String[evidencePerLearner];
        for (int i = 0; i < evidencePerLearner; i++) {
            times[i] = Learners.START.plus(Duration.ofHours(4L * i));
            ids[i] = "e" + i;
        }
        GradeBand[] bands = GradeBand.values();
        SplittableRandom random = new SplittableRandom(42);
        for (int l = 0; l < learners; l++) {
            LearnerProfile profile = Learners.profile("L" + l, bands[l % bands.length]);
            profiles[l] = profile;
            List<Evidence> items = new ArrayList<>(evidencePerLearner);
            int domain = random.nextInt(8);
            int index = 0;
            while (items.size() < evidencePerLearner) {
                String leaf = Learners.leafAt(domain, index, 4);
                double base = 0.45 + random.nextDouble() * 0.4;
                for (int k = 3 + random.nextInt(3); k > 0 && items.size() < evidencePerLearner; k--) {
                    int score = (int) Math.round(Math.min(1.0, base + random.nextDouble() * 0.25) * 100);
                    int n = items.size();
                    items.add(new Evidence(
                            ids[n],
                            profile.learnerId(),
                            leaf,
                            null,
                            scores[score],
                            random.nextInt(3) == 0 ? EvidenceKind.SUMMATIVE : EvidenceKind.FORMATIVE,
                            "replay",
                            times[n]));
                }
                index++;
                if (index == 20) {
                    index = 0;
                    domain = (domain + 1) % 8;
                }
            }
            evidence.add(items);
        }
        pool = new ForkJoinPool(parallelism);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }

    /** Returns the number of competencies mastered across all learners after the replay. */
    @Benchmark
    public long replayAll() throws Exception {
        return pool.submit(() -> IntStream.range(0, learners)
                        .parallel()
                        .mapToLong(this::replay)
                        .sum())
                .get();
    }

    private long replay(int learner) {
        LearnerSnapshot result =
                evaluator.replay(policy, curriculum, profiles[learner], evidence.get(learner), List.of());
        long mastered = 0;
        for (CompetencyRecord record : result.competencies().values()) {
            if (record.state().level().isMastered()) {
                mastered++;
            }
        }
        return mastered;
    }
}
