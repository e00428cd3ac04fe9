package dev.pathwise.engine.simulation;

import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.evidence.Score;
import dev.pathwise.engine.learner.LearnerProfile;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads exported evidence and learner profiles, as JSON (an array of objects), newline-delimited JSON (one object a
 * line) or CSV (RFC 4180: a header line, then one row a record, quoted values may hold commas), the formats the
 * service's district exports ({@code GET /v1/exports/...}) write. The format is read from the content, whatever the
 * file is called: {@code [} starts a JSON array, <code>{</code> newline-delimited JSON, anything else CSV (as does a
 * name ending in {@code .csv}). Evidence CSV:
 * {@code id,learnerId,competencyId,activityId,raw,min,max,kind,source,observedAt}. Learner CSV:
 * {@code id,grade,school,planStart}. JSON uses the same names. Problems name the file and the record.
 */
public final class EvidenceFiles {

    public static final List<String> EVIDENCE_COLUMNS = List.of(
            "id", "learnerId", "competencyId", "activityId", "raw", "min", "max", "kind", "source", "observedAt");
    public static final List<String> LEARNER_COLUMNS = List.of("id", "grade", "school", "planStart");

    private EvidenceFiles() {}

    public static List<Evidence> readEvidence(Path file) {
        List<Evidence> evidence = new ArrayList<>();
        int index = 0;
        for (Map<String, String> row : records(file, EVIDENCE_COLUMNS)) {
            index++;
            try {
                evidence.add(new Evidence(
                        row.get("id"),
                        row.get("learnerId"),
                        blankToNull(row.get("competencyId")),
                        blankToNull(row.get("activityId")),
                        new Score(number(row, "raw"), number(row, "min", 0), number(row, "max", 1)),
                        EvidenceKind.valueOf(row.getOrDefault("kind", "formative")
                                .trim()
                                .toUpperCase(Locale.ROOT)
                                .replace('-', '_')),
                        row.get("source"),
                        Instant.parse(row.get("observedAt").trim())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        file.getFileName() + ": record " + index + ": " + e.getMessage() + "; columns are "
                                + String.join(",", EVIDENCE_COLUMNS),
                        e);
            }
        }
        return evidence;
    }

    public static List<LearnerProfile> readLearners(Path file) {
        List<LearnerProfile> learners = new ArrayList<>();
        int index = 0;
        for (Map<String, String> row : records(file, LEARNER_COLUMNS)) {
            index++;
            try {
                String planStart = blankToNull(row.get("planStart"));
                learners.add(new LearnerProfile(
                        row.get("id"),
                        (int) number(row, "grade"),
                        blankToNull(row.get("school")),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        null,
                        List.of(),
                        planStart == null ? null : LocalDate.parse(planStart)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        file.getFileName() + ": record " + index + ": " + e.getMessage() + "; columns are "
                                + String.join(",", LEARNER_COLUMNS),
                        e);
            }
        }
        return learners;
    }

    private static List<Map<String, String>> records(Path file, List<String> columns) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String start = text.stripLeading();
        if (name.endsWith(".csv") || !(start.startsWith("[") || start.startsWith("{"))) {
            return csv(file, text);
        }
        if (start.startsWith("{")) {
            return ndjson(file, text, columns);
        }
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (!(root instanceof List<?> list)) {
            throw new IllegalArgumentException(file.getFileName() + ": expected a JSON array of objects with "
                    + String.join(", ", columns) + " (or one object a line, as .ndjson)");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (Object item : list) {
            rows.add(row(item));
        }
        return rows;
    }

    /** RFC 4180 CSV (quoted commas and quotes) with a header line; blank lines are skipped. */
    private static List<Map<String, String>> csv(Path file, String text) {
        List<Map<String, String>> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(format)
                .get()) {
            for (CSVRecord record : parser) {
                Map<String, String> row = new LinkedHashMap<>();
                record.toMap().forEach((column, value) -> row.put(column.trim(), value == null ? null : value.trim()));
                rows.add(row);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new IllegalArgumentException(file.getFileName() + ": not readable as CSV: " + e.getMessage(), e);
        }
        return rows;
    }

    /** One JSON object a line (newline-delimited JSON); blank lines are skipped. */
    private static List<Map<String, String>> ndjson(Path file, String text, List<String> columns) {
        List<Map<String, String>> rows = new ArrayList<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        int line = 0;
        for (String json : text.lines().toList()) {
            line++;
            if (json.isBlank()) {
                continue;
            }
            Object item;
            try {
                item = yaml.load(json);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file.getFileName() + ": line " + line + ": not a JSON object");
            }
            if (!(item instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(file.getFileName() + ": line " + line + ": expected a JSON object"
                        + " with " + String.join(", ", columns));
            }
            rows.add(row(item));
        }
        return rows;
    }

    private static Map<String, String> row(Object item) {
        Map<String, String> row = new LinkedHashMap<>();
        if (item instanceof Map<?, ?> map) {
            map.forEach((k, v) -> row.put(
                    String.valueOf(k),
                    v == null
                            ? null
                            : v instanceof java.util.Date d ? d.toInstant().toString() : String.valueOf(v)));
        }
        return row;
    }

    private static double number(Map<String, String> row, String column, double fallback) {
        String value = blankToNull(row.get(column));
        return value == null ? fallback : Double.parseDouble(value);
    }

    private static double number(Map<String, String> row, String column) {
        String value = blankToNull(row.get(column));
        if (value == null) {
            throw new IllegalArgumentException(column + ": is missing");
        }
        return Double.parseDouble(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
