package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.Observation;
import dev.pathwise.engine.learner.OverrideKind;
import dev.pathwise.engine.learner.TeacherOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The competencies a piece of evidence or a teacher override is about, and the checks that refuse evidence for
 * another learner, unknown ids and parent competencies (whose level rolls up from their children).
 */
final class Targets {

    private Targets() {}

    /** Adds the evidence to the records of the leaves it is about, and returns those leaves. */
    static List<String> observe(
            Curriculum curriculum, LearnerSnapshot learner, Evidence evidence, Map<String, CompetencyRecord> records) {
        if (!evidence.learnerId().equals(learner.learnerId())) {
            throw new IllegalArgumentException("learnerId: evidence " + evidence.id() + " is for learner '"
                    + evidence.learnerId() + "', not '" + learner.learnerId() + "'");
        }
        List<String> targets = leaves(curriculum, evidence);
        Observation observation =
                new Observation(evidence.id(), evidence.score().normalized(), evidence.kind(), evidence.observedAt());
        for (String target : targets) {
            records.put(target, learner.record(target).with(observation));
        }
        return targets;
    }

    /** The competency whose level the override sets or clears, or none for an override about an activity. */
    static List<String> ofOverride(Curriculum curriculum, LearnerSnapshot learner, TeacherOverride override) {
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

    /** The learner with {@code override} added to their overrides. */
    static LearnerSnapshot withOverride(LearnerSnapshot learner, TeacherOverride override) {
        List<TeacherOverride> history = new ArrayList<>(learner.overrides());
        history.add(override);
        return learner.withOverrides(history);
    }

    /** The leaf the evidence names, or the leaves its activity is aligned to. */
    private static List<String> leaves(Curriculum curriculum, Evidence evidence) {
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
        Activity activity = curriculum
                .activity(evidence.activityId())
                .orElseThrow(() -> new IllegalArgumentException("activityId: unknown activity '" + evidence.activityId()
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
}
