/**
 * Learners: profile, the stored snapshot (the engine's state per competency, with the number of evidence rows it
 * accounts for, checked by the database on every write) and what is read from it: next steps, pathway, mastery chart,
 * and one cell of the chart explained. {@link dev.pathwise.api.learner.LearnerEvaluations} is the one way a learner's
 * state changes (lock, evaluate, write); teacher overrides with their audit trail live here too.
 */
package dev.pathwise.api.learner;
