package dev.pathwise.api.evidence;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
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
public record EvidenceRequest(
        @Schema(
                requiredMode = RequiredMode.REQUIRED,
                description = "Idempotency key, unique per tenant",
                example = "ev-1001")
        String id,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "ana")
        String learnerId,

        @Schema(description = "The competency; give it or activityId", example = "ratio.concept")
        String competencyId,

        @Schema(
                description = "The activity that produced it; its competency is used when competencyId is absent",
                example = "ratio-tables-practice")
        String activityId,

        @Schema(requiredMode = RequiredMode.REQUIRED) ScoreJson score,

        @Schema(
                requiredMode = RequiredMode.REQUIRED,
                allowableValues = {"PRE_ASSESSMENT", "FORMATIVE", "SUMMATIVE", "OBSERVATION", "SELF_REFLECTION"},
                example = "FORMATIVE")
        String kind,

        @Schema(description = "The sending system or person", example = "math-platform")
        String source,

        @Schema(
                description = "When the learner produced it (ISO 8601); defaults to the time it is received",
                example = "2026-12-01T09:00:00Z")
        Instant observedAt) {

    /** A raw score on its scale; min defaults to 0 and max to 1. */
    public record ScoreJson(
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "7")
            Double raw,

            @Schema(description = "Defaults to 0", example = "0")
            Double min,

            @Schema(description = "Defaults to 1", example = "10")
            Double max) {}
}
