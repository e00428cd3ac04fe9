package dev.pathwise.api.roster;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file of a roster, parsed with Apache Commons CSV (RFC 4180: quoted commas, doubled quotes), UTF-8 with or
 * without a byte order mark. Headers are matched by name: a header in another case is accepted with a warning
 * (OneRoster headers are case-sensitive), a missing required column refuses the file, other columns are ignored
 * with a warning. Each row knows its file, its line (the line it starts on) and the column of each field.
 */
final class RosterCsv {

    private RosterCsv() {}

    /** A row: its values by column name (blank values as null, others trimmed). */
    record Row(String file, int line, Map<String, Integer> columns, List<String> values) {

        String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= values.size()) {
                return null;
            }
            String value = values.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        /** The 1-based column of a field in the file, 0 when the file has no such column. */
        int column(String column) {
            Integer index = columns.get(column);
            return index == null ? 0 : index + 1;
        }

        /** A list column ("a,b" inside quotes): its items, trimmed, blanks left out. */
        List<String> list(String column) {
            String value = get(column);
            if (value == null) {
                return List.of();
            }
            List<String> items = new ArrayList<>();
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return items;
        }
    }

    /**
     * The rows of a file, or none when its header is unusable (the problem is recorded). {@code required} columns
     * must be present; {@code known} columns are read; any other column is noted and ignored.
     */
    static List<Row> read(
            String file, byte[] bytes, List<String> required, List<String> known, RosterProblems problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.error(
                    file,
                    0,
                    0,
                    null,
                    null,
                    "the file is not UTF-8 text; OneRoster files are UTF-8 (save it" + " as 'CSV UTF-8')");
            return List.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(format)
                .get()) {
            Map<String, Integer> columns = null;
            int header = 0;
            for (CSVRecord record : parser) {
                int end = (int) parser.getCurrentLineNumber();
                int line = end - lineBreaks(record);
                if (columns == null) {
                    header = record.size();
                    columns = header(file, line, record, required, known, problems);
                    if (columns == null) {
                        return List.of();
                    }
                    continue;
                }
                if (record.size() != header) {
                    problems.error(
                            file,
                            line,
                            0,
                            null,
                            null,
                            record.size() + " values where the header has " + header
                                    + " columns; quote a value that holds a comma (\"Smith, Jr.\")");
                    continue;
                }
                rows.add(new Row(file, line, columns, record.toList()));
            }
            if (columns == null) {
                problems.error(file, 1, 0, null, null, "the file is empty; it needs a header line");
            } else if (rows.isEmpty()) {
                problems.warning(file, 2, 0, null, null, "the file has a header but no rows");
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            problems.error(file, 0, 0, null, null, "not readable as CSV: " + e.getMessage());
            return List.of();
        }
        return rows;
    }

    private static Map<String, Integer> header(
            String file,
            int line,
            CSVRecord record,
            List<String> required,
            List<String> known,
            RosterProblems problems) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            String canonical = known.stream()
                    .filter(k -> k.equals(name))
                    .findFirst()
                    .orElse(known.stream()
                            .filter(k -> k.equalsIgnoreCase(name))
                            .findFirst()
                            .orElse(null));
            if (canonical == null) {
                ignored.add(name);
                continue;
            }
            if (!canonical.equals(name)) {
                problems.warning(
                        file,
                        line,
                        i + 1,
                        name,
                        name,
                        "header '" + name + "' read as '" + canonical + "' (OneRoster headers are case-sensitive)");
            }
            if (columns.put(canonical, i) != null) {
                problems.error(file, line, i + 1, canonical, name, "column '" + canonical + "' is given twice");
                return null;
            }
        }
        List<String> missing =
                required.stream().filter(r -> !columns.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            problems.error(
                    file,
                    line,
                    0,
                    missing.get(0),
                    null,
                    "required column" + (missing.size() == 1 ? " " : "s ")
                            + missing + " missing from the header; the header is "
                            + record.toList().stream()
                                    .map(h -> h.toLowerCase(Locale.ROOT))
                                    .toList());
            return null;
        }
        if (!ignored.isEmpty()) {
            problems.warning(
                    file,
                    line,
                    0,
                    null,
                    String.join(",", ignored),
                    "columns " + ignored + " are not read by Pathwise (kept in the SIS only)");
        }
        return columns;
    }

    /** Line breaks inside the record's values: the record started that many lines before the parser's line. */
    private static int lineBreaks(CSVRecord record) {
        int breaks = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }
}
