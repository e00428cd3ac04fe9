package dev.pathwise.engine.learner;

/** What a teacher's override does. */
public enum OverrideKind {
    /** Sets a competency's level, whatever the rules say, until cleared or set again. */
    SET_LEVEL,
    /** Hands a competency's level back to the rules. */
    CLEAR_LEVEL,
    /** Makes an activity a required next step. */
    ASSIGN_STEP,
    /** Takes an activity out of the learner's options (and out of the required steps). */
    REMOVE_STEP
}
