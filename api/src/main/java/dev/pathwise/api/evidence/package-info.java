/**
 * Evidence ingestion: each piece is checked, evaluated under the tenant's policy and stored append-only with its
 * result in one transaction that holds the learner's row lock, so one learner's evidence is evaluated in order.
 * The evidence id is an idempotency key. Also the JSON form of a {@link dev.pathwise.engine.evaluation.PathUpdate},
 * and a learner's evidence read back as a timeline.
 */
package dev.pathwise.api.evidence;
