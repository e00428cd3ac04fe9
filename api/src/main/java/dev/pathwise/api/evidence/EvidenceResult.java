package dev.pathwise.api.evidence;

/**
 * The outcome of ingesting one piece of evidence: the path update, and whether it was already stored (a retry of
 * the same evidence gets the stored result back and changes nothing).
 */
public record EvidenceResult(PathUpdateJson update, boolean replayed) {}
