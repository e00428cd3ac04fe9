package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.facts.ChildrenRollup;
import dev.pathwise.engine.facts.Decisions;
import dev.pathwise.engine.facts.Explanation;
import dev.pathwise.engine.facts.LevelProposal;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.MasteryState;
import dev.pathwise.engine.learner.Overrides;
import dev.pathwise.engine.policy.RuleRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code rollup} phase: every ancestor of the competencies an evaluation touched gets its level from its
 * children, deepest first, so that a parent sees its children's new levels. Its score is the mean score of the
 * children with evidence.
 */
final class ParentRollup {

    private final int firingLimit;

    ParentRollup(int firingLimit) {
        this.firingLimit = firingLimit;
    }

    /**
     * Re-derives every ancestor of {@code targets} from its children, and a target that is itself a parent (a
     * teacher set or cleared its level), adding what changed to {@code changes}.
     */
    void rollUp(
            RuleRun session,
            Decisions decisions,
            Framework framework,
            Map<String, CompetencyRecord> records,
            List<String> targets,
            Overrides overrides,
            List<MasteryChange> changes) {
        Set<String> ancestors = new LinkedHashSet<>();
        for (String target : targets) {
            if (!framework.isLeaf(target)) {
                ancestors.add(target);
            }
            ancestors.addAll(framework.ancestors(target));
        }
        if (ancestors.isEmpty()) {
            return;
        }
        List<String> deepestFirst = new ArrayList<>(ancestors);
        deepestFirst.sort(
                Comparator.comparingInt((String id) -> framework.ancestors(id).size())
                        .reversed());
        for (String parent : deepestFirst) {
            Children children = Children.of(framework.children(parent), records);
            CompetencyRecord record = records.getOrDefault(parent, CompetencyRecord.empty(parent));
            decisions.clearLevels();
            session.insert(new ChildrenRollup(
                    parent,
                    children.count(),
                    children.mastered(),
                    children.withEvidence(),
                    record.state().level()));
            session.fire(firingLimit, "rollup");
            LevelProposal decided = decisions.levels().get(parent);
            MasteryLevel ruled =
                    decided != null ? decided.getLevel() : record.state().level();
            Explanation why = decided != null
                    ? decided.getWhy()
                    : Explanation.byRule("", "no rollup rule decided; the level stays");
            changes.add(SettledLevel.of(overrides, parent, ruled, why)
                    .store(
                            records,
                            parent,
                            record,
                            children.score(),
                            children.evidence(),
                            children.label(),
                            children.last(),
                            List.of()));
        }
    }

    /**
     * How a parent's children stand.
     *
     * @param count        children in the framework
     * @param mastered     children mastered (or exceeding)
     * @param withEvidence children with evidence or a level
     * @param score        the mean score of the children with evidence, 0 when none has any
     * @param evidence     the evidence the children with evidence rest on, summed
     * @param last         the latest evidence among the children, or {@code null}
     */
    private record Children(int count, int mastered, int withEvidence, double score, int evidence, Instant last) {

        /**
         * What the parent's level rests on, shown as its method: "rollup (2 of 3 children mastered)". The rollup rule
         * itself is in the level's explanation.
         */
        String label() {
            return "rollup (" + mastered + " of " + count + " children mastered)";
        }

        static Children of(List<String> children, Map<String, CompetencyRecord> records) {
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
                    if (state.lastEvidenceAt() != null
                            && (last == null || state.lastEvidenceAt().isAfter(last))) {
                        last = state.lastEvidenceAt();
                    }
                }
            }
            return new Children(
                    children.size(),
                    mastered,
                    withEvidence,
                    withEvidence == 0 ? 0.0 : scoreSum / withEvidence,
                    evidence,
                    last);
        }
    }
}
