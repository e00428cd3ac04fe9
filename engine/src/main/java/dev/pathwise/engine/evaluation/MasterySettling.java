package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.facts.Assessment;
import dev.pathwise.engine.facts.Decisions;
import dev.pathwise.engine.facts.Explanation;
import dev.pathwise.engine.facts.LevelProposal;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.Observation;
import dev.pathwise.engine.learner.OverrideKind;
import dev.pathwise.engine.learner.Overrides;
import dev.pathwise.engine.mastery.MethodResult;
import dev.pathwise.engine.policy.BandParameters;
import dev.pathwise.engine.policy.EffectivePolicy;
import dev.pathwise.engine.policy.RuleRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The mastery phases for the leaves an evaluation touches: the grade band's method computes each score,
 * {@code mastery-classify} and {@code mastery-decide} set each level (a teacher's level winning), then
 * {@link ParentRollup} re-derives their ancestors.
 */
final class MasterySettling {

    private final int firingLimit;
    private final Function<EffectivePolicy, RuleRun> rules;
    private final ParentRollup rollup;

    MasterySettling(int firingLimit, Function<EffectivePolicy, RuleRun> rules) {
        this.firingLimit = firingLimit;
        this.rules = rules;
        this.rollup = new ParentRollup(firingLimit);
    }

    /**
     * Sets the level of each leaf target from its records (mastery phases) and of their ancestors and the parent
     * targets (rollup: a teacher may set a parent's level), with a teacher's level taking precedence, and returns what
     * changed (the teacher's levels are those of {@code learner}'s overrides). {@code records} is updated in place.
     */
    List<MasteryChange> settle(
            RuleRun session,
            Decisions decisions,
            EffectivePolicy effective,
            Framework framework,
            LearnerSnapshot learner,
            Map<String, CompetencyRecord> records,
            List<String> targets,
            boolean newEvidence) {
        if (targets.isEmpty()) {
            return List.of();
        }
        Overrides overrides = Overrides.of(learner.overrides());
        BandParameters parameters = effective.parameters();
        List<MasteryChange> changes = new ArrayList<>(targets.size() + 2);
        Map<String, MethodResult> results = new HashMap<>();
        List<String> leaves = targets.stream().filter(framework::isLeaf).toList();
        for (String target : leaves) {
            CompetencyRecord record = records.get(target);
            if (record == null || record.observations().isEmpty()) {
                continue;
            }
            MethodResult result = parameters.getMethod().apply(record.scores());
            results.put(target, result);
            session.insert(assessment(
                    target, record, result, rulesLevelBefore(effective, learner, target, record, newEvidence)));
        }
        session.fire(firingLimit, "mastery-classify", "mastery-decide");
        for (String target : leaves) {
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
                why = Explanation.byRule(dropped.rule(), "dropped back: %s; now %s", dropped.text(), why.toString());
            }
            List<Observation> observations = record.observations();
            Instant last = observations.isEmpty()
                    ? record.state().lastEvidenceAt()
                    : observations.get(observations.size() - 1).at();
            changes.add(SettledLevel.of(overrides, target, ruled, why)
                    .store(
                            records,
                            target,
                            record,
                            result == null ? 0.0 : classified(result),
                            observations.size(),
                            result == null ? "none" : result.methodUsed(),
                            last,
                            decisions.shortfalls().getOrDefault(target, List.of())));
        }
        rollup.rollUp(session, decisions, framework, records, targets, overrides, changes);
        return changes;
    }

    /**
     * The method's value rounded to 9 decimals: floating-point noise must not decide a threshold
     * (0.8·0.65 + 0.8·0.35 is 0.7999999999999999 in binary, and a learner scoring 0.80 throughout has met 0.80).
     */
    static double classified(MethodResult result) {
        return Math.rint(result.value() * 1e9) / 1e9;
    }

    private static Assessment assessment(
            String target, CompetencyRecord record, MethodResult result, MasteryLevel previousLevel) {
        List<Observation> observations = record.observations();
        int summatives = 0;
        for (Observation observation : observations) {
            if (observation.kind() == EvidenceKind.SUMMATIVE) {
                summatives++;
            }
        }
        Observation latest = observations.get(observations.size() - 1);
        return new Assessment(
                target,
                previousLevel,
                classified(result),
                result.methodUsed().replace('_', ' '),
                result.note(),
                result.allowsMastery(),
                observations.size(),
                summatives,
                latest.score(),
                latest.kind());
    }

    /**
     * The level the rules themselves gave a competency before this evaluation, which the demotion rules compare
     * with. It is the stored level unless a teacher ever set this competency's level: the stored level may then be
     * the teacher's, and a level the rules never gave must not hold at the demotion threshold once the teacher's
     * level is cleared. The rules' level is then re-derived from the earlier observations, one at a time.
     */
    private MasteryLevel rulesLevelBefore(
            EffectivePolicy effective,
            LearnerSnapshot learner,
            String target,
            CompetencyRecord record,
            boolean lastIsNew) {
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
}
