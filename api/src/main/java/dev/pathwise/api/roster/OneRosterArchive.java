package dev.pathwise.api.roster;

import dev.pathwise.api.problem.ApiProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A OneRoster CSV zip: its {@code manifest.csv} (OneRoster version, and each file's mode: bulk, delta or absent) and
 * the CSV files it declares. Read with bounds (files, sizes once unzipped) so that a zip bomb is refused early; a
 * folder around the files is accepted.
 */
final class OneRosterArchive {

    /** The files Pathwise reads, in the order they are applied. */
    static final List<String> FILES = List.of(
            "orgs.csv",
            "academicSessions.csv",
            "courses.csv",
            "users.csv",
            "roles.csv",
            "demographics.csv",
            "classes.csv",
            "enrollments.csv");

    static final long MAX_UNZIPPED_BYTES = 200L * 1024 * 1024;
    static final int MAX_ENTRIES = 100;

    enum Mode {
        BULK,
        DELTA,
        ABSENT
    }

    private final String version;
    private final Map<String, Mode> modes;
    private final Map<String, byte[]> files;

    private OneRosterArchive(String version, Map<String, Mode> modes, Map<String, byte[]> files) {
        this.version = version;
        this.modes = modes;
        this.files = files;
    }

    /** "1.2" or "1.1". */
    String version() {
        return version;
    }

    Mode mode(String file) {
        return modes.getOrDefault(file, Mode.ABSENT);
    }

    /** The bytes of a file the manifest declares bulk or delta (null for an absent file). */
    byte[] file(String file) {
        return mode(file) == Mode.ABSENT ? null : files.get(file);
    }

    Map<String, Mode> modes() {
        return modes;
    }

    static OneRosterArchive read(byte[] zip, RosterProblems problems) {
        Map<String, byte[]> files = unzip(zip);
        byte[] manifest = files.get("manifest.csv");
        if (manifest == null) {
            throw ApiProblem.invalid(
                    "manifest.csv",
                    null,
                    "manifest.csv: missing from the zip; a OneRoster CSV set"
                            + " declares its version and files in manifest.csv (propertyName,value)");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (RosterCsv.Row row : RosterCsv.read(
                "manifest.csv",
                manifest,
                List.of("propertyName", "value"),
                List.of("propertyName", "value"),
                problems)) {
            String name = row.get("propertyName");
            if (name != null && properties.put(name, row.get("value")) != null) {
                problems.error(row, "propertyName", "property '" + name + "' is given twice");
            }
        }
        String version = properties.get("oneroster.version");
        if (!"1.2".equals(version) && !"1.1".equals(version)) {
            problems.manifestError(
                    "oneroster.version",
                    version,
                    "oneroster.version: '" + version + "' is not supported; use 1.2 (or 1.1 bulk files)");
        }
        Map<String, Mode> modes = new LinkedHashMap<>();
        for (String file : FILES) {
            String property = "file." + file.substring(0, file.length() - ".csv".length());
            String value = properties.get(property);
            Mode mode = value == null
                    ? Mode.ABSENT
                    : switch (value.toLowerCase(java.util.Locale.ROOT)) {
                        case "bulk" -> Mode.BULK;
                        case "delta" -> Mode.DELTA;
                        case "absent" -> Mode.ABSENT;
                        default -> {
                            problems.manifestError(
                                    property,
                                    value,
                                    property + ": '" + value + "' is not a" + " mode; use bulk, delta or absent");
                            yield Mode.ABSENT;
                        }
                    };
            if (mode != Mode.ABSENT && !files.containsKey(file)) {
                problems.manifestError(
                        property, value, property + " is " + value + " but " + file + " is not in the zip");
                mode = Mode.ABSENT;
            }
            if (mode == Mode.ABSENT && files.containsKey(file) && value != null) {
                problems.manifestWarning(
                        property, value, file + " is in the zip but the manifest says" + " absent; it is not read");
            }
            if (mode == Mode.DELTA && "1.1".equals(version)) {
                problems.manifestWarning(
                        property,
                        value,
                        "delta files of OneRoster 1.1 are read with"
                                + " the 1.2 rules (status and dateLastModified on every row)");
            }
            modes.put(file, mode);
        }
        if (modes.values().stream().allMatch(m -> m == Mode.ABSENT)) {
            problems.manifestError(
                    null, null, "the manifest declares no file Pathwise reads (" + String.join(", ", FILES) + ")");
        }
        return new OneRosterArchive(version, modes, files);
    }

    private static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw ApiProblem.invalid(
                            "body",
                            entries,
                            "body: the zip holds more than " + MAX_ENTRIES
                                    + " entries; a OneRoster set is about ten CSV files");
                }
                String name = entry.getName().replace('\\', '/');
                String fileName = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || fileName.startsWith(".")) {
                    continue;
                }
                byte[] bytes = in.readNBytes((int) Math.min(MAX_UNZIPPED_BYTES - total + 1, Integer.MAX_VALUE - 8));
                total += bytes.length;
                if (total > MAX_UNZIPPED_BYTES) {
                    throw ApiProblem.invalid(
                            "body",
                            null,
                            "body: the roster is larger than " + MAX_UNZIPPED_BYTES / 1024 / 1024
                                    + " MB once unzipped; split it into delta files");
                }
                if (files.put(fileName, bytes) != null) {
                    throw ApiProblem.invalid("body", fileName, "body: '" + fileName + "' is in the zip twice");
                }
            }
        } catch (IOException e) {
            throw ApiProblem.invalid(
                    "body",
                    null,
                    "body: not a readable zip file (" + e.getMessage() + "); send the"
                            + " OneRoster CSV files zipped, Content-Type: application/zip");
        }
        if (files.isEmpty()) {
            throw ApiProblem.invalid("body", null, "body: the zip holds no files");
        }
        return files;
    }
}
