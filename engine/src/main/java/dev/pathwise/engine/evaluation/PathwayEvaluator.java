package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.facts.Assessment;
import dev.pathwise.engine.facts.ChildrenRollup;
import dev.pathwise.engine.facts.Decisions;
import dev.pathwise.engine.facts.Explanation;
import dev.pathwise.engine.facts.GoalPace;
import dev.pathwise.engine.facts.LevelProposal;
import dev.pathwise.engine.facts.Option;
import dev.pathwise.engine.facts.Pace;
import dev.pathwise.engine.facts.Progress;
import dev.pathwise.engine.facts.ReadyCompetency;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.Goal;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.MasteryState;
import dev.pathwise.engine.learner.Observation;
import dev.pathwise.engine.learner.TeacherOverride;
import dev.pathwise.engine.learner.OverrideKind;
import dev.pathwise.engine.learner.Overrides;
import dev.pathwise.engine.mastery.MethodResult;
import dev.pathwise.engine.planner.Planner;
import dev.pathwise.engine.policy.BandParameters;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.EffectivePolicy;
import dev.pathwise.engine.policy.RuleRun;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Evaluates one piece of evidence (or a teacher override, or a next-step query) for one learner under one policy
 * version, and returns the {@link PathUpdate} with the learner's next snapshot.
 *
 * <p>Phases, each a set of ruleflow groups (agenda groups) in the policy's rule files: the engine computes the mastery score with the
 * grade band's method, then {@code mastery-classify} and {@code mastery-decide} set the level; {@code rollup} sets
 * each parent's level from its children, deepest first; the planner finds the ready fringe and ranks activities;
 * {@code pacing}, {@code choice-classify} and {@code choice-decide} raise flags and trim the options.
 *
 * <p>Time comes in as {@code now}; nothing reads a clock, so replaying the same evidence gives the same result.
 *
 * <p>Concurrency: an evaluator is stateless and may be called from many threads at once for different learners.
 * For one learner, the caller serializes evaluations (each takes the snapshot the previous one returned).
 */
public final class PathwayEvaluator {

    /** Rule firings allowed in one evaluation before it is cut off as a loop. */
    public static final int DEFAULT_FIRING_LIMIT = 10_000;

    private final int firingLimit;
    private final Function<EffectivePolicy, RuleRun> rules;

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
        this.firingLimit = firingLimit;
        this.rules = rules;
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
    public Evaluation evaluate(CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner,
                               Evidence evidence, Instant now) {
        Map<String, CompetencyRecord> records = new HashMap<>(learner.competencies());
        List<String> targets = observe(curriculum, learner, evidence, records);
        return run(policy, curriculum, learner, records, targets, evidence.id(), now);
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
    public Evaluation evaluate(CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner,
                               Evidence evidence, Instant now, Supplier<List<Evidence>> counted) {
        if (Timeline.countsLast(learner, evidence)) {
            return evaluate(policy, curriculum, learner, evidence, now);
        }
        // checked as evidence that counts last is, so that late evidence is refused for the same reasons
        observe(curriculum, learner, evidence, new HashMap<>());
        List<Evidence> evidenceWithIt = new ArrayList<>(counted.get());
        evidenceWithIt.add(evidence);
        return rebuild(policy, curriculum, learner, evidenceWithIt, learner.overrides(), evidence.id(),
                evidence.observedAt(), now);
    }

    /**
     * Evaluates one piece of evidence for the learner's mastery only: the method, the mastery phases and the rollup,
     * the same as {@link #evaluate} does, without the planner, pacing and choice. This is what a replay needs.
     *
     * @throws IllegalArgumentException as {@link #evaluate} does
     * @throws dev.pathwise.engine.policy.RuleLoopException when the rules loop
     */
    public MasteryStep evaluateMastery(CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner,
                                       Evidence evidence) {
        Map<String, CompetencyRecord> records = new HashMap<>(learner.competencies());
        List<String> targets = observe(curriculum, learner, evidence, records);
        return runMastery(policy, curriculum, learner, records, targets, true);
    }

    /** Adds the evidence to the records of the leaves it is about, and returns those leaves. */
    private static List<String> observe(Curriculum curriculum, LearnerSnapshot learner, Evidence evidence,
                                        Map<String, CompetencyRecord> records) {
        if (!evidence.learnerId().equals(learner.learnerId())) {
            throw new IllegalArgumentException("learnerId: evidence " + evidence.id() + " is for learner '"
                    + evidence.learnerId() + "', not '" + learner.learnerId() + "'");
        }
        List<String> targets = targets(curriculum, evidence);
        Observation observation = new Observation(evidence.id(), evidence.score().normalized(), evidence.kind(),
                evidence.observedAt());
        for (String target : targets) {
            records.put(target, learner.record(target).with(observation));
        }
        return targets;
    }

    /**
     * Records a teacher override and re-derives what it affects: the competency's level (set or handed back to the
     * rules) with its parents, and the next steps.
     */
    public Evaluation applyOverride(CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner,
                                    TeacherOverride override, Instant now) {
        List<String> targets = overrideTargets(curriculum, learner, override);
        return run(policy, curriculum, withOverride(learner, override), new HashMap<>(learner.competencies()),
                targets, null, now);
    }

    /**
     * Records a teacher override at its place in the learner's {@link Timeline}: an override made after the learner's
     * latest evidence is applied as {@link #applyOverride(CompiledPolicy, Curriculum, LearnerSnapshot,
     * TeacherOverride, Instant)} does; one made before evidence already counted (evidence may be observed a little
     * in the future) rebuilds the learner by replaying {@code counted} with the override in its place.
     *
     * @param counted the evidence the learner's state counts, in arrival order (read only for a late override)
     */
    public Evaluation applyOverride(CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner,
                                    TeacherOverride override, Instant now, Supplier<List<Evidence>> counted) {
        if (Timeline.countsLast(learner, override)) {
            return applyOverride(policy, curriculum, learner, override, now);
        }
        overrideTargets(curriculum, learner, override);
        List<TeacherOverride> overrides = new ArrayList<>(learner.overrides());
        overrides.add(override);
        return rebuild(policy, curriculum, learner, counted.get(), overrides, null, override.at(), now);
    }

    /** Records a teacher override and re-derives the levels it affects, without next steps (for a replay). */
    private MasteryStep applyOverrideToMastery(CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner,
                                               TeacherOverride override) {
        List<String> targets = overrideTargets(curriculum, learner, override);
        return runMastery(policy, curriculum, withOverride(learner, override), new HashMap<>(learner.competencies()),
                targets, false);
    }

    /** The competency whose level the override sets or clears, or none for an override about an activity. */
    private static List<String> overrideTargets(Curriculum curriculum, LearnerSnapshot learner,
                                                TeacherOverride override) {
        if (!override.learnerId().equals(learner.learnerId())) {
            throw new IllegalArgumentException("learnerId: override " + override.id() + " is for learner '"
                    + override.learnerId() + "', not '" + learner.learnerId() + "'");
        }
        if (override.kind() == OverrideKind.SET_LEVEL || override.kind() == OverrideKind.CLEAR_LEVEL) {
            curriculum.framework().get(override.competencyId());
            return List.of(override.competencyId());
        }
        if (curriculum.activity(override.activityId()).isEmpty()) {
            throw new IllegalArgumentException("activityId: unknown activity '" + override.activityId() + "'");
        }
        return List.of();
    }

    private static LearnerSnapshot withOverride(LearnerSnapshot learner, TeacherOverride override) {
        List<TeacherOverride> history = new ArrayList<>(learner.overrides());
        history.add(override);
        return learner.withOverrides(history);
    }

    /** The next steps, flags and required steps for a learner as they stand, without new evidence. */
    public PathUpdate nextSteps(CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner, Instant now) {
        return run(policy, curriculum, learner, learner.competencies(), List.of(), null, now).update();
    }

    /**
     * Replays a learner's evidence from a fresh state in the order it counts ({@link Timeline}: by observation time,
     * ties in arrival order), with the overrides applied where they fall in time. This is how state is rebuilt and
     * verified, and how a policy change is simulated.
     *
     * @param evidence the evidence in arrival order
     */
    public LearnerSnapshot replay(CompiledPolicy policy, Curriculum curriculum, LearnerProfile profile,
                                  List<Evidence> evidence, List<TeacherOverride> overrides) {
        return replay(policy, curriculum, profile, evidence, overrides, new HashMap<>());
    }

    /** As {@link #replay}, keeping in {@code lastChanges} the last change of each competency the replay made. */
    private LearnerSnapshot replay(CompiledPolicy policy, Curriculum curriculum, LearnerProfile profile,
                                   List<Evidence> evidence, List<TeacherOverride> overrides,
                                   Map<String, MasteryChange> lastChanges) {
        LearnerSnapshot learner = LearnerSnapshot.fresh(profile);
        List<TeacherOverride> pending = Timeline.overridesInOrder(overrides);
        int next = 0;
        for (Evidence item : Timeline.inOrder(evidence)) {
            while (next < pending.size() && !pending.get(next).at().isAfter(item.observedAt())) {
                learner = keep(applyOverrideToMastery(policy, curriculum, learner, pending.get(next++)), lastChanges);
            }
            learner = keep(evaluateMastery(policy, curriculum, learner, item), lastChanges);
        }
        for (; next < pending.size(); next++) {
            learner = keep(applyOverrideToMastery(policy, curriculum, learner, pending.get(next)), lastChanges);
        }
        return learner;
    }

    private static LearnerSnapshot keep(MasteryStep step, Map<String, MasteryChange> lastChanges) {
        step.changes().forEach(change -> lastChanges.put(change.competencyId(), change));
        return step.learner();
    }

    /**
     * The learner rebuilt by replaying {@code evidence} and {@code overrides}, reported as one update: each
     * competency whose record the rebuild changed (leaves, then parents deepest first), from where it stood to where
     * it stands now with the reason of its last change in the replay, then the path from the rebuilt state, with
     * {@link PathUpdate#late()} saying why.
     */
    private Evaluation rebuild(CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot before,
                               List<Evidence> evidence, List<TeacherOverride> overrides, String evidenceId,
                               Instant at, Instant now) {
        Map<String, MasteryChange> lastChanges = new HashMap<>();
        LearnerSnapshot rebuilt = replay(policy, curriculum, before.profile(), evidence, overrides, lastChanges);
        // leaves first, then parents deepest first: the order in which an evaluation reports its changes
        Framework framework = curriculum.framework();
        List<String> ids = new ArrayList<>();
        framework.competencies().forEach(competency -> ids.add(competency.id()));
        ids.sort(Comparator.comparing((String id) -> !framework.isLeaf(id))
                .thenComparing(Comparator.comparingInt((String id) -> framework.ancestors(id).size()).reversed()));
        List<MasteryChange> changes = new ArrayList<>();
        for (String id : ids) {
            CompetencyRecord was = before.competencies().get(id);
            CompetencyRecord is = rebuilt.competencies().get(id);
            if (java.util.Objects.equals(was, is)) {
                continue;
            }
            MasteryState from = before.state(id);
            MasteryState to = rebuilt.state(id);
            MasteryChange last = lastChanges.get(id);
            changes.add(new MasteryChange(id, from.level(), to.level(), from.score(), to.score(), to.method(),
                    to.evidenceCount(), last != null ? last.why() : Explanation.byRule("", "rebuilt: %s",
                    to.level().label()), last != null ? last.shortfalls() : List.of()));
        }
        LateArrival late = new LateArrival(at, Timeline.latest(before), Timeline.countedAfter(before, at),
                evidence.size());
        LearnerProfile profile = before.profile();
        EffectivePolicy effective = policy.resolve(profile.gradeBand(), profile.schoolId());
        Decisions decisions = new Decisions();
        try (RuleRun session = rules.apply(effective)) {
            session.setGlobal("decisions", decisions);
            session.insert(effective.parameters());
            return decide(session, decisions, effective, policy, curriculum, before, rebuilt, changes, evidenceId,
                    now, late);
        }
    }

    private static List<String> targets(Curriculum curriculum, Evidence evidence) {
        Framework framework = curriculum.framework();
        if (evidence.competencyId() != null && !evidence.competencyId().isBlank()) {
            String id = evidence.competencyId();
            framework.get(id);
            if (!framework.isLeaf(id)) {
                throw new IllegalArgumentException("competencyId: '" + id + "' is a parent competency whose level "
                        + "rolls up from its children " + framework.children(id) + "; send evidence for one of them");
            }
            return List.of(id);
        }
        Activity activity = curriculum.activity(evidence.activityId()).orElseThrow(() ->
                new IllegalArgumentException("activityId: unknown activity '" + evidence.activityId()
                        + "'; create the activity first or send a competencyId"));
        List<String> leaves = new ArrayList<>(activity.competencyIds().size());
        for (String id : activity.competencyIds()) {
            if (framework.isLeaf(id)) {
                leaves.add(id);
            }
        }
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("activityId: activity '" + activity.id() + "' is aligned only to "
                    + "parent competencies " + activity.competencyIds() + "; evidence needs a leaf competency");
        }
        return leaves;
    }

    private Evaluation run(CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner,
                           Map<String, CompetencyRecord> records, List<String> targets, String evidenceId,
                           Instant now) {
        LearnerProfile profile = learner.profile();
        EffectivePolicy effective = policy.resolve(profile.gradeBand(), profile.schoolId());
        BandParameters parameters = effective.parameters();
        Framework framework = curriculum.framework();
        Overrides overrides = Overrides.of(learner.overrides());
        Decisions decisions = new Decisions();

        try (RuleRun session = rules.apply(effective)) {
            session.setGlobal("decisions", decisions);
            session.insert(parameters);
            List<MasteryChange> changes = settleMastery(session, decisions, effective, framework, learner, records,
                    targets, overrides, evidenceId != null);

            // without targets no record changed: the learner (with any new override) is the next snapshot
            LearnerSnapshot next = targets.isEmpty() ? learner
                    : new LearnerSnapshot(profile, records, learner.overrides());
            return decide(session, decisions, effective, policy, curriculum, learner, next, changes, evidenceId, now,
                    null);
        }
    }

    /**
     * The path phases on the learner's next state: what became ready or dropped back since {@code before}, the ranked
     * options, pacing and choice rules, and the update reporting {@code changes}.
     */
    private Evaluation decide(RuleRun session, Decisions decisions, EffectivePolicy effective, CompiledPolicy policy,
                              Curriculum curriculum, LearnerSnapshot before, LearnerSnapshot next,
                              List<MasteryChange> changes, String evidenceId, Instant now, LateArrival late) {
        Framework framework = curriculum.framework();
        BandParameters parameters = effective.parameters();
        Overrides overrides = Overrides.of(next.overrides());
        List<CompetencyEvent> unlocked = new ArrayList<>();
        List<CompetencyEvent> droppedBack = new ArrayList<>();
        compareReadiness(framework, before, next, changes, decisions, unlocked, droppedBack);

        List<String> ready = Planner.readyToLearn(framework, next);
        List<Option> options = Planner.rankOptions(curriculum, next, ready, overrides);
        insertPathFacts(session, framework, next, parameters, ready, options, now);
        session.fire(firingLimit, "pacing", "choice-classify", "choice-decide");

        List<RequiredStep> required = new ArrayList<>();
        List<NextStepOption> steps = chooseSteps(options, decisions, overrides, required);
        PathUpdate update = new PathUpdate(next.learnerId(), evidenceId, policy.versionLabel(), now,
                List.copyOf(changes), List.copyOf(unlocked), List.copyOf(droppedBack),
                List.copyOf(decisions.flags()), steps, List.copyOf(required), decisions.optionLimitWhy(),
                session.firings(), late);
        return new Evaluation(update, next);
    }

    private MasteryStep runMastery(CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner,
                                   Map<String, CompetencyRecord> records, List<String> targets, boolean newEvidence) {
        LearnerProfile profile = learner.profile();
        EffectivePolicy effective = policy.resolve(profile.gradeBand(), profile.schoolId());
        Decisions decisions = new Decisions();
        List<MasteryChange> changes;
        try (RuleRun session = rules.apply(effective)) {
            session.setGlobal("decisions", decisions);
            session.insert(effective.parameters());
            changes = settleMastery(session, decisions, effective, curriculum.framework(), learner, records,
                    targets, Overrides.of(learner.overrides()), newEvidence);
        }
        return new MasteryStep(List.copyOf(changes), new LearnerSnapshot(profile, records, learner.overrides()));
    }

    /**
     * Sets the level of each target from its records (mastery phases) and of their ancestors (rollup), with a
     * teacher's level taking precedence, and returns what changed. {@code records} is updated in place.
     */
    private List<MasteryChange> settleMastery(RuleRun session, Decisions decisions, EffectivePolicy effective,
                                              Framework framework, LearnerSnapshot learner,
                                              Map<String, CompetencyRecord> records, List<String> targets,
                                              Overrides overrides, boolean newEvidence) {
        if (targets.isEmpty()) {
            return List.of();
        }
        BandParameters parameters = effective.parameters();
        List<MasteryChange> changes = new ArrayList<>(targets.size() + 2);
        Map<String, MethodResult> results = new HashMap<>();
        for (String target : targets) {
            CompetencyRecord record = records.get(target);
            if (record == null || record.observations().isEmpty()) {
                continue;
            }
            MethodResult result = parameters.getMethod().apply(record.scores());
            results.put(target, result);
            session.insert(assessment(target, record, result,
                    rulesLevelBefore(effective, learner, target, record, newEvidence)));
        }
        session.fire(firingLimit, "mastery-classify", "mastery-decide");
        for (String target : targets) {
            CompetencyRecord record = records.getOrDefault(target, CompetencyRecord.empty(target));
            MethodResult result = results.get(target);
            LevelProposal decided = decisions.levels().get(target);
            MasteryLevel ruled;
            Explanation why;
            if (decided != null) {
                ruled = decided.getLevel();
                why = decided.getWhy();
            } else if (result == null) {
                ruled = MasteryLevel.NO_EVIDENCE;
                why = Explanation.byRule("", "no evidence yet");
            } else {
                ruled = record.state().level();
                why = Explanation.byRule("", "no rule decided a level; it stays %s", ruled.label());
            }
            if (result != null && result.allowsMastery() && !result.note().isEmpty()) {
                // what the method says about its value (a capped power-law trend, ...) is never left out; when the
                // method says "not yet", its note is already the shortfall
                why = Explanation.byRule(why.rule(), "%s; %s", why.text(), result.note());
            }
            Explanation dropped = decisions.droppedBackCompetencies().get(target);
            if (dropped != null) {
                why = Explanation.byRule(dropped.rule(), "dropped back: %s; now %s",
                        dropped.text(), why.toString());
            }
            double score = result == null ? 0.0 : classified(result);
            String method = result == null ? "none" : result.methodUsed();
            changes.add(settle(records, target, record, ruled, why, score, method,
                    decisions.shortfalls().getOrDefault(target, List.of()), overrides));
        }
        rollUp(session, decisions, framework, parameters, records, targets, overrides, changes);
        return changes;
    }

    /**
     * The method's value rounded to 9 decimals: floating-point noise must not decide a threshold
     * (0.8·0.65 + 0.8·0.35 is 0.7999999999999999 in binary, and a learner scoring 0.80 throughout has met 0.80).
     */
    static double classified(MethodResult result) {
        return Math.rint(result.value() * 1e9) / 1e9;
    }

    private static Assessment assessment(String target, CompetencyRecord record, MethodResult result,
                                         MasteryLevel previousLevel) {
        List<Observation> observations = record.observations();
        int summatives = 0;
        for (Observation observation : observations) {
            if (observation.kind() == EvidenceKind.SUMMATIVE) {
                summatives++;
            }
        }
        Observation latest = observations.get(observations.size() - 1);
        return new Assessment(target, previousLevel, classified(result), methodLabel(result.methodUsed()),
                result.note(), result.allowsMastery(), observations.size(), summatives, latest.score(),
                latest.kind());
    }

    /**
     * The level the rules themselves gave a competency before this evaluation, which the demotion rules compare
     * with. It is the stored level unless a teacher ever set this competency's level: the stored level may then be
     * the teacher's, and a level the rules never gave must not hold at the demotion threshold once the teacher's
     * level is cleared. The rules' level is then re-derived from the earlier observations, one at a time.
     */
    private MasteryLevel rulesLevelBefore(EffectivePolicy effective, LearnerSnapshot learner, String target,
                                          CompetencyRecord record, boolean lastIsNew) {
        boolean teacherSetIt = learner.overrides().stream()
                .anyMatch(o -> o.kind() == OverrideKind.SET_LEVEL && target.equals(o.competencyId()));
        if (!teacherSetIt) {
            return record.state().level();
        }
        // the observations before this evaluation: without the new evidence, which may have arrived late and taken
        // its place among them in time
        List<Observation> observations = lastIsNew ? learner.record(target).observations() : record.observations();
        BandParameters parameters = effective.parameters();
        MasteryLevel level = MasteryLevel.NO_EVIDENCE;
        for (int n = 1; n <= observations.size(); n++) {
            CompetencyRecord prefix = new CompetencyRecord(record.state(), observations.subList(0, n));
            MethodResult result = parameters.getMethod().apply(prefix.scores());
            Decisions decisions = new Decisions();
            try (RuleRun session = rules.apply(effective)) {
                session.setGlobal("decisions", decisions);
                session.insert(parameters);
                session.insert(assessment(target, prefix, result, level));
                session.fire(firingLimit, "mastery-classify", "mastery-decide");
            }
            LevelProposal decided = decisions.levels().get(target);
            if (decided != null) {
                level = decided.getLevel();
            }
        }
        return level;
    }

    private static String methodLabel(String method) {
        return method.replace('_', ' ');
    }

    /** Stores the new state of a competency, with a teacher's level taking precedence over the rules'. */
    private static MasteryChange settle(Map<String, CompetencyRecord> records, String id, CompetencyRecord record,
                                        MasteryLevel ruled, Explanation why, double score, String method,
                                        List<Explanation> shortfalls, Overrides overrides) {
        MasteryLevel level = ruled;
        var teacher = overrides.level(id);
        if (teacher.isPresent()) {
            TeacherOverride override = teacher.get();
            level = override.level();
            why = Explanation.byRule("", "set by %s: %s (the rules say %s: %s)", override.author(),
                    override.reason(), ruled.label(), why.toString());
        }
        MasteryState before = record.state();
        Instant last = record.observations().isEmpty() ? before.lastEvidenceAt()
                : record.observations().get(record.observations().size() - 1).at();
        MasteryState after = new MasteryState(id, level, score, record.observations().size(), method, last);
        records.put(id, record.withState(after));
        return new MasteryChange(id, before.level(), level, before.score(), score, method,
                after.evidenceCount(), why, List.copyOf(shortfalls));
    }

    /** Re-derives every ancestor of the touched competencies from its children, deepest first. */
    private void rollUp(RuleRun session, Decisions decisions, Framework framework, BandParameters parameters,
                        Map<String, CompetencyRecord> records, List<String> targets, Overrides overrides,
                        List<MasteryChange> changes) {
        Set<String> ancestors = new LinkedHashSet<>();
        for (String target : targets) {
            ancestors.addAll(framework.ancestors(target));
        }
        if (ancestors.isEmpty()) {
            return;
        }
        List<String> deepestFirst = new ArrayList<>(ancestors);
        deepestFirst.sort(Comparator.comparingInt((String id) -> framework.ancestors(id).size()).reversed());
        for (String parent : deepestFirst) {
            List<String> children = framework.children(parent);
            int mastered = 0;
            int withEvidence = 0;
            double scoreSum = 0;
            int evidence = 0;
            Instant last = null;
            for (String child : children) {
                CompetencyRecord record = records.get(child);
                if (record == null) {
                    continue;
                }
                MasteryState state = record.state();
                if (state.level().isMastered()) {
                    mastered++;
                }
                if (state.evidenceCount() > 0 || state.level() != MasteryLevel.NO_EVIDENCE) {
                    withEvidence++;
                    scoreSum += state.score();
                    evidence += state.evidenceCount();
                    if (state.lastEvidenceAt() != null && (last == null || state.lastEvidenceAt().isAfter(last))) {
                        last = state.lastEvidenceAt();
                    }
                }
            }
            CompetencyRecord record = records.getOrDefault(parent, CompetencyRecord.empty(parent));
            decisions.clearLevels();
            session.insert(new ChildrenRollup(parent, children.size(), mastered, withEvidence, record.state().level()));
            session.fire(firingLimit, "rollup");
            LevelProposal decided = decisions.levels().get(parent);
            MasteryLevel ruled = decided != null ? decided.getLevel() : record.state().level();
            Explanation why = decided != null ? decided.getWhy()
                    : Explanation.byRule("", "no rollup rule decided; the level stays");
            double score = withEvidence == 0 ? 0.0 : scoreSum / withEvidence;
            MasteryLevel level = ruled;
            var teacher = overrides.level(parent);
            if (teacher.isPresent()) {
                level = teacher.get().level();
                why = Explanation.byRule("", "set by %s: %s (the rules say %s: %s)", teacher.get().author(),
                        teacher.get().reason(), ruled.label(), why.toString());
            }
            MasteryState before = record.state();
            MasteryState after = new MasteryState(parent, level, score, evidence,
                    "rollup (" + parameters.getRollup().describe() + ")", last);
            records.put(parent, record.withState(after));
            changes.add(new MasteryChange(parent, before.level(), level, before.score(), score, after.method(),
                    evidence, why, List.of()));
        }
    }

    /** Competencies that became ready to learn or stopped being mastered with this evaluation. */
    private static void compareReadiness(Framework framework, LearnerSnapshot before, LearnerSnapshot after,
                                         List<MasteryChange> changes, Decisions decisions,
                                         List<CompetencyEvent> unlocked, List<CompetencyEvent> droppedBack) {
        Set<String> candidates = new LinkedHashSet<>();
        for (MasteryChange change : changes) {
            boolean wasMastered = change.from().isMastered();
            boolean isMastered = change.to().isMastered();
            if (wasMastered && !isMastered) {
                Explanation why = decisions.droppedBackCompetencies().get(change.competencyId());
                droppedBack.add(new CompetencyEvent(change.competencyId(), why != null ? why : change.why()));
            }
            if (isMastered && !wasMastered) {
                candidates.addAll(framework.dependents(change.competencyId()));
            }
        }
        for (String id : candidates) {
            if (!after.level(id).isMastered() && framework.isLeaf(id)
                    && Planner.prerequisitesMastered(framework, after, id)
                    && !Planner.prerequisitesMastered(framework, before, id)) {
                unlocked.add(new CompetencyEvent(id, Explanation.byRule("",
                        "ready to learn: every prerequisite mastered (%s)",
                        String.join(", ", framework.prerequisites(id)))));
            }
        }
    }

    private static void insertPathFacts(RuleRun session, Framework framework, LearnerSnapshot learner,
                                        BandParameters parameters, List<String> ready, List<Option> options,
                                        Instant now) {
        LearnerProfile profile = learner.profile();
        int inProgress = 0;
        int mastered = 0;
        for (CompetencyRecord record : learner.competencies().values()) {
            String id = record.state().competencyId();
            if (!framework.hasLeaf(id)) {
                continue;
            }
            if (record.state().level().isMastered()) {
                mastered++;
            } else if (record.state().evidenceCount() > 0) {
                inProgress++;
                session.insert(new Progress(id, record.state().level(), record.state().score(),
                        record.state().evidenceCount(),
                        consecutiveBelow(record, parameters.getApproachingThreshold())));
            }
        }
        session.insert(new dev.pathwise.engine.facts.Learner(profile.learnerId(), profile.grade(),
                profile.gradeBand().label(), profile.schoolId(), profile.goals().size(), inProgress, mastered));
        LocalDate planStart = profile.planStart();
        if (planStart != null) {
            Instant start = planStart.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!now.isBefore(start)) {
                double weeks = Duration.between(start, now).toSeconds() / (7.0 * 24 * 3600);
                session.insert(new Pace(weeks, mastered));
                for (Goal goal : profile.goals()) {
                    if (goal.targetDate() == null || goal.competencyIds().isEmpty()) {
                        continue;
                    }
                    Instant target = goal.targetDate().atStartOfDay(ZoneOffset.UTC).toInstant();
                    double span = Duration.between(start, target).toSeconds();
                    double fraction = span <= 0 ? 1.0 : Duration.between(start, now).toSeconds() / span;
                    int goalMastered = 0;
                    for (String id : goal.competencyIds()) {
                        if (learner.level(id).isMastered()) {
                            goalMastered++;
                        }
                    }
                    session.insert(new GoalPace(goal.id(), goal.description().isEmpty() ? goal.id()
                            : goal.description(), goal.competencyIds().size(), goalMastered, fraction,
                            goal.targetDate()));
                }
            }
        }
        insertReadyCompetencies(session, learner, ready, options);
        if (session.matches(Option.class)) {
            for (Option option : options) {
                session.insert(option);
            }
        }
    }

    /** One {@link ReadyCompetency} per ready competency, counting the options the planner ranked for it. */
    private static void insertReadyCompetencies(RuleRun session, LearnerSnapshot learner, List<String> ready,
                                                List<Option> options) {
        Map<String, int[]> counts = new HashMap<>(ready.size() * 2);
        for (String id : ready) {
            counts.put(id, new int[2]);
        }
        for (Option option : options) {
            int[] count = counts.get(option.getCompetencyId());
            if (count != null) {
                count[0]++;
                if (option.isMatchesModality()) {
                    count[1]++;
                }
            }
        }
        List<Goal> goals = learner.profile().goals();
        for (String id : ready) {
            int[] count = counts.get(id);
            boolean onGoal = false;
            for (Goal goal : goals) {
                onGoal |= goal.competencyIds().contains(id);
            }
            session.insert(new ReadyCompetency(id, Planner.inProgress(learner, id), count[0], count[1], onGoal));
        }
    }

    /** How many of the latest results in a row scored below the approaching threshold. */
    static int consecutiveBelow(CompetencyRecord record, double threshold) {
        List<Observation> observations = record.observations();
        int count = 0;
        for (int i = observations.size() - 1; i >= 0 && observations.get(i).score() < threshold; i--) {
            count++;
        }
        return count;
    }

    /**
     * Orders the options that survived the choice rules (teacher-assigned first, then remediation, then the
     * planner's rank), applies the option limit, and keeps one goal option when the rules asked for it.
     */
    private static List<NextStepOption> chooseSteps(List<Option> options, Decisions decisions, Overrides overrides,
                                                    List<RequiredStep> required) {
        List<Option> eligible = new ArrayList<>(options.size());
        for (Option option : options) {
            if (!decisions.isExcluded(option)) {
                eligible.add(option);
            }
        }
        eligible.sort(Comparator.comparing((Option o) -> !o.isTeacherAssigned())
                .thenComparing(o -> decisions.remediationOf(o) == null)
                .thenComparingInt(Option::getRank));
        for (Option option : eligible) {
            if (option.isTeacherAssigned()) {
                TeacherOverride assigned = overrides.assignedSteps().get(option.getActivityId());
                required.add(new RequiredStep(option.getActivityId(), option.getCompetencyId(),
                        RequiredStep.Reason.TEACHER_ASSIGNED, Explanation.byRule("", "assigned by %s: %s",
                        assigned.author(), assigned.reason())));
            } else if (decisions.remediationOf(option) != null) {
                required.add(new RequiredStep(option.getActivityId(), option.getCompetencyId(),
                        RequiredStep.Reason.REMEDIATION, decisions.remediationOf(option)));
            }
        }
        int limit = decisions.optionLimit();
        int shown = limit <= 0 ? eligible.size() : Math.max(Math.min(limit, eligible.size()), required.size());
        List<Option> visible = new ArrayList<>(eligible.subList(0, shown));
        Option goalOption = null;
        if (decisions.goalOptionWhy() != null && visible.stream().noneMatch(Option::isOnGoal)) {
            goalOption = eligible.stream().filter(Option::isOnGoal).findFirst().orElse(null);
            if (goalOption != null) {
                int last = visible.size() - 1;
                if (last >= required.size()) {
                    visible.set(last, goalOption);
                } else {
                    visible.add(goalOption);
                }
            }
        }
        List<NextStepOption> steps = new ArrayList<>(visible.size());
        for (int i = 0; i < visible.size(); i++) {
            Option option = visible.get(i);
            List<String> reasons = new ArrayList<>(option.getReasons());
            Explanation remedy = decisions.remediationOf(option);
            if (remedy != null) {
                reasons.add(0, "remediation: " + remedy);
            }
            if (option == goalOption) {
                reasons.add("kept for the learner's goal: " + decisions.goalOptionWhy());
            }
            steps.add(new NextStepOption(i + 1, option.getActivityId(), option.getCompetencyId(), option.getKind(),
                    option.getModality(), option.getGrouping(), option.isTeacherAssigned() || remedy != null,
                    remedy != null, List.copyOf(reasons)));
        }
        return List.copyOf(steps);
    }
}
