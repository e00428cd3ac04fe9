package dev.pathwise.engine.activity;

/** How many learners take part in an activity together. */
public enum Grouping {
    INDIVIDUAL,
    SMALL_GROUP,
    LARGE_GROUP
}
