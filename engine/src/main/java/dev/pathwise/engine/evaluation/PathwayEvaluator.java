package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.TeacherOverride;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.EffectivePolicy;
import dev.pathwise.engine.policy.RuleRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Evaluates one piece of evidence (or a teacher override, or a next-step query) for one learner under one policy
 * version, and returns the {@link PathUpdate} with the learner's next snapshot.
 *
 * <p>Phases, each a set of ruleflow groups in the policy's rule files ({@link Phases}): the engine computes the
 * mastery score with the grade band's method, then {@code mastery-classify} and {@code mastery-decide} set the level
 * ({@link MasterySettling}); {@code rollup} sets each parent's level from its children, deepest first
 * ({@link ParentRollup}); the planner finds the ready fringe and ranks activities; {@code pacing},
 * {@code choice-classify} and {@code choice-decide} raise flags and trim the options ({@link PathFacts},
 * {@link StepChoice}). A teacher's level wins over the rules' ({@link SettledLevel}). Late evidence rebuilds the
 * learner ({@link Replay}).
 *
 * <p>Time comes in as {@code now}; nothing reads a clock, so replaying the same evidence gives the same result.
 *
 * <p>Concurrency: an evaluator is stateless and may be called from many threads at once for different learners.
 * For one learner, the caller serializes evaluations (each takes the snapshot the previous one returned).
 */
public final class PathwayEvaluator {

    /** Rule firings allowed in one evaluation before it is cut off as a loop. */
    public static final int DEFAULT_FIRING_LIMIT = 10_000;

    private final Phases phases;
    private final Replay replay;

    /** An evaluator running the policy's compiled rules, cut off after {@link #DEFAULT_FIRING_LIMIT} firings. */
    public PathwayEvaluator() {
        this(DEFAULT_FIRING_LIMIT);
    }

    public PathwayEvaluator(int firingLimit) {
        this(firingLimit, policy -> policy.sessions().borrow());
    }

    /**
     * An evaluator whose rules run through {@code rules}: a pooled Drools session by default, or another
     * implementation of the same phases (a hand-coded baseline).
     */
    public PathwayEvaluator(int firingLimit, Function<EffectivePolicy, RuleRun> rules) {
        if (firingLimit < 1) {
            throw new IllegalArgumentException("firingLimit: " + firingLimit + " must be at least 1");
        }
        this.phases = new Phases(firingLimit, rules);
        this.replay = new Replay(phases);
    }

    /**
     * Evaluates one piece of evidence that counts after everything the learner already has
     * ({@link Timeline#countsLast}). Evidence that may arrive late goes through
     * {@link #evaluate(CompiledPolicy, Curriculum, LearnerSnapshot, Evidence, Instant, Supplier)}.
     *
     * @throws IllegalArgumentException when the evidence is for another learner, names an unknown competency or
     *                                  activity, or names a parent competency (whose level rolls up)
     * @throws dev.pathwise.engine.policy.RuleLoopException when the rules loop; the snapshot is then unchanged
     */
    public Evaluation evaluate(
            CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner, Evidence evidence, Instant now) {
        Map<String, CompetencyRecord> records = new HashMap<>(learner.competencies());
        List<String> targets = Targets.observe(curriculum, learner, evidence, records);
        return phases.run(policy, curriculum, learner, records, targets, evidence.id(), now);
    }

    /**
     * Evaluates one piece of evidence at its place in the learner's {@link Timeline}: evidence that counts last is
     * evaluated on the learner as they stand; late evidence (observed before evidence or an override already counted)
     * is counted at its place and the learner rebuilt by replaying {@code counted} with it, the update then reporting
     * what the rebuild changed and {@link PathUpdate#late()}.
     *
     * @param counted the evidence the learner's state counts, in arrival order (read only for late evidence)
     * @throws IllegalArgumentException as the evaluation of evidence that counts last does
     * @throws dev.pathwise.engine.policy.RuleLoopException when the rules loop; the snapshot is then unchanged
     */
    public Evaluation evaluate(
            CompiledPolicy policy,
            Curriculum curriculum,
            LearnerSnapshot learner,
            Evidence evidence,
            Instant now,
            Supplier<List<Evidence>> counted) {
        if (Timeline.countsLast(learner, evidence)) {
            return evaluate(policy, curriculum, learner, evidence, now);
        }
        // checked as evidence that counts last is, so that late evidence is refused for the same reasons
        Targets.observe(curriculum, learner, evidence, new HashMap<>());
        List<Evidence> evidenceWithIt = new ArrayList<>(counted.get());
        evidenceWithIt.add(evidence);
        return replay.rebuild(
                policy,
                curriculum,
                learner,
                evidenceWithIt,
                learner.overrides(),
                evidence.id(),
                evidence.observedAt(),
                now);
    }

    /**
     * Evaluates one piece of evidence for the learner's mastery only: the method, the mastery phases and the rollup,
     * the same as {@link #evaluate} does, without the planner, pacing and choice. This is what a replay needs.
     *
     * @throws IllegalArgumentException as {@link #evaluate} does
     * @throws dev.pathwise.engine.policy.RuleLoopException when the rules loop
     */
    public MasteryStep evaluateMastery(
            CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner, Evidence evidence) {
        return phases.mastery(policy, curriculum, learner, evidence);
    }

    /**
     * Records a teacher override and re-derives what it affects: the competency's level (set or handed back to the
     * rules) with its parents, and the next steps.
     */
    public Evaluation applyOverride(
            CompiledPolicy policy,
            Curriculum curriculum,
            LearnerSnapshot learner,
            TeacherOverride override,
            Instant now) {
        List<String> targets = Targets.ofOverride(curriculum, learner, override);
        return phases.run(
                policy,
                curriculum,
                Targets.withOverride(learner, override),
                new HashMap<>(learner.competencies()),
                targets,
                null,
                now);
    }

    /**
     * Records a teacher override at its place in the learner's {@link Timeline}: an override made after the learner's
     * latest evidence is applied as {@link #applyOverride(CompiledPolicy, Curriculum, LearnerSnapshot,
     * TeacherOverride, Instant)} does; one made before evidence already counted (evidence may be observed a little
     * in the future) rebuilds the learner by replaying {@code counted} with the override in its place.
     *
     * @param counted the evidence the learner's state counts, in arrival order (read only for a late override)
     */
    public Evaluation applyOverride(
            CompiledPolicy policy,
            Curriculum curriculum,
            LearnerSnapshot learner,
            TeacherOverride override,
            Instant now,
            Supplier<List<Evidence>> counted) {
        if (Timeline.countsLast(learner, override)) {
            return applyOverride(policy, curriculum, learner, override, now);
        }
        Targets.ofOverride(curriculum, learner, override);
        List<TeacherOverride> overrides = new ArrayList<>(learner.overrides());
        overrides.add(override);
        return replay.rebuild(policy, curriculum, learner, counted.get(), overrides, null, override.at(), now);
    }

    /** The next steps, flags and required steps for a learner as they stand, without new evidence. */
    public PathUpdate nextSteps(CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner, Instant now) {
        return phases.run(policy, curriculum, learner, learner.competencies(), List.of(), null, now)
                .update();
    }

    /**
     * Replays a learner's evidence from a fresh state in the order it counts ({@link Timeline}: by observation time,
     * ties in arrival order), with the overrides applied where they fall in time. This is how state is rebuilt and
     * verified, and how a policy change is simulated.
     *
     * @param evidence the evidence in arrival order
     */
    public LearnerSnapshot replay(
            CompiledPolicy policy,
            Curriculum curriculum,
            LearnerProfile profile,
            List<Evidence> evidence,
            List<TeacherOverride> overrides) {
        return replay.learner(policy, curriculum, profile, evidence, overrides, new HashMap<>());
    }
}
