package dev.pathwise.engine.activity;

import java.util.List;
import java.util.Objects;

/**
 * Something a learner can do next, aligned to one or more competencies.
 *
 * @param id               stable identifier
 * @param title            what a learner or teacher sees
 * @param competencyIds    the competencies it teaches or assesses (at least one)
 * @param kind             lesson, practice, project, assessment or mini-lesson
 * @param modality         video, text, hands-on, ...
 * @param grouping         individual, small group or large group
 * @param online           true when it happens on a device
 * @param estimatedMinutes how long it usually takes
 * @param tags             topics it touches, matched against learner interests
 */
public record Activity(
        String id,
        String title,
        List<String> competencyIds,
        ActivityKind kind,
        Modality modality,
        Grouping grouping,
        boolean online,
        int estimatedMinutes,
        List<String> tags) {

    public Activity {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: an activity needs a non-blank id");
        }
        title = title == null ? id : title;
        competencyIds = List.copyOf(Objects.requireNonNull(competencyIds, "competencyIds"));
        if (competencyIds.isEmpty()) {
            throw new IllegalArgumentException(
                    "competencyIds: activity '" + id + "' is aligned to no competency; align it to at least one");
        }
        Objects.requireNonNull(kind, () -> "kind: activity '" + id + "' needs a kind");
        Objects.requireNonNull(modality, () -> "modality: activity '" + id + "' needs a modality");
        Objects.requireNonNull(grouping, () -> "grouping: activity '" + id + "' needs a grouping");
        if (estimatedMinutes < 0) {
            throw new IllegalArgumentException(
                    "estimatedMinutes: " + estimatedMinutes + " for activity '" + id + "' must be zero or more");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
