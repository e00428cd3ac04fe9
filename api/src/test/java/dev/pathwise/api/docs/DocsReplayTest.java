package dev.pathwise.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every curl example of {@code api/CURL-EXAMPLES.md}, then every command of {@code docs/authoring-policies.md}, run
 * as printed, in the documents' order, against one service started on a fresh data directory (the demo district)
 * with a fixed clock and its metrics exported as when it runs (Prometheus); each printed output must be the real one. {@code -Dpathwise.docs.rewrite=true} writes the
 * real outputs into the documents instead:
 * {@code mvn -B -o -q test -pl api -am -Dtest=DocsReplayTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dpathwise.docs.rewrite=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
class DocsReplayTest {

    /** The time of the documented run: every "now" of the service. */
    static final Instant NOW = Instant.parse("2026-11-23T14:00:00Z");

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<Path> DOCUMENTS =
            List.of(ROOT.resolve("api/CURL-EXAMPLES.md"), ROOT.resolve("docs/authoring-policies.md"));
    private static final Path DATA_DIR = temporaryFolder();

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock documentedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    @Test
    void everyDocumentedCommandPrintsWhatTheDocumentsShow(@TempDir Path work) throws IOException {
        // given a folder laid out as the repository's root, where ./pathwise policy runs the command line
        Files.createSymbolicLink(work.resolve("rules"), ROOT.resolve("rules"));
        Files.createSymbolicLink(work.resolve("docs"), ROOT.resolve("docs"));
        Path pathwise = work.resolve("pathwise");
        Files.writeString(pathwise, """
                #!/usr/bin/env bash
                # ./pathwise policy ... as the repository's script runs it, on the test's classpath
                if [ "$1" != policy ]; then echo "only ./pathwise policy is replayed" >&2; exit 2; fi
                shift
                exec "$PATHWISE_JAVA" -Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider \\
                  -Dslf4j.internal.verbosity=WARN dev.pathwise.authoring.PolicyCommand "$@"
                """);
        Files.setPosixFilePermissions(pathwise, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> environment = Map.of(
                "PATHWISE_JAVA",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "CLASSPATH",
                System.getProperty("java.class.path"),
                "PATHWISE_URL",
                "http://localhost:" + port,
                "PATHWISE_API_KEY",
                "demo-curriculum-key");

        // when each document is replayed in order on the same service
        boolean rewrite = Boolean.getBoolean("pathwise.docs.rewrite");
        List<DocReplay.Difference> differences = new ArrayList<>();
        for (Path document : DOCUMENTS) {
            DocReplay replay = new DocReplay(document, work, "http://localhost:" + port, environment).run();
            differences.addAll(replay.differences());
            if (rewrite) {
                Files.writeString(document, replay.rewritten(), StandardCharsets.UTF_8);
            }
        }

        // then every printed output is the real one
        if (!rewrite) {
            assertThat(differences)
                    .as("printed outputs that differ from the real ones; rerun with"
                            + " -Dpathwise.docs.rewrite=true to write the real ones, then read the diff")
                    .isEmpty();
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("pathwise-docs-data-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
