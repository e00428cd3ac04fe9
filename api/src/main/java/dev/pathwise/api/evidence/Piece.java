package dev.pathwise.api.evidence;

import dev.pathwise.engine.evidence.Evidence;

/**
 * A validated piece of evidence: its tenant, its index in the request, as the engine takes it, and the hash of its
 * content (which makes its id an idempotency key).
 */
record Piece(String tenantId, int index, Evidence evidence, String contentHash) {

    String learnerId() {
        return evidence.learnerId();
    }

    String evidenceId() {
        return evidence.id();
    }
}
