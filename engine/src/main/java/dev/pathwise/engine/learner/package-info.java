/**
 * Learners: profile, grade band, goals, the 0-4 mastery scale, per-competency records and teacher overrides.
 * A {@link dev.pathwise.engine.learner.LearnerSnapshot} is immutable; evaluating evidence yields the next one.
 */
package dev.pathwise.engine.learner;
