package dev.pathwise.engine.learner;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A learner as the engine sees them before an evaluation: profile, a record per competency with evidence,
 * and the teacher overrides in force. Immutable; an evaluation returns the next snapshot.
 */
public record LearnerSnapshot(
        LearnerProfile profile, Map<String, CompetencyRecord> competencies, List<TeacherOverride> overrides) {

    public LearnerSnapshot {
        Objects.requireNonNull(profile, "profile");
        competencies = Collections.unmodifiableMap(new HashMap<>(competencies));
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    public static LearnerSnapshot fresh(LearnerProfile profile) {
        return new LearnerSnapshot(profile, Map.of(), List.of());
    }

    public String learnerId() {
        return profile.learnerId();
    }

    public CompetencyRecord record(String competencyId) {
        CompetencyRecord record = competencies.get(competencyId);
        return record != null ? record : CompetencyRecord.empty(competencyId);
    }

    public MasteryState state(String competencyId) {
        return record(competencyId).state();
    }

    public MasteryLevel level(String competencyId) {
        CompetencyRecord record = competencies.get(competencyId);
        return record != null ? record.state().level() : MasteryLevel.NO_EVIDENCE;
    }

    public LearnerSnapshot withProfile(LearnerProfile next) {
        return new LearnerSnapshot(next, competencies, overrides);
    }

    public LearnerSnapshot withOverrides(List<TeacherOverride> next) {
        return new LearnerSnapshot(profile, competencies, next);
    }
}
