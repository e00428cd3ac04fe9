package dev.pathwise.engine.learner;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The teacher overrides in force, from a learner's override history in order: the latest override on a competency
 * or activity wins.
 */
public final class Overrides {

    private final Map<String, TeacherOverride> levels;
    private final Map<String, TeacherOverride> assigned;
    private final Set<String> removed;

    private Overrides(Map<String, TeacherOverride> levels, Map<String, TeacherOverride> assigned, Set<String> removed) {
        this.levels = levels;
        this.assigned = assigned;
        this.removed = removed;
    }

    public static Overrides of(List<TeacherOverride> history) {
        if (history.isEmpty()) {
            return new Overrides(Map.of(), Map.of(), Set.of());
        }
        Map<String, TeacherOverride> levels = new HashMap<>();
        Map<String, TeacherOverride> assigned = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        for (TeacherOverride override : history) {
            switch (override.kind()) {
                case SET_LEVEL -> levels.put(override.competencyId(), override);
                case CLEAR_LEVEL -> levels.remove(override.competencyId());
                case ASSIGN_STEP -> {
                    assigned.put(override.activityId(), override);
                    removed.remove(override.activityId());
                }
                case REMOVE_STEP -> {
                    assigned.remove(override.activityId());
                    removed.add(override.activityId());
                }
            }
        }
        return new Overrides(levels, assigned, removed);
    }

    /** The level a teacher set on a competency, if one is in force. */
    public Optional<TeacherOverride> level(String competencyId) {
        return Optional.ofNullable(levels.get(competencyId));
    }

    /** Activities a teacher made required, by activity id, in the order assigned. */
    public Map<String, TeacherOverride> assignedSteps() {
        return assigned;
    }

    public boolean isRemoved(String activityId) {
        return removed.contains(activityId);
    }
}
