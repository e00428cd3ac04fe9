package dev.pathwise.authoring.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A policy folder zipped as {@code POST /v1/policies/{id}/versions} takes it ({@code Content-Type:
 * application/zip}): the folder's contents at the top of the zip, paths with {@code /}, sorted, hidden files and
 * folders (a name starting with {@code .}) left out, as the service leaves them out.
 */
final class PolicyZip {

    private PolicyZip() {}

    static byte[] of(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("'" + folder + "' is not a policy folder; give the folder that holds"
                    + " the policy's .drl files and parameters.yaml");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
                Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(file -> !hidden(folder.relativize(file)))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("policy folder '" + folder + "' holds no files");
            }
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(entryName(folder.relativize(file))));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not zip policy folder " + folder + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String entryName(Path relative) {
        StringBuilder name = new StringBuilder();
        for (Path part : relative) {
            name.append(name.length() == 0 ? "" : "/").append(part);
        }
        return name.toString();
    }
}
