/**
 * Evaluation: one piece of evidence through a compiled policy into a {@link dev.pathwise.engine.evaluation.PathUpdate}
 * (mastery changes, unlocks, flags, ranked next steps, required steps, each explained) and the learner's next
 * snapshot. Also next-step queries, teacher overrides and replay.
 */
package dev.pathwise.engine.evaluation;
