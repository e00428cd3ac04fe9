package dev.pathwise.api.learner;

import java.time.Instant;

/**
 * A teacher override, in (request: kind, competencyId or activityId, level, reason; author defaults to the key's
 * label) and out (with id, author and time).
 */
public record OverrideJson(String id, String kind, String competencyId, String activityId, String level,
                           String author, String reason, Instant at) {
}
