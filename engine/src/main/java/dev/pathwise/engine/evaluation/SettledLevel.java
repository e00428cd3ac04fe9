package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.facts.Explanation;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.learner.MasteryState;
import dev.pathwise.engine.learner.Overrides;
import dev.pathwise.engine.learner.TeacherOverride;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The level a competency settles at, and why: a teacher's level wins over the rules' level, and its explanation
 * keeps what the rules said. Leaves and parents settle the same way.
 */
record SettledLevel(MasteryLevel level, Explanation why) {

    /** The teacher's level for {@code id} when a teacher set one, else {@code ruled} with the rules' reason. */
    static SettledLevel of(Overrides overrides, String id, MasteryLevel ruled, Explanation why) {
        var teacher = overrides.level(id);
        if (teacher.isEmpty()) {
            return new SettledLevel(ruled, why);
        }
        TeacherOverride override = teacher.get();
        return new SettledLevel(
                override.level(),
                Explanation.byRule(
                        "",
                        "set by %s: %s (the rules say %s: %s)",
                        override.author(),
                        override.reason(),
                        ruled.label(),
                        why.toString()));
    }

    /**
     * Stores the competency's new state in {@code records} and returns the change from its state in {@code record}.
     */
    MasteryChange store(
            Map<String, CompetencyRecord> records,
            String id,
            CompetencyRecord record,
            double score,
            int evidenceCount,
            String method,
            Instant lastEvidenceAt,
            List<Explanation> shortfalls) {
        MasteryState before = record.state();
        MasteryState after = new MasteryState(id, level, score, evidenceCount, method, lastEvidenceAt);
        records.put(id, record.withState(after));
        return new MasteryChange(
                id, before.level(), level, before.score(), score, method, evidenceCount, why, List.copyOf(shortfalls));
    }
}
