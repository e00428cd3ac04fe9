package dev.pathwise.api.learner;

import java.time.Instant;

/**
 * A teacher override, in (request: kind, competencyId or activityId, level, reason) and out (with id, author, the
 * author's user id when a person made it, and time). The author is the person signed in; a key of the tenant (a
 * system acting for a teacher) may name the author, else its label is used.
 */
public record OverrideJson(String id, String kind, String competencyId, String activityId, String level,
                           String author, String reason, Instant at, String authorUserId) {
}
