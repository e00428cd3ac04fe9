package dev.pathwise.engine.facts;

/** What a flag warns a teacher about. */
public enum FlagKind {
    BEHIND_PACE,
    STRUGGLING,
    STALLED
}
