package dev.pathwise.api.policy;

import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.engine.policy.PolicyFolder;
import dev.pathwise.engine.policy.PolicyLayer;
import dev.pathwise.engine.policy.PolicySource;
import dev.pathwise.engine.policy.RuleFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of a policy version as they were uploaded: paths relative to the policy folder (the layout
 * {@link PolicyFolder} reads), text content. Sorted by path, so the same folder always gives the same hash.
 */
public record PolicyFiles(List<File> files) {

    /** Upload limits: enough for any real policy, small enough that a stray upload cannot exhaust memory. */
    static final int MAX_FILES = 500;

    static final long MAX_BYTES = 5L * 1024 * 1024;

    /** One file: its path in the policy folder and its text. */
    public record File(String path, String content) {}

    /** The longest path a file may have, and the longest part of it (a folder or file name). */
    static final int MAX_PATH = 255;

    static final int MAX_PATH_PART = 100;

    public PolicyFiles {
        if (files == null) {
            throw ApiProblem.invalid(
                    "files",
                    null,
                    "files: send the policy's files as [{\"path\": \"mastery.drl\"," + " \"content\": \"...\"}, ...]");
        }
        Map<String, File> byPath = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            File file = files.get(i);
            if (file == null) {
                throw ApiProblem.invalid(
                        "files[" + i + "]",
                        null,
                        "files[" + i + "]: is null; send {\"path\": ...," + " \"content\": ...} or leave the item out");
            }
            String path = normalize(file.path());
            if (file.content() == null) {
                throw ApiProblem.invalid("files", path, "files: '" + path + "' has no content");
            }
            if (byPath.put(path, new File(path, file.content().replace("\r\n", "\n"))) != null) {
                throw ApiProblem.invalid("files", path, "files: '" + path + "' is given twice");
            }
        }
        if (byPath.size() > MAX_FILES) {
            throw ApiProblem.invalid(
                    "files",
                    byPath.size(),
                    "files: a policy holds at most " + MAX_FILES + " files; this one has " + byPath.size());
        }
        files = List.copyOf(byPath.values());
    }

    /** A zip of the policy folder; a single top-level folder holding everything is taken as the folder itself. */
    public static PolicyFiles fromZip(byte[] zip) {
        List<File> files = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()
                        || entry.getName().startsWith("__MACOSX/")
                        || fileName(entry.getName()).startsWith(".")) {
                    continue;
                }
                byte[] bytes = in.readNBytes((int) Math.min(MAX_BYTES - total + 1, Integer.MAX_VALUE - 8));
                total += bytes.length;
                if (total > MAX_BYTES) {
                    throw ApiProblem.invalid(
                            "body",
                            total,
                            "body: the policy's files hold more than " + MAX_BYTES / 1024 / 1024
                                    + " MB once unzipped; a policy is a few text files");
                }
                files.add(new File(entry.getName(), text(entry.getName(), bytes)));
                if (files.size() > MAX_FILES) {
                    break;
                }
            }
        } catch (IOException e) {
            throw ApiProblem.invalid(
                    "body",
                    null,
                    "body: not a readable zip file (" + e.getMessage()
                            + "); send the policy folder zipped, Content-Type: application/zip");
        }
        if (files.isEmpty()) {
            throw ApiProblem.invalid(
                    "body",
                    null,
                    "body: the zip holds no files; zip the policy folder (its .drl "
                            + "files, parameters.yaml, grade-bands/, schools/, scenarios/)");
        }
        return new PolicyFiles(stripCommonFolder(files));
    }

    /** Every file under a folder (hidden files and folders left out). */
    public static PolicyFiles fromFolder(Path folder) {
        List<File> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path relative = folder.relativize(file);
                boolean hidden = false;
                for (Path part : relative) {
                    hidden |= part.toString().startsWith(".");
                }
                if (!hidden) {
                    files.add(new File(
                            relative.toString().replace('\\', '/'),
                            text(relative.toString(), Files.readAllBytes(file))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read policy folder " + folder, e);
        }
        return new PolicyFiles(files);
    }

    /** The files of a policy source (no scenarios: a source holds only what is compiled). */
    public static PolicyFiles fromSource(PolicySource source) {
        List<File> files = new ArrayList<>();
        List<PolicyLayer> layers = new ArrayList<>();
        layers.add(source.district());
        layers.addAll(source.gradeBands().values());
        layers.addAll(source.schools().values());
        for (PolicyLayer layer : layers) {
            for (RuleFile rule : layer.ruleFiles()) {
                files.add(new File(rule.path(), rule.content()));
            }
            if (layer.parameters() != null) {
                files.add(new File(layer.parameters().path(), layer.parameters().yaml()));
            }
        }
        return new PolicyFiles(files);
    }

    /** SHA-256 over every path and content, hex. */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (File file : files) {
                for (String text : List.of(file.path(), file.content())) {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                    digest.update((byte) ':');
                    digest.update(bytes);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** Writes the files under a folder, which then reads as a {@link PolicyFolder}. */
    public void writeTo(Path folder) {
        try {
            for (File file : files) {
                Path target = folder.resolve(file.path()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IllegalStateException("path escapes the folder: " + file.path());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.content(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the policy to " + folder, e);
        }
    }

    private static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiProblem.invalid(
                    "files",
                    raw,
                    "files: every file needs a path, such as 'mastery.drl' or " + "'schools/lincoln/parameters.yaml'");
        }
        String path = raw.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.startsWith("/")
                || path.contains(":")
                || Stream.of(path.split("/"))
                        .anyMatch(part -> part.isEmpty() || part.equals("..") || part.equals("."))) {
            throw ApiProblem.invalid(
                    "files",
                    shown(raw),
                    "files: '" + shown(raw) + "' is not a relative path inside"
                            + " the policy folder; use paths such as 'mastery.drl' or 'schools/lincoln/parameters.yaml'");
        }
        if (path.length() > MAX_PATH) {
            throw ApiProblem.invalid(
                    "files",
                    shown(raw),
                    "files: a path of " + path.length() + " characters is"
                            + " longer than the limit of " + MAX_PATH + " ('" + shown(raw) + "'); a policy folder holds"
                            + " short paths such as 'schools/lincoln/parameters.yaml'");
        }
        for (String part : path.split("/")) {
            if (part.length() > MAX_PATH_PART) {
                throw ApiProblem.invalid(
                        "files",
                        shown(raw),
                        "files: the name '" + shown(part) + "' has "
                                + part.length() + " characters, more than the limit of " + MAX_PATH_PART
                                + " for a folder"
                                + " or file name");
            }
            InputLimits.id("files", part, MAX_PATH_PART);
        }
        return path;
    }

    /** A path as echoed in a problem: cut, so that a refusal never echoes a whole upload. */
    private static String shown(String path) {
        return path.length() <= 80 ? path : path.substring(0, 80) + "...";
    }

    private static String text(String path, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.invalid(
                    "files",
                    path,
                    "files: '" + path + "' is not UTF-8 text; a policy holds " + "text files only (.drl, .csv, .yaml)");
        }
    }

    private static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    private static List<File> stripCommonFolder(List<File> files) {
        String first = files.get(0).path().replace('\\', '/');
        int slash = first.indexOf('/');
        if (slash < 0) {
            return files;
        }
        String prefix = first.substring(0, slash + 1);
        if (prefix.equals(PolicyFolder.GRADE_BANDS + "/")
                || prefix.equals(PolicyFolder.SCHOOLS + "/")
                || prefix.equals(PolicyFolder.SCENARIOS + "/")
                || !files.stream().allMatch(f -> f.path().replace('\\', '/').startsWith(prefix))) {
            return files;
        }
        return files.stream()
                .map(f -> new File(f.path().replace('\\', '/').substring(prefix.length()), f.content()))
                .toList();
    }
}
