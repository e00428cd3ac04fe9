package dev.pathwise.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.benchmarks.baseline.HandCodedDefaultPolicy;
import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import dev.pathwise.engine.evaluation.Evaluation;
import dev.pathwise.engine.evaluation.PathUpdate;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.evidence.Score;
import dev.pathwise.engine.framework.Competency;
import dev.pathwise.engine.learner.Goal;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.OverrideKind;
import dev.pathwise.engine.learner.TeacherOverride;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.rules.DefaultPolicyPack;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-coded baseline and the DRL default pack make the same decisions: on 100,000 generated sequences of
 * evidence, overrides and next-step queries, both produce equal path updates (everything but the trace of fired
 * rules) and equal learner snapshots. In a third of the sequences some evidence arrives late (observed before evidence
 * already counted, at the same instant as other evidence, or before everything): it is evaluated at its place in the
 * learner's timeline as the service does, and a learner that started fresh must then equal a replay of everything
 * that counted. Sequences are generated from a seed per sequence; when one disagrees, it is shrunk step by step to
 * the smallest sequence that still disagrees, and printed with both updates.
 */
class HandCodedPolicyMatchesRulesTest {

    static final int SEQUENCES = Integer.getInteger("pathwise.differential.sequences", 100_000);
    static final boolean PARALLEL = Boolean.parseBoolean(System.getProperty("pathwise.differential.parallel", "true"));
    static final long SEED = 20_260_907L;

    /** 2 domains × 2 strands × 3 leaves: 16 competencies, 40 activities; small enough to master things quickly. */
    static final Curriculum CURRICULUM = SyntheticCurriculum.of(2, 2, 3);

    static final List<String> LEAVES = CURRICULUM.framework().leaves();
    static final List<String> COMPETENCIES =
            CURRICULUM.framework().competencies().stream().map(Competency::id).toList();
    static final List<String> ACTIVITIES =
            CURRICULUM.activities().stream().map(Activity::id).toList();
    static final Instant START = Learners.START;
    static final LocalDate PLAN_START = Learners.PLAN_START;

    static final PathwayEvaluator RULES = new PathwayEvaluator();
    static final PathwayEvaluator HAND_CODED = HandCodedDefaultPolicy.evaluator();

    static List<CompiledPolicy> policies;
    static List<LearnerSnapshot> startingStates;

    @BeforeAll
    static void compilePoliciesAndStartingStates() {
        String yaml = DefaultPolicyPack.parameters().yaml();
        policies = List.of(
                Policies.compile(Policies.defaultPack()),
                Policies.compile(Policies.withMethod("power_law")),
                Policies.compile(Policies.withMethod("power_law", "{ scale_min: 1, scale_max: 4 }")),
                Policies.compile(Policies.withMethod("bkt")),
                Policies.compile(Policies.withMethod("standard_decaying_average")),
                Policies.compile(Policies.withMethod("n_mastery", "{ n: 2 }")),
                Policies.compile(Policies.withParameters(
                        "n-of-m-any",
                        yaml.replace("method: decaying_average", "method: n_of_m")
                                .replace("methodParameters: { w: 0.65 }", "methodParameters: { n: 2, m: 3 }")
                                .replace("    method: mean\n    methodParameters: {}\n", "")
                                .replace("rollup: all", "rollup: any")
                                .replace("maxOptions: 0", "maxOptions: 2"))),
                Policies.compile(Policies.withParameters(
                        "strict-percent",
                        yaml.replace("rollup: all", "rollup: at_least_percent 60")
                                .replace("struggleAfter: 3", "struggleAfter: 2")
                                .replace("stalledAfter: 8", "stalledAfter: 4")
                                .replace("teacherDirected: true", "teacherDirected: false")
                                .replace("maxInProgress: 3", "maxInProgress: 1"))));
        // Starting states built once with the rules: fresh, one strand mastered, most of a domain mastered.
        LearnerProfile profile = LearnerProfile.basic("learner", 7, "north");
        startingStates = new ArrayList<>();
        startingStates.add(LearnerSnapshot.fresh(profile));
        startingStates.add(Learners.withProgress(policies.get(0), CURRICULUM, profile, 2, 3, 3, 1));
        startingStates.add(Learners.withProgress(policies.get(0), CURRICULUM, profile, 2, 3, 5, 2));
        startingStates.add(Learners.withProgress(policies.get(0), CURRICULUM, profile, 1, 3, 2, 1));
    }

    @Test
    void handCodedPolicyMakesTheSamePathUpdatesAsTheRules() {
        java.util.concurrent.ConcurrentSkipListMap<Integer, String> failures =
                new java.util.concurrent.ConcurrentSkipListMap<>();
        IntStream seeds = IntStream.range(0, SEQUENCES);
        (PARALLEL ? seeds.parallel() : seeds).forEach(i -> {
            if (failures.isEmpty() || i < failures.firstKey()) {
                String mismatch = mismatch(Sequence.generate(SEED + i));
                if (mismatch != null) {
                    failures.put(i, mismatch);
                }
            }
        });
        if (!failures.isEmpty()) {
            int first = failures.firstKey();
            Sequence failing = Sequence.generate(SEED + first);
            Sequence smallest = shrink(failing);
            String again = mismatch(smallest);
            throw new AssertionError("sequence " + first + " (seed " + (SEED + first) + ") makes the hand-coded "
                    + "policy and the rules disagree (" + failures.size() + " failing sequence(s) seen).\n"
                    + "Smallest failing sequence (" + smallest.steps.size() + " of " + failing.steps.size()
                    + " steps):\n" + smallest + "\n"
                    + (again != null
                            ? again
                            : "(it agrees when run again; the first run disagreed " + failures.get(first) + ")"));
        }
    }

    @Test
    void generatedSequencesReachEveryKindOfDecision() {
        // guards the generator: the comparison above means little if the sequences never master, flag or remediate
        int mastered = 0;
        int flags = 0;
        int remediation = 0;
        int droppedBack = 0;
        int unlocked = 0;
        int late = 0;
        for (int i = 0; i < 2_000; i++) {
            Sequence sequence = Sequence.generate(SEED + i);
            LearnerSnapshot learner = sequence.start();
            List<Evidence> counted = new ArrayList<>(sequence.startingEvidence());
            for (Step step : sequence.steps) {
                try {
                    Evaluation evaluation = step.apply(RULES, sequence.policy(), learner, List.copyOf(counted));
                    learner = evaluation.learner();
                    if (step.evidence() != null) {
                        counted.add(step.evidence());
                    }
                    PathUpdate update = evaluation.update();
                    late += update.late() != null ? 1 : 0;
                    mastered += (int) update.masteryChanges().stream()
                            .filter(c -> c.to().isMastered())
                            .count();
                    flags += update.flags().size();
                    remediation += (int) update.nextSteps().stream()
                            .filter(s -> s.remediation())
                            .count();
                    droppedBack += update.droppedBack().size();
                    unlocked += update.unlocked().size();
                } catch (IllegalArgumentException e) {
                    // an override on an unknown activity and the like: compared like any outcome
                }
            }
        }
        assertThat(mastered).isGreaterThan(100);
        assertThat(flags).isGreaterThan(100);
        assertThat(remediation).isGreaterThan(10);
        assertThat(droppedBack).isGreaterThan(10);
        assertThat(unlocked).isGreaterThan(10);
        assertThat(late)
                .as("evidence counted at its place and the learner rebuilt")
                .isGreaterThan(100);
    }

    /**
     * Runs a sequence on both; null when they agree at every step (and a learner that started fresh equals a replay
     * of what counted), else both outcomes at the first difference.
     */
    static String mismatch(Sequence sequence) {
        LearnerSnapshot rulesLearner = sequence.start();
        LearnerSnapshot handLearner = sequence.start();
        List<Evidence> counted = new ArrayList<>(sequence.startingEvidence());
        List<TeacherOverride> overrides = new ArrayList<>();
        for (int i = 0; i < sequence.steps.size(); i++) {
            Step step = sequence.steps.get(i);
            LearnerSnapshot rulesBefore = rulesLearner;
            LearnerSnapshot handBefore = handLearner;
            List<Evidence> countedBefore = List.copyOf(counted);
            Outcome rules = Outcome.of(() -> step.apply(RULES, sequence.policy(), rulesBefore, countedBefore));
            Outcome hand = Outcome.of(() -> step.apply(HAND_CODED, sequence.policy(), handBefore, countedBefore));
            if (!rules.equals(hand)) {
                return "at step " + (i + 1) + " (" + step + ")\n--- rules:\n" + rules + "\n--- hand-coded:\n" + hand;
            }
            if (rules.evaluation != null) {
                rulesLearner = rules.evaluation.learner();
                handLearner = hand.evaluation.learner();
                if (step.evidence() != null) {
                    counted.add(step.evidence());
                } else if (step.override() != null) {
                    overrides.add(step.override());
                }
            }
        }
        if (sequence.stateIndex() == 0) {
            LearnerSnapshot replayed =
                    RULES.replay(sequence.policy(), CURRICULUM, sequence.profile(), counted, overrides);
            if (!replayed.competencies().equals(rulesLearner.competencies())) {
                return "after the last step the learner differs from a replay of what counted\n--- evaluated:\n"
                        + Normalized.text(rulesLearner) + "--- replayed:\n" + Normalized.text(replayed);
            }
        }
        return null;
    }

    /** Removes steps one at a time for as long as the sequence still fails, until no single removal keeps it failing. */
    static Sequence shrink(Sequence failing) {
        Sequence smallest = failing;
        boolean shrunk = true;
        while (shrunk) {
            shrunk = false;
            for (int i = smallest.steps.size() - 1; i >= 0 && smallest.steps.size() > 1; i--) {
                List<Step> fewer = new ArrayList<>(smallest.steps);
                fewer.remove(i);
                Sequence candidate =
                        new Sequence(smallest.seed, smallest.policyIndex, smallest.stateIndex, smallest.profile, fewer);
                if (mismatch(candidate) != null) {
                    smallest = candidate;
                    shrunk = true;
                }
            }
        }
        return smallest;
    }

    /** One generated case: a policy, a starting state, a learner profile and 1 to 8 steps. */
    record Sequence(long seed, int policyIndex, int stateIndex, LearnerProfile profile, List<Step> steps) {

        static Sequence generate(long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            int policy = random.nextInt(policies.size());
            int state = random.nextInt(startingStates.size());
            LearnerProfile profile = profile(random);
            int count = 1 + random.nextInt(8);
            List<Step> steps = new ArrayList<>(count);
            Instant clock = START.plus(Duration.ofDays(random.nextInt(60)));
            String focus = LEAVES.get(random.nextInt(LEAVES.size()));
            boolean outOfOrder = random.nextInt(3) == 0;
            List<Instant> observed = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                clock = clock.plus(pick(
                        random,
                        Duration.ofHours(1),
                        Duration.ofDays(1),
                        Duration.ofDays(4),
                        Duration.ofDays(9),
                        Duration.ofDays(30)));
                if (random.nextInt(3) > 0) {
                    focus = random.nextInt(4) == 0 ? focus : LEAVES.get(random.nextInt(LEAVES.size()));
                }
                Instant at = clock;
                if (outOfOrder && i > 0 && random.nextInt(3) == 0) {
                    // late: observed at an earlier step's instant (a tie), before the sequence, or between steps
                    at = switch (random.nextInt(3)) {
                        case 0 -> observed.get(random.nextInt(observed.size()));
                        case 1 -> START.minus(Duration.ofDays(1 + random.nextInt(5)));
                        default -> clock.minus(Duration.ofHours(1 + random.nextInt(24 * 20)));
                    };
                }
                observed.add(at);
                steps.add(Step.generate(random, "s" + i, profile.learnerId(), focus, clock, at));
            }
            return new Sequence(seed, policy, state, profile, steps);
        }

        @SafeVarargs
        private static <T> T pick(SplittableRandom random, T... choices) {
            return choices[random.nextInt(choices.length)];
        }

        private static LearnerProfile profile(SplittableRandom random) {
            List<String> interests = new ArrayList<>();
            for (String interest : List.of("sports", "music", "games", "art")) {
                if (random.nextInt(3) == 0) {
                    interests.add(interest);
                }
            }
            List<Modality> modalities = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) {
                Modality modality = Modality.values()[random.nextInt(Modality.values().length)];
                if (!modalities.contains(modality)) {
                    modalities.add(modality);
                }
            }
            Grouping grouping = random.nextInt(3) == 0 ? Grouping.values()[random.nextInt(3)] : null;
            List<Goal> goals = new ArrayList<>();
            for (int g = random.nextInt(3); g > 0; g--) {
                List<String> ids = new ArrayList<>();
                for (int c = 1 + random.nextInt(4); c > 0; c--) {
                    String id = COMPETENCIES.get(random.nextInt(COMPETENCIES.size()));
                    if (!ids.contains(id)) {
                        ids.add(id);
                    }
                }
                goals.add(new Goal(
                        "goal-" + g,
                        random.nextBoolean() ? "" : "Goal number " + g,
                        ids,
                        random.nextInt(4) == 0 ? null : PLAN_START.plusWeeks(1 + random.nextInt(20))));
            }
            LocalDate planStart = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> PLAN_START.plusWeeks(10);
                default -> PLAN_START;
            };
            return new LearnerProfile(
                    "learner",
                    random.nextInt(13),
                    "north",
                    interests,
                    List.of(),
                    List.of(),
                    modalities,
                    grouping,
                    goals,
                    planStart);
        }

        CompiledPolicy policy() {
            return policies.get(policyIndex);
        }

        LearnerSnapshot start() {
            return startingStates.get(stateIndex).withProfile(profile);
        }

        /** The evidence the starting state counts, rebuilt from its observations (one competency per piece). */
        List<Evidence> startingEvidence() {
            List<Evidence> evidence = new ArrayList<>();
            startingStates
                    .get(stateIndex)
                    .competencies()
                    .forEach((id, record) -> record.observations()
                            .forEach(o -> evidence.add(new Evidence(
                                    o.evidenceId(),
                                    profile.learnerId(),
                                    id,
                                    null,
                                    Score.fraction(o.score()),
                                    o.kind(),
                                    "setup",
                                    o.at()))));
            evidence.sort(java.util.Comparator.comparing(Evidence::observedAt));
            return evidence;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            text.append("policy ")
                    .append(policy().versionLabel())
                    .append(", starting state ")
                    .append(stateIndex)
                    .append(", seed ")
                    .append(seed)
                    .append('\n')
                    .append("profile ")
                    .append(profile)
                    .append('\n');
            for (Step step : steps) {
                text.append("  ").append(step).append('\n');
            }
            return text.toString();
        }
    }

    /**
     * One thing that happens to the learner at {@code at}: evidence (observed at its own time, perhaps earlier), a
     * teacher override or a next-step query.
     */
    record Step(Evidence evidence, TeacherOverride override, Instant query, Instant at) {

        /** A step at {@code at}; evidence is observed at {@code observedAt} (earlier when it arrives late). */
        static Step generate(
                SplittableRandom random, String id, String learnerId, String focus, Instant at, Instant observedAt) {
            int kind = random.nextInt(20);
            if (kind < 14) {
                return new Step(
                        new Evidence(
                                id, learnerId, focus, null, score(random), evidenceKind(random), "test", observedAt),
                        null,
                        null,
                        at);
            }
            if (kind < 16) {
                String activity = ACTIVITIES.get(random.nextInt(ACTIVITIES.size()));
                return new Step(
                        new Evidence(
                                id, learnerId, null, activity, score(random), evidenceKind(random), "test", observedAt),
                        null,
                        null,
                        at);
            }
            if (kind < 19) {
                OverrideKind overrideKind = OverrideKind.values()[random.nextInt(OverrideKind.values().length)];
                boolean onCompetency =
                        overrideKind == OverrideKind.SET_LEVEL || overrideKind == OverrideKind.CLEAR_LEVEL;
                return new Step(
                        null,
                        new TeacherOverride(
                                id,
                                learnerId,
                                overrideKind,
                                onCompetency ? COMPETENCIES.get(random.nextInt(COMPETENCIES.size())) : null,
                                onCompetency ? null : ACTIVITIES.get(random.nextInt(ACTIVITIES.size())),
                                MasteryLevel.values()[random.nextInt(MasteryLevel.values().length)],
                                "ms-lee",
                                "seen in class",
                                at),
                        null,
                        at);
            }
            return new Step(null, null, at, at);
        }

        private static Score score(SplittableRandom random) {
            double[] scores = {0.0, 0.3, 0.5, 0.59, 0.6, 0.65, 0.7, 0.75, 0.79, 0.8, 0.85, 0.9, 0.95, 1.0};
            return random.nextInt(5) == 0
                    ? new Score(random.nextInt(5), 0, 4)
                    : Score.fraction(scores[random.nextInt(scores.length)]);
        }

        private static EvidenceKind evidenceKind(SplittableRandom random) {
            return random.nextInt(3) == 0
                    ? EvidenceKind.SUMMATIVE
                    : EvidenceKind.values()[random.nextInt(EvidenceKind.values().length)];
        }

        /** The step as the service takes it, {@code counted} being the evidence the learner's state counts. */
        Evaluation apply(
                PathwayEvaluator evaluator, CompiledPolicy policy, LearnerSnapshot learner, List<Evidence> counted) {
            if (evidence != null) {
                return evaluator.evaluate(policy, CURRICULUM, learner, evidence, at, () -> counted);
            }
            if (override != null) {
                return evaluator.applyOverride(policy, CURRICULUM, learner, override, override.at(), () -> counted);
            }
            return new Evaluation(evaluator.nextSteps(policy, CURRICULUM, learner, query), learner);
        }

        @Override
        public String toString() {
            if (evidence != null) {
                return "evidence "
                        + (evidence.competencyId() != null
                                ? evidence.competencyId()
                                : "activity " + evidence.activityId())
                        + " " + evidence.score().normalized() + " "
                        + evidence.kind() + " observed at " + evidence.observedAt()
                        + (evidence.observedAt().equals(at) ? "" : ", arriving at " + at);
            }
            if (override != null) {
                return "override " + override.kind() + " "
                        + Objects.requireNonNullElse(override.competencyId(), override.activityId())
                        + (override.kind() == OverrideKind.SET_LEVEL ? " " + override.level() : "") + " at "
                        + override.at();
            }
            return "next steps at " + query;
        }
    }

    /** What one side made of a step: the update (compared without its trace) and snapshot, or the exception. */
    static final class Outcome {

        final Evaluation evaluation;
        final PathUpdate update;
        final String thrown;

        private Outcome(Evaluation evaluation, String thrown) {
            this.evaluation = evaluation;
            this.update = evaluation == null ? null : Normalized.withoutTrace(evaluation.update());
            this.thrown = thrown;
        }

        static Outcome of(java.util.function.Supplier<Evaluation> step) {
            try {
                return new Outcome(step.get(), null);
            } catch (RuntimeException e) {
                return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
            }
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Outcome o)) {
                return false;
            }
            if (evaluation == null || o.evaluation == null) {
                return evaluation == o.evaluation && Objects.equals(thrown, o.thrown);
            }
            return update.equals(o.update) && evaluation.learner().equals(o.evaluation.learner());
        }

        @Override
        public int hashCode() {
            return Objects.hash(update, thrown);
        }

        @Override
        public String toString() {
            return evaluation == null
                    ? "threw " + thrown
                    : Normalized.text(update) + "snapshot:\n" + Normalized.text(evaluation.learner());
        }
    }
}
