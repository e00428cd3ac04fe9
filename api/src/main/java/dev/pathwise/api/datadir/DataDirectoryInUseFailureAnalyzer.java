package dev.pathwise.api.datadir;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * A start that failed on a locked H2 file, found by {@link DataDirectoryCheck} or later by the connection pool, is
 * reported as one sentence with what to do, in place of the stack trace.
 */
public class DataDirectoryInUseFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataDirectoryInUseException inUse) {
                return analysis(inUse);
            }
        }
        if (DataDirectoryCheck.isLocked(failure)) {
            return analysis(new DataDirectoryInUseException("given by pathwise.data-dir", failure));
        }
        return null;
    }

    private static FailureAnalysis analysis(DataDirectoryInUseException inUse) {
        return new FailureAnalysis(
                inUse.getMessage(),
                "Stop the other Pathwise (Ctrl+C in its terminal), or run"
                        + " ./pathwise serve --pathwise.data-dir=<another folder>; deleting that folder starts afresh with"
                        + " the demo district.",
                inUse);
    }
}
