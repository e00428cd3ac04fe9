package dev.pathwise.engine.activity;

/** What an activity asks of the learner. */
public enum ActivityKind {
    LESSON,
    PRACTICE,
    PROJECT,
    ASSESSMENT,
    MINI_LESSON
}
