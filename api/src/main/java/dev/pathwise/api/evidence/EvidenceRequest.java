package dev.pathwise.api.evidence;

import java.time.Instant;

/**
 * One piece of evidence as a platform sends it. {@code observedAt} defaults to the time the server receives it.
 *
 * @param id           idempotency key, unique per tenant
 * @param learnerId    whose evidence it is
 * @param competencyId the competency (or give {@code activityId})
 * @param activityId   the activity that produced it
 * @param score        raw score and its scale
 * @param kind         PRE_ASSESSMENT, FORMATIVE, SUMMATIVE, OBSERVATION or SELF_REFLECTION
 * @param source       the sending system or person
 * @param observedAt   when the learner produced it
 */
public record EvidenceRequest(String id, String learnerId, String competencyId, String activityId, ScoreJson score,
                              String kind, String source, Instant observedAt) {

    /** A raw score on its scale; min defaults to 0 and max to 1. */
    public record ScoreJson(Double raw, Double min, Double max) {
    }
}
