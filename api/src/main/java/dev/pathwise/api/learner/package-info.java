/**
 * Learners: profile, the stored snapshot (the engine's state per competency) and what is read from it: next steps,
 * pathway, mastery chart, and one cell of the chart explained. Teacher overrides with their audit trail live here too.
 */
package dev.pathwise.api.learner;
