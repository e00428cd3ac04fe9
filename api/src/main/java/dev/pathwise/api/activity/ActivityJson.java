package dev.pathwise.api.activity;

import java.util.List;

import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;

/** An activity as JSON. */
public record ActivityJson(String id, String title, List<String> competencyIds, ActivityKind kind, Modality modality,
                           Grouping grouping, Boolean online, Integer estimatedMinutes, List<String> tags) {

    public Activity toDomain() {
        return new Activity(id, title, competencyIds, kind, modality, grouping, online != null && online,
                estimatedMinutes == null ? 0 : estimatedMinutes, tags);
    }

    public static ActivityJson of(Activity a) {
        return new ActivityJson(a.id(), a.title(), a.competencyIds(), a.kind(), a.modality(), a.grouping(),
                a.online(), a.estimatedMinutes(), a.tags());
    }
}
