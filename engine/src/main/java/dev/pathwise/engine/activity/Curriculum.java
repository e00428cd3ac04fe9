package dev.pathwise.engine.activity;

import dev.pathwise.engine.framework.Framework;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A framework with the activities aligned to it, indexed by competency. Immutable and shared between evaluations.
 */
public final class Curriculum {

    private final Framework framework;
    private final Map<String, Activity> activities;
    private final Map<String, List<Activity>> byCompetency;

    private Curriculum(Framework framework, Map<String, Activity> activities,
                       Map<String, List<Activity>> byCompetency) {
        this.framework = framework;
        this.activities = activities;
        this.byCompetency = byCompetency;
    }

    /**
     * Builds a curriculum, checking that every activity id is unique and every alignment names a competency of the
     * framework.
     */
    public static Curriculum of(Framework framework, List<Activity> activities) {
        Map<String, Activity> byId = new LinkedHashMap<>();
        Map<String, List<Activity>> byCompetency = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Activity activity : activities) {
            if (byId.putIfAbsent(activity.id(), activity) != null) {
                problems.add("activity id '" + activity.id() + "' appears twice; give each activity its own id");
                continue;
            }
            for (String competencyId : activity.competencyIds()) {
                if (!framework.contains(competencyId)) {
                    problems.add("activity '" + activity.id() + "' is aligned to competency '" + competencyId
                            + "', which framework '" + framework.id() + "' does not have");
                } else {
                    byCompetency.computeIfAbsent(competencyId, c -> new ArrayList<>()).add(activity);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        byCompetency.replaceAll((id, list) -> List.copyOf(list));
        return new Curriculum(framework, Collections.unmodifiableMap(byId), Map.copyOf(byCompetency));
    }

    public Framework framework() {
        return framework;
    }

    public List<Activity> activities() {
        return List.copyOf(activities.values());
    }

    public Optional<Activity> activity(String activityId) {
        return Optional.ofNullable(activities.get(activityId));
    }

    /** The activities aligned to a competency, in the order given. */
    public List<Activity> activitiesFor(String competencyId) {
        return byCompetency.getOrDefault(competencyId, List.of());
    }
}
