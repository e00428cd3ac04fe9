package dev.pathwise.api.evidence;

import dev.pathwise.api.problem.ApiProblem;

/**
 * One item of a batch as the controller read it: its index, the evidence id it names (if it names one as text), and
 * either the request or the problem that made it unreadable.
 */
public record BatchItem(int index, String evidenceId, EvidenceRequest request, ApiProblem unreadable) {}
