package dev.pathwise.engine.activity;

/** How an activity presents its content; learners may prefer some modalities over others. */
public enum Modality {
    VIDEO,
    TEXT,
    AUDIO,
    HANDS_ON,
    DISCUSSION,
    INTERACTIVE
}
