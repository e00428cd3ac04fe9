package dev.pathwise.engine.learner;

import java.time.Instant;
import java.util.Objects;

/**
 * A teacher's decision that beats the rules, with who made it, why and when.
 *
 * @param id           stable identifier
 * @param learnerId    the learner it is about
 * @param kind         set or clear a level, assign or remove a step
 * @param competencyId the competency, for level overrides
 * @param activityId   the activity, for step overrides
 * @param level        the level set, for {@link OverrideKind#SET_LEVEL}
 * @param author       who made it
 * @param reason       why (required)
 * @param at           when
 */
public record TeacherOverride(
        String id,
        String learnerId,
        OverrideKind kind,
        String competencyId,
        String activityId,
        MasteryLevel level,
        String author,
        String reason,
        Instant at) {

    public TeacherOverride {
        Objects.requireNonNull(kind, "kind: an override needs a kind");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: an override needs a reason; say why the rules are set aside");
        }
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("author: an override needs an author");
        }
        switch (kind) {
            case SET_LEVEL -> {
                requireText(competencyId, "competencyId", kind);
                Objects.requireNonNull(level, "level: SET_LEVEL needs the level to set");
            }
            case CLEAR_LEVEL -> requireText(competencyId, "competencyId", kind);
            case ASSIGN_STEP, REMOVE_STEP -> requireText(activityId, "activityId", kind);
        }
        Objects.requireNonNull(at, "at");
    }

    private static void requireText(String value, String field, OverrideKind kind) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": " + kind + " needs a " + field);
        }
    }
}
