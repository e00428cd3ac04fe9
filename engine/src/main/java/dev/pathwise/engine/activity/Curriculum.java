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
 * A framework (or a tenant's frameworks combined) with the activities aligned to it, indexed by competency. Immutable
 * and shared between evaluations.
 */
public final class Curriculum {

    private final Framework framework;
    private final List<Framework> frameworks;
    private final Map<String, Framework> byCompetencyFramework;
    private final Map<String, Activity> activities;
    private final Map<String, List<Activity>> byCompetency;

    private Curriculum(
            Framework framework,
            List<Framework> frameworks,
            Map<String, Activity> activities,
            Map<String, List<Activity>> byCompetency) {
        this.framework = framework;
        this.frameworks = List.copyOf(frameworks);
        Map<String, Framework> owners = new HashMap<>();
        frameworks.forEach(f -> f.competencies().forEach(c -> owners.put(c.id(), f)));
        this.byCompetencyFramework = Map.copyOf(owners);
        this.activities = activities;
        this.byCompetency = byCompetency;
    }

    /**
     * A curriculum over several frameworks at once ({@link Framework#combine}): activities may align to competencies
     * of any of them, and an activity may span frameworks.
     */
    public static Curriculum of(List<Framework> frameworks, List<Activity> activities) {
        return build(Framework.combine(frameworks), frameworks, activities);
    }

    /**
     * Builds a curriculum, checking that every activity id is unique and every alignment names a competency of the
     * framework.
     */
    public static Curriculum of(Framework framework, List<Activity> activities) {
        return build(framework, List.of(framework), activities);
    }

    private static Curriculum build(Framework framework, List<Framework> frameworks, List<Activity> activities) {
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
                    byCompetency
                            .computeIfAbsent(competencyId, c -> new ArrayList<>())
                            .add(activity);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        byCompetency.replaceAll((id, list) -> List.copyOf(list));
        return new Curriculum(framework, frameworks, Collections.unmodifiableMap(byId), Map.copyOf(byCompetency));
    }

    /** All the curriculum's competencies as one framework: the only framework, or the frameworks combined. */
    public Framework framework() {
        return framework;
    }

    /** The frameworks the curriculum spans, in the order given. */
    public List<Framework> frameworks() {
        return frameworks;
    }

    /** The framework a competency belongs to. */
    public Optional<Framework> frameworkOf(String competencyId) {
        return Optional.ofNullable(byCompetencyFramework.get(competencyId));
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
