package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.facts.Decisions;
import dev.pathwise.engine.facts.Explanation;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.planner.Planner;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an evaluation changed in what the learner may learn next.
 *
 * @param unlocked    leaves that became ready to learn: every prerequisite is now mastered
 * @param droppedBack competencies that stopped being mastered, with the rules' reason
 */
record Readiness(List<CompetencyEvent> unlocked, List<CompetencyEvent> droppedBack) {

    /** Compares the learner {@code before} and {@code after} the {@code changes}. */
    static Readiness compare(
            Framework framework,
            LearnerSnapshot before,
            LearnerSnapshot after,
            List<MasteryChange> changes,
            Decisions decisions) {
        List<CompetencyEvent> unlocked = new ArrayList<>();
        List<CompetencyEvent> droppedBack = new ArrayList<>();
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
            if (!after.level(id).isMastered()
                    && framework.isLeaf(id)
                    && Planner.prerequisitesMastered(framework, after, id)
                    && !Planner.prerequisitesMastered(framework, before, id)) {
                unlocked.add(new CompetencyEvent(
                        id,
                        Explanation.byRule(
                                "",
                                "ready to learn: every prerequisite mastered (%s)",
                                String.join(", ", framework.prerequisites(id)))));
            }
        }
        return new Readiness(List.copyOf(unlocked), List.copyOf(droppedBack));
    }
}
