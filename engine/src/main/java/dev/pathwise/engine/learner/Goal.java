package dev.pathwise.engine.learner;

import java.time.LocalDate;
import java.util.List;

/**
 * Something a learner aims for, possibly beyond grade level: a set of competencies, optionally by a date.
 *
 * @param id            stable identifier
 * @param description   the goal in the learner's words
 * @param competencyIds the competencies that make up the goal
 * @param targetDate    when the learner means to reach it, or {@code null}
 */
public record Goal(String id, String description, List<String> competencyIds, LocalDate targetDate) {

    public Goal {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("goals[].id: a goal needs a non-blank id");
        }
        description = description == null ? "" : description;
        competencyIds = competencyIds == null ? List.of() : List.copyOf(competencyIds);
    }
}
