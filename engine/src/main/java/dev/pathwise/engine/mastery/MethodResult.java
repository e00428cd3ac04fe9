package dev.pathwise.engine.mastery;

/**
 * What a mastery method concluded from a series of scores.
 *
 * @param value         the mastery value in [0, 1]
 * @param allowsMastery {@code false} when the method says "not yet" whatever the value (n_mastery and n_of_last_m
 *                      without enough scores at or above their threshold); {@code true} otherwise
 * @param methodUsed    the name of the method actually applied, as the policy called it: power_law falls back to
 *                      {@code "mean"} with fewer than 3 scores
 * @param note          what a teacher should know about the value, as a clause to follow the score ("2 of the 3
 *                      scores are at or above 0.8, and 3 are needed ..."), {@code ""} when there is nothing to say
 */
public record MethodResult(double value, boolean allowsMastery, String methodUsed, String note) {

    public MethodResult {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException("mastery value: " + value + " is outside [0, 1]; a mastery method"
                    + " must report a value between 0 and 1");
        }
        if (methodUsed == null || methodUsed.isBlank()) {
            throw new IllegalArgumentException("methodUsed: '" + methodUsed + "' is blank; name the mastery method"
                    + " that produced the value, for example \"mean\"");
        }
        note = note == null ? "" : note;
    }
}
