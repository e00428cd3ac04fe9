package dev.pathwise.engine.planner;

/** Where a competency stands on a learner's pathway. */
public enum PathwayStatus {
    /** Mastered or exceeding. */
    MASTERED,
    /** Evidence, not mastered yet. */
    IN_PROGRESS,
    /** No evidence yet, every prerequisite mastered: ready to learn. */
    READY,
    /** Some prerequisite not mastered yet. */
    LOCKED
}
