package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.facts.Explanation;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryState;
import dev.pathwise.engine.learner.TeacherOverride;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A learner's evidence and overrides replayed from a fresh state in the order they count ({@link Timeline}), and
 * the rebuild that late evidence or a late override needs: the replay reported as one update.
 */
final class Replay {

    private final Phases phases;

    Replay(Phases phases) {
        this.phases = phases;
    }

    /**
     * The learner after {@code evidence} (in arrival order) and {@code overrides}, in the order they count, keeping
     * in {@code lastChanges} the last change of each competency the replay made.
     */
    LearnerSnapshot learner(
            CompiledPolicy policy,
            Curriculum curriculum,
            LearnerProfile profile,
            List<Evidence> evidence,
            List<TeacherOverride> overrides,
            Map<String, MasteryChange> lastChanges) {
        LearnerSnapshot learner = LearnerSnapshot.fresh(profile);
        List<TeacherOverride> pending = Timeline.overridesInOrder(overrides);
        int next = 0;
        for (Evidence item : Timeline.inOrder(evidence)) {
            while (next < pending.size() && !pending.get(next).at().isAfter(item.observedAt())) {
                learner = keep(phases.mastery(policy, curriculum, learner, pending.get(next++)), lastChanges);
            }
            learner = keep(phases.mastery(policy, curriculum, learner, item), lastChanges);
        }
        for (; next < pending.size(); next++) {
            learner = keep(phases.mastery(policy, curriculum, learner, pending.get(next)), lastChanges);
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
    Evaluation rebuild(
            CompiledPolicy policy,
            Curriculum curriculum,
            LearnerSnapshot before,
            List<Evidence> evidence,
            List<TeacherOverride> overrides,
            String evidenceId,
            Instant at,
            Instant now) {
        Map<String, MasteryChange> lastChanges = new HashMap<>();
        LearnerSnapshot rebuilt = learner(policy, curriculum, before.profile(), evidence, overrides, lastChanges);
        // leaves first, then parents deepest first: the order in which an evaluation reports its changes
        Framework framework = curriculum.framework();
        List<String> ids = new ArrayList<>();
        framework.competencies().forEach(competency -> ids.add(competency.id()));
        ids.sort(Comparator.comparing((String id) -> !framework.isLeaf(id))
                .thenComparing(Comparator.comparingInt(
                                (String id) -> framework.ancestors(id).size())
                        .reversed()));
        List<MasteryChange> changes = new ArrayList<>();
        for (String id : ids) {
            CompetencyRecord was = before.competencies().get(id);
            CompetencyRecord is = rebuilt.competencies().get(id);
            if (Objects.equals(was, is)) {
                continue;
            }
            MasteryState from = before.state(id);
            MasteryState to = rebuilt.state(id);
            MasteryChange last = lastChanges.get(id);
            changes.add(new MasteryChange(
                    id,
                    from.level(),
                    to.level(),
                    from.score(),
                    to.score(),
                    to.method(),
                    to.evidenceCount(),
                    last != null
                            ? last.why()
                            : Explanation.byRule("", "rebuilt: %s", to.level().label()),
                    last != null ? last.shortfalls() : List.of()));
        }
        LateArrival late =
                new LateArrival(at, Timeline.latest(before), Timeline.countedAfter(before, at), evidence.size());
        return phases.decideRebuilt(policy, curriculum, before, rebuilt, changes, evidenceId, now, late);
    }
}
