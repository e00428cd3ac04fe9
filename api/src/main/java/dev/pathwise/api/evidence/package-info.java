/**
 * Evidence ingestion: each piece is checked, evaluated under the tenant's policy at its place in the learner's
 * timeline (late evidence rebuilds the learner) and stored append-only with its result in one transaction that holds
 * the learner's row lock ({@link dev.pathwise.api.evidence.EvidenceTransaction}); a batch is evaluated before its
 * locks are taken ({@link dev.pathwise.api.evidence.BatchSpeculation}). The evidence table is
 * {@link dev.pathwise.api.evidence.EvidenceRepository}'s; the evidence id is an idempotency key. Also voiding,
 * verification against a replay, a learner's evidence read back as a timeline, and the JSON form of a
 * {@link dev.pathwise.engine.evaluation.PathUpdate}.
 */
package dev.pathwise.api.evidence;
