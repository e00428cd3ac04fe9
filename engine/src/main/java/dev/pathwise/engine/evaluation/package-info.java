/**
 * Evaluation: one piece of evidence through a compiled policy into a {@link dev.pathwise.engine.evaluation.PathUpdate}
 * (mastery changes, unlocks, flags, ranked next steps, required steps, each explained) and the learner's next
 * snapshot. Also next-step queries, teacher overrides and replay. A learner's evidence and overrides count in one
 * order, the {@link dev.pathwise.engine.evaluation.Timeline} (by observation time, ties in arrival order); late
 * evidence is placed there and the learner rebuilt.
 */
package dev.pathwise.engine.evaluation;
