package dev.pathwise.engine.facts;

/** The support a flag suggests. */
public enum Support {
    MINI_LESSON,
    SMALL_GROUP,
    TEACHER_CONFERENCE
}
