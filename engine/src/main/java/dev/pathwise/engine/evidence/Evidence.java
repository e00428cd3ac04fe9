package dev.pathwise.engine.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of evidence about a learner: a scored observation on a competency, directly or through an activity.
 *
 * @param id            idempotency key, unique per tenant
 * @param learnerId     whose evidence it is
 * @param competencyId  the competency it speaks to, or {@code null} when it is known only through {@code activityId}
 * @param activityId    the activity that produced it, or {@code null}
 * @param score         the score on its own scale
 * @param kind          pre-assessment, formative, summative, observation or self-reflection
 * @param source        the system or person that sent it (for example "lms", "teacher:ms-lee")
 * @param observedAt    when the learner produced it
 */
public record Evidence(
        String id,
        String learnerId,
        String competencyId,
        String activityId,
        Score score,
        EvidenceKind kind,
        String source,
        Instant observedAt) {

    public Evidence {
        requireText(id, "id");
        requireText(learnerId, "learnerId");
        if (isBlank(competencyId) && isBlank(activityId)) {
            throw new IllegalArgumentException("competencyId/activityId: evidence " + id
                    + " names neither a competency nor an activity; send at least one of them");
        }
        Objects.requireNonNull(score, "score is required");
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(observedAt, "observedAt is required");
        source = source == null ? "" : source;
    }

    private static void requireText(String value, String field) {
        if (isBlank(value)) {
            throw new IllegalArgumentException(field + ": must not be blank");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
