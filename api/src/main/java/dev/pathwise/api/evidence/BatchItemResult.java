package dev.pathwise.api.evidence;

import org.springframework.http.ProblemDetail;

/**
 * One item of a batch: its index, its evidence id, its HTTP-like status and either its outcome or its problem. The
 * outcome is the full path update, or its summary when the batch asked for {@code answer=summary}.
 */
public record BatchItemResult(
        int index,
        String evidenceId,
        int status,
        boolean replayed,
        PathUpdateJson update,
        PathSummaryJson summary,
        ProblemDetail problem) {

    /** A result with its full path update (or none), without a summary. */
    public BatchItemResult(
            int index, String evidenceId, int status, boolean replayed, PathUpdateJson update, ProblemDetail problem) {
        this(index, evidenceId, status, replayed, update, null, problem);
    }

    /** This result with the path update replaced by its summary. */
    BatchItemResult summarised() {
        return update == null
                ? this
                : new BatchItemResult(index, evidenceId, status, replayed, null, PathSummaryJson.of(update), problem);
    }
}
