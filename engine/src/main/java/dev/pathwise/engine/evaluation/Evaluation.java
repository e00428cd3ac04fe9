package dev.pathwise.engine.evaluation;

import dev.pathwise.engine.learner.LearnerSnapshot;

/**
 * The result of evaluating evidence (or an override): the path update to report and the learner's next snapshot
 * to keep.
 */
public record Evaluation(PathUpdate update, LearnerSnapshot learner) {}
