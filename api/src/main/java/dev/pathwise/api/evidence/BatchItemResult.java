package dev.pathwise.api.evidence;

import org.springframework.http.ProblemDetail;

/** One item of a batch: its index, its evidence id, its HTTP-like status and either its update or its problem. */
public record BatchItemResult(
        int index, String evidenceId, int status, boolean replayed, PathUpdateJson update, ProblemDetail problem) {}
