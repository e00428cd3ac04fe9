package dev.pathwise.engine.learner;

import dev.pathwise.engine.evidence.EvidenceKind;
import java.time.Instant;

/**
 * One normalized score in a competency's history: what the mastery methods read.
 *
 * @param evidenceId the evidence it came from
 * @param score      normalized score in [0, 1]
 * @param kind       the evidence kind
 * @param at         when it was observed
 */
public record Observation(String evidenceId, double score, EvidenceKind kind, Instant at) {}
