package dev.pathwise.benchmarks;

import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.activity.Modality;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.evidence.Score;
import dev.pathwise.engine.learner.Goal;
import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Learners on a {@link SyntheticCurriculum}, brought to a state by sending real evidence through an evaluator, so
 * that their records, levels and parents are what the engine itself would have made.
 */
public final class Learners {

    /** When every learner's plan started; evidence is sent from then on, an hour apart. */
    public static final Instant START = Instant.parse("2026-09-07T09:00:00Z");

    public static final LocalDate PLAN_START = LocalDate.parse("2026-09-07");

    private static final PathwayEvaluator SETUP = new PathwayEvaluator();

    private final CompiledPolicy policy;
    private final Curriculum curriculum;
    private LearnerSnapshot learner;
    private Instant clock = START;
    private int counter;

    private Learners(CompiledPolicy policy, Curriculum curriculum, LearnerProfile profile) {
        this.policy = policy;
        this.curriculum = curriculum;
        this.learner = LearnerSnapshot.fresh(profile);
    }

    /** A grade in the band: 1, 4, 7 or 10. */
    public static int gradeOf(GradeBand band) {
        return switch (band) {
            case K_2 -> 1;
            case G3_5 -> 4;
            case G6_8 -> 7;
            case G9_12 -> 10;
        };
    }

    /** A learner who likes video and sports, with a goal on domain 0's third strand. */
    public static LearnerProfile profile(String learnerId, GradeBand band) {
        return new LearnerProfile(
                learnerId,
                gradeOf(band),
                "north",
                List.of("sports"),
                List.of(),
                List.of(),
                List.of(Modality.VIDEO),
                null,
                List.of(new Goal(
                        "g1",
                        "Finish strand D0.S2",
                        List.of("D0.S2.0", "D0.S2.1", "D0.S2.2", "D0.S2.3"),
                        PLAN_START.plusWeeks(20))),
                PLAN_START);
    }

    /**
     * A learner with state for about 50 competencies: in every domain the first {@code masteredPerDomain} leaves
     * mastered (their strands rolled up), and the next leaf in progress in the first {@code inProgressDomains}
     * domains.
     */
    public static LearnerSnapshot withProgress(
            CompiledPolicy policy,
            Curriculum curriculum,
            LearnerProfile profile,
            int domains,
            int leavesPerStrand,
            int masteredPerDomain,
            int inProgressDomains) {
        Learners learners = new Learners(policy, curriculum, profile);
        for (int d = 0; d < domains; d++) {
            for (int i = 0; i < masteredPerDomain; i++) {
                learners.master(leafAt(d, i, leavesPerStrand));
            }
        }
        for (int d = 0; d < inProgressDomains; d++) {
            String next = leafAt(d, masteredPerDomain, leavesPerStrand);
            learners.send(next, 0.7, EvidenceKind.FORMATIVE);
            learners.send(next, 0.75, EvidenceKind.FORMATIVE);
        }
        return learners.learner;
    }

    /** The i-th leaf of a domain, in prerequisite order. */
    public static String leafAt(int domain, int index, int leavesPerStrand) {
        return SyntheticCurriculum.leaf(domain, index / leavesPerStrand, index % leavesPerStrand);
    }

    private void master(String leaf) {
        for (int i = 0; i < 12 && !learner.level(leaf).isMastered(); i++) {
            send(leaf, 0.95, EvidenceKind.SUMMATIVE);
        }
        if (!learner.level(leaf).isMastered()) {
            throw new IllegalStateException(leaf + " is not mastered after 12 summative 0.95s under "
                    + policy.versionLabel() + ": " + learner.state(leaf));
        }
    }

    private void send(String competencyId, double score, EvidenceKind kind) {
        Evidence evidence = new Evidence(
                "setup-" + (++counter),
                learner.learnerId(),
                competencyId,
                null,
                Score.fraction(score),
                kind,
                "setup",
                clock);
        learner = SETUP.evaluate(policy, curriculum, learner, evidence, clock).learner();
        clock = clock.plus(Duration.ofHours(1));
    }

    /** Evidence on each of {@code competencyIds}, cycling through a few scores and kinds, at {@code at}. */
    public static List<Evidence> evidenceOn(String learnerId, List<String> competencyIds, Instant at) {
        double[] scores = {0.55, 0.72, 0.85, 0.97};
        EvidenceKind[] kinds = {EvidenceKind.FORMATIVE, EvidenceKind.SUMMATIVE};
        List<Evidence> evidence = new ArrayList<>();
        int n = 0;
        for (double score : scores) {
            for (String id : competencyIds) {
                evidence.add(new Evidence(
                        "bench-" + n,
                        learnerId,
                        id,
                        null,
                        Score.fraction(score),
                        kinds[n % kinds.length],
                        "bench",
                        at));
                n++;
            }
        }
        return evidence;
    }
}
