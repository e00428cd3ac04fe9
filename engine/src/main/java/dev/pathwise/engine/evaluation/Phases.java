package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.facts.Decisions;
import dev.pathwise.engine.facts.Option;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.Overrides;
import dev.pathwise.engine.learner.TeacherOverride;
import dev.pathwise.engine.planner.Planner;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.EffectivePolicy;
import dev.pathwise.engine.policy.RuleRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The phases of one evaluation, run in one rule session of the learner's effective policy: the mastery phases
 * ({@link MasterySettling}), then the path phases on the learner's next state ({@link Readiness}, the planner,
 * {@link PathFacts}, the pacing and choice rules, {@link StepChoice}).
 */
final class Phases {

    private final int firingLimit;
    private final Function<EffectivePolicy, RuleRun> rules;
    private final MasterySettling mastery;

    Phases(int firingLimit, Function<EffectivePolicy, RuleRun> rules) {
        this.firingLimit = firingLimit;
        this.rules = rules;
        this.mastery = new MasterySettling(firingLimit, rules);
    }

    /** Every phase: the levels of {@code targets} (and their parents) from {@code records}, then the path. */
    Evaluation run(
            CompiledPolicy policy,
            Curriculum curriculum,
            LearnerSnapshot learner,
            Map<String, CompetencyRecord> records,
            List<String> targets,
            String evidenceId,
            Instant now) {
        LearnerProfile profile = learner.profile();
        return inSession(policy, profile, (session, decisions, effective) -> {
            List<MasteryChange> changes = mastery.settle(
                    session,
                    decisions,
                    effective,
                    curriculum.framework(),
                    learner,
                    records,
                    targets,
                    evidenceId != null);
            // without targets no record changed: the learner (with any new override) is the next snapshot
            LearnerSnapshot next =
                    targets.isEmpty() ? learner : new LearnerSnapshot(profile, records, learner.overrides());
            return decide(
                    session, decisions, effective, policy, curriculum, learner, next, changes, evidenceId, now, null);
        });
    }

    /** The mastery phases for one piece of evidence, without the path (what a replay needs). */
    MasteryStep mastery(CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner, Evidence evidence) {
        Map<String, CompetencyRecord> records = new HashMap<>(learner.competencies());
        List<String> targets = Targets.observe(curriculum, learner, evidence, records);
        return runMastery(policy, curriculum, learner, records, targets, true);
    }

    /** The mastery phases for one teacher override, without the path (what a replay needs). */
    MasteryStep mastery(
            CompiledPolicy policy, Curriculum curriculum, LearnerSnapshot learner, TeacherOverride override) {
        List<String> targets = Targets.ofOverride(curriculum, learner, override);
        return runMastery(
                policy,
                curriculum,
                Targets.withOverride(learner, override),
                new HashMap<>(learner.competencies()),
                targets,
                false);
    }

    /** The path phases on a learner rebuilt by a replay, reporting {@code changes} and why it was rebuilt. */
    Evaluation decideRebuilt(
            CompiledPolicy policy,
            Curriculum curriculum,
            LearnerSnapshot before,
            LearnerSnapshot rebuilt,
            List<MasteryChange> changes,
            String evidenceId,
            Instant now,
            LateArrival late) {
        return inSession(
                policy,
                before.profile(),
                (session, decisions, effective) -> decide(
                        session,
                        decisions,
                        effective,
                        policy,
                        curriculum,
                        before,
                        rebuilt,
                        changes,
                        evidenceId,
                        now,
                        late));
    }

    private MasteryStep runMastery(
            CompiledPolicy policy,
            Curriculum curriculum,
            LearnerSnapshot learner,
            Map<String, CompetencyRecord> records,
            List<String> targets,
            boolean newEvidence) {
        List<MasteryChange> changes = inSession(
                policy,
                learner.profile(),
                (session, decisions, effective) -> mastery.settle(
                        session, decisions, effective, curriculum.framework(), learner, records, targets, newEvidence));
        return new MasteryStep(
                List.copyOf(changes), new LearnerSnapshot(learner.profile(), records, learner.overrides()));
    }

    /**
     * Runs {@code work} in one rule session of the learner's effective policy, with the {@code decisions} global set
     * and the grade band's parameters inserted, and gives the session back when it is done.
     */
    private <T> T inSession(CompiledPolicy policy, LearnerProfile profile, SessionWork<T> work) {
        EffectivePolicy effective = policy.resolve(profile.gradeBand(), profile.schoolId());
        Decisions decisions = new Decisions();
        try (RuleRun session = rules.apply(effective)) {
            session.setGlobal("decisions", decisions);
            session.insert(effective.parameters());
            return work.run(session, decisions, effective);
        }
    }

    /** What runs in one session: the session, its {@code decisions} global and the effective policy. */
    @FunctionalInterface
    private interface SessionWork<T> {
        T run(RuleRun session, Decisions decisions, EffectivePolicy effective);
    }

    /**
     * The path phases on the learner's next state: what became ready or dropped back since {@code before}, the ranked
     * options, pacing and choice rules, and the update reporting {@code changes}.
     */
    private Evaluation decide(
            RuleRun session,
            Decisions decisions,
            EffectivePolicy effective,
            CompiledPolicy policy,
            Curriculum curriculum,
            LearnerSnapshot before,
            LearnerSnapshot next,
            List<MasteryChange> changes,
            String evidenceId,
            Instant now,
            LateArrival late) {
        Framework framework = curriculum.framework();
        Overrides overrides = Overrides.of(next.overrides());
        Readiness readiness = Readiness.compare(framework, before, next, changes, decisions);

        List<String> ready = Planner.readyToLearn(framework, next);
        List<Option> options = Planner.rankOptions(curriculum, next, ready, overrides);
        PathFacts.insert(session, framework, next, effective.parameters(), ready, options, now);
        session.fire(firingLimit, "pacing", "choice-classify", "choice-decide");

        StepChoice choice = StepChoice.of(options, decisions, overrides);
        PathUpdate update = new PathUpdate(
                next.learnerId(),
                evidenceId,
                policy.versionLabel(),
                now,
                reported(changes, framework),
                readiness.unlocked(),
                readiness.droppedBack(),
                List.copyOf(decisions.flags()),
                choice.steps(),
                choice.required(),
                decisions.optionLimitWhy(),
                session.firings(),
                late);
        return new Evaluation(update, next);
    }

    /**
     * The changes an update reports: every leaf the evaluation settled, and a parent only when its level or score
     * moved. A parent re-derived at the same level and score is stored (its evidence count may have grown) but is not
     * a change to report.
     */
    private static List<MasteryChange> reported(List<MasteryChange> changes, Framework framework) {
        List<MasteryChange> reported = new ArrayList<>(changes.size());
        for (MasteryChange change : changes) {
            if (framework.isLeaf(change.competencyId())
                    || change.from() != change.to()
                    || change.fromScore() != change.toScore()) {
                reported.add(change);
            }
        }
        return List.copyOf(reported);
    }
}
