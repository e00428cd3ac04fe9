package dev.pathwise.engine.simulation;

import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.evidence.EvidenceKind;
import dev.pathwise.engine.evidence.Score;
import dev.pathwise.engine.learner.LearnerProfile;
import java.io.IOException;
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
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads exported evidence and learner profiles, as JSON (an array of objects) or CSV (a header line, then one row a
 * record). Evidence CSV: {@code id,learnerId,competencyId,activityId,raw,min,max,kind,source,observedAt}. Learner
 * CSV: {@code id,grade,school,planStart}. JSON uses the same names. Problems name the file and the record.
 */
public final class EvidenceFiles {

    public static final List<String> EVIDENCE_COLUMNS = List.of("id", "learnerId", "competencyId", "activityId", "raw",
            "min", "max", "kind", "source", "observedAt");
    public static final List<String> LEARNER_COLUMNS = List.of("id", "grade", "school", "planStart");

    private EvidenceFiles() {
    }

    public static List<Evidence> readEvidence(Path file) {
        List<Evidence> evidence = new ArrayList<>();
        int index = 0;
        for (Map<String, String> row : records(file, EVIDENCE_COLUMNS)) {
            index++;
            try {
                evidence.add(new Evidence(row.get("id"), row.get("learnerId"), blankToNull(row.get("competencyId")),
                        blankToNull(row.get("activityId")), new Score(number(row, "raw"), number(row, "min", 0),
                        number(row, "max", 1)), EvidenceKind.valueOf(row.getOrDefault("kind", "formative").trim()
                        .toUpperCase(Locale.ROOT).replace('-', '_')), row.get("source"),
                        Instant.parse(row.get("observedAt").trim())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file.getFileName() + ": record " + index + ": " + e.getMessage()
                        + "; columns are " + String.join(",", EVIDENCE_COLUMNS), e);
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
                learners.add(new LearnerProfile(row.get("id"), (int) number(row, "grade"), row.get("school"),
                        List.of(), List.of(), List.of(), List.of(), null, List.of(),
                        planStart == null ? null : LocalDate.parse(planStart)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file.getFileName() + ": record " + index + ": " + e.getMessage()
                        + "; columns are " + String.join(",", LEARNER_COLUMNS), e);
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
        List<Map<String, String>> rows = new ArrayList<>();
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            if (lines.isEmpty()) {
                return rows;
            }
            String[] header = lines.get(0).split(",", -1);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length && i < cells.length; i++) {
                    row.put(header[i].trim(), cells[i].trim());
                }
                rows.add(row);
            }
            return rows;
        }
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (!(root instanceof List<?> list)) {
            throw new IllegalArgumentException(file.getFileName() + ": expected a JSON array of objects with "
                    + String.join(", ", columns));
        }
        for (Object item : list) {
            Map<String, String> row = new LinkedHashMap<>();
            if (item instanceof Map<?, ?> map) {
                map.forEach((k, v) -> row.put(String.valueOf(k), v == null ? null
                        : v instanceof java.util.Date d ? d.toInstant().toString() : String.valueOf(v)));
            }
            rows.add(row);
        }
        return rows;
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
