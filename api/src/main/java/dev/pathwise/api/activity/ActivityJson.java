package dev.pathwise.api.activity;

import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import java.time.Instant;
import java.util.List;

/**
 * An activity as JSON. {@code iri} is how learning platforms name it in xAPI statements (optional); statements about
 * that IRI become evidence on this activity. {@code retiredAt} (answers only) says when it was retired: no longer
 * offered or mapped, its evidence kept.
 */
public record ActivityJson(
        String id,
        String title,
        List<String> competencyIds,
        ActivityKind kind,
        Modality modality,
        Grouping grouping,
        Boolean online,
        Integer estimatedMinutes,
        List<String> tags,
        String iri,
        Instant retiredAt) {

    public Activity toDomain() {
        return new Activity(
                id,
                title,
                competencyIds,
                kind,
                modality,
                grouping,
                online != null && online,
                estimatedMinutes == null ? 0 : estimatedMinutes,
                tags);
    }

    public static ActivityJson of(Activity a) {
        return new ActivityJson(
                a.id(),
                a.title(),
                a.competencyIds(),
                a.kind(),
                a.modality(),
                a.grouping(),
                a.online(),
                a.estimatedMinutes(),
                a.tags(),
                null,
                null);
    }

    /** The same activity with the IRI and retirement time it is stored with. */
    ActivityJson stored(String storedIri, Instant storedRetiredAt) {
        return new ActivityJson(
                id,
                title,
                competencyIds,
                kind,
                modality,
                grouping,
                online,
                estimatedMinutes,
                tags,
                storedIri,
                storedRetiredAt);
    }
}
