package dev.pathwise.api.roster;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import found: errors (a strict rule broken: the import is refused, nothing is written), warnings (a
 * cosmetic column that was not as the specification says: accepted as noted) and skipped rows (read, and on purpose
 * not imported, with the reason). Each names the file, the line and, where it applies, the column.
 */
final class RosterProblems {

    /** A problem or a skipped row; {@code column} is 1-based, 0 for the whole row or file. */
    record Problem(String file, int line, int column, String field, String value, String message) {

        /** "users.csv:7:9: grades: ..." */
        String where() {
            return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
        }
    }

    private static final int MAX_LISTED = 1_000;

    private final List<Problem> errors = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final List<Problem> skipped = new ArrayList<>();
    private final java.util.Map<String, java.util.Set<String>> refused = new java.util.HashMap<>();
    private int errorCount;
    private int warningCount;
    private int skippedCount;

    void error(String file, int line, int column, String field, String value, String message) {
        errorCount++;
        if (errors.size() < MAX_LISTED) {
            errors.add(new Problem(file, line, column, field, shown(value), message));
        }
    }

    /** An error in a property of manifest.csv, which is read as a whole (no line or column). */
    void manifestError(String property, String value, String message) {
        error("manifest.csv", 0, 0, property, value, message);
    }

    /** A warning about a property of manifest.csv. */
    void manifestWarning(String property, String value, String message) {
        warning("manifest.csv", 0, 0, property, value, message);
    }

    void error(RosterCsv.Row row, String field, String message) {
        error(row.file(), row.line(), row.column(field), field, row.get(field), message);
    }

    void warning(RosterCsv.Row row, String field, String message) {
        warning(row.file(), row.line(), row.column(field), field, row.get(field), message);
    }

    void warning(String file, int line, int column, String field, String value, String message) {
        warningCount++;
        if (warnings.size() < MAX_LISTED) {
            warnings.add(new Problem(file, line, column, field, shown(value), message));
        }
    }

    void skip(RosterCsv.Row row, String reason) {
        skippedCount++;
        if (skipped.size() < MAX_LISTED) {
            skipped.add(new Problem(row.file(), row.line(), 0, null, null, reason));
        }
    }

    /** A row of {@code file} with this sourcedId was refused (its error is recorded). */
    void refused(String file, String sourcedId) {
        if (sourcedId != null) {
            refused.computeIfAbsent(file, f -> new java.util.HashSet<>()).add(sourcedId);
        }
    }

    boolean isRefused(String file, String sourcedId) {
        return refused.getOrDefault(file, java.util.Set.of()).contains(sourcedId);
    }

    boolean hasErrors() {
        return errorCount > 0;
    }

    List<Problem> errors() {
        return List.copyOf(errors);
    }

    List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    List<Problem> skipped() {
        return List.copyOf(skipped);
    }

    int errorCount() {
        return errorCount;
    }

    int warningCount() {
        return warningCount;
    }

    int skippedCount() {
        return skippedCount;
    }

    private static String shown(String value) {
        return value == null || value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }
}
