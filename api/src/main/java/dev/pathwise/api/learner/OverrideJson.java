package dev.pathwise.api.learner;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.Instant;

/**
 * A teacher override, in (request: kind, competencyId or activityId, level, reason) and out (with id, author, the
 * author's user id when a person made it, and time). The author is the person signed in; a key of the tenant (a
 * system acting for a teacher) may name the author, else its label is used.
 */
public record OverrideJson(
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String id,

        @Schema(
                requiredMode = RequiredMode.REQUIRED,
                allowableValues = {"SET_LEVEL", "CLEAR_LEVEL", "ASSIGN_STEP", "REMOVE_STEP"})
        String kind,

        @Schema(description = "For SET_LEVEL and CLEAR_LEVEL", example = "ratio.concept")
        String competencyId,

        @Schema(description = "For ASSIGN_STEP and REMOVE_STEP")
        String activityId,

        @Schema(
                description = "For SET_LEVEL",
                allowableValues = {"NO_EVIDENCE", "BEGINNING", "APPROACHING", "MASTERED", "EXCEEDING"})
        String level,

        @Schema(description = "Set from the person signed in; a key may name the teacher it acts for")
        String author,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "Showed it in class discussion")
        String reason,

        @Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant at,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) String authorUserId) {}
