/**
 * A learner's rights over their data: everything held about one learner as one JSON document
 * ({@code GET /v1/learners/{id}/export}), and erasure ({@code DELETE /v1/learners/{id}}): profile, state, evidence,
 * overrides, enrollments, xAPI mappings and roster links removed in one transaction, the audit keeping only a
 * tombstone without personal data.
 */
package dev.pathwise.api.privacy;
