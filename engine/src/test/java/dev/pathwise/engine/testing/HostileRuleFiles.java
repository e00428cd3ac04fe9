package dev.pathwise.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hostile rule files under {@code dev/pathwise/engine/policy/sandbox/attacks}: each tries one way out of the
 * rules (I/O, threads, reflection, the rule engine, the service's libraries, loops, allocation) and says, in its
 * header, the words the refusal must contain; the line to refuse is marked {@code // attack}. {@code ATTACK_FILE}
 * and {@code LISTENER_PORT} in a file stand for a path and a port a test watches.
 */
public final class HostileRuleFiles {

    private static final String FOLDER = "dev/pathwise/engine/policy/sandbox/attacks/";
    private static final Pattern EXPECT = Pattern.compile("(?m)^// expect: (.+)$");

    /** One hostile file: its name, its text, the line to refuse and what the refusal says. */
    public record Attack(String fileName, String text, int line, String expected) {

        /**
         * Whether the file reaches a library of the service that the engine alone does not have: there it is refused
         * as an unknown type; in the service, as a library rules may not use.
         */
        public boolean needsServiceClasspath() {
            return text.contains("// classpath: service");
        }

        /** The text with the placeholders replaced by the watched path and port. */
        public String text(Path attackFile, int listenerPort) {
            return text.replace("ATTACK_FILE", attackFile.toString())
                    .replace("LISTENER_PORT", Integer.toString(listenerPort));
        }

        @Override
        public String toString() {
            return fileName;
        }
    }

    private HostileRuleFiles() {}

    public static List<Attack> all() {
        try {
            URL folder = HostileRuleFiles.class.getClassLoader().getResource(FOLDER);
            Path path;
            if (folder.getProtocol().equals("jar")) {
                return fromJar(folder);
            }
            path = Path.of(folder.toURI());
            try (Stream<Path> files = Files.list(path)) {
                return files.filter(f -> f.toString().endsWith(".drl"))
                        .sorted()
                        .map(f -> attack(f.getFileName().toString(), read(f)))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Attack> fromJar(URL folder) throws IOException, URISyntaxException {
        try (var jar = java.nio.file.FileSystems.newFileSystem(Path.of(
                new URL(folder.getPath().substring(0, folder.getPath().indexOf('!'))).toURI()))) {
            try (Stream<Path> files = Files.list(jar.getPath(FOLDER))) {
                return files.filter(f -> f.toString().endsWith(".drl"))
                        .sorted()
                        .map(f -> attack(f.getFileName().toString(), read(f)))
                        .toList();
            }
        }
    }

    private static Attack attack(String fileName, String text) {
        Matcher expect = EXPECT.matcher(text);
        if (!expect.find()) {
            throw new IllegalStateException(fileName + " has no '// expect:' line");
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].endsWith("// attack")) {
                return new Attack(fileName, text, i + 1, expect.group(1).strip());
            }
        }
        throw new IllegalStateException(fileName + " marks no line with '// attack'");
    }

    private static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
