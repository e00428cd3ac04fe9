package dev.pathwise.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real browser against the real service: this test starts the service on a random port with the
 * demo district on a fresh H2 database, then runs the console's end-to-end journeys ({@code console/e2e/run.mjs}:
 * Playwright driving Debian's Chromium, axe-core on every page) and fails with their output unless every journey
 * passes. Screenshots go to {@code target/console-screenshots}, or to {@code -Dpathwise.screenshots=<dir>}
 * ({@code ../docs/console} refreshes the README's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pathwise.demo.enabled=true")
class ConsoleEndToEndTest {

    private static final Path DATA_DIR = tempDir();
    private static final Path CONSOLE =
            Path.of("..", "console").toAbsolutePath().normalize();
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
    }

    @Test
    void teacherCurriculumLeadAndAdminJourneysPassInChromium() throws Exception {
        assertThat(Path.of(CHROMIUM))
                .as("Chromium is needed for the console's browser tests: apt-get install -y"
                        + " chromium (bash .ci/run installs it when missing)")
                .exists();
        assertThat(CONSOLE.resolve("node_modules/playwright-core"))
                .as("the console's npm packages: build the"
                        + " console module first (mvn -B verify from the repository root)")
                .exists();
        Path screenshots = Path.of(System.getProperty("pathwise.screenshots", "target/console-screenshots"))
                .toAbsolutePath()
                .normalize();
        Path log = Files.createTempFile("pathwise-console-e2e-", ".log");
        ProcessBuilder e2e = new ProcessBuilder("node", "e2e/run.mjs")
                .directory(CONSOLE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        e2e.environment().put("PATHWISE_URL", "http://localhost:" + port);
        e2e.environment().put("PATHWISE_SCREENSHOTS", screenshots.toString());
        e2e.environment().put("CHROMIUM", CHROMIUM);
        Process process = e2e.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished)
                .as("the journeys finish within 10 minutes:\n%s", output)
                .isTrue();
        assertThat(process.exitValue()).as("every journey passes:\n%s", output).isZero();
        assertThat(output).contains("3 passed, 0 failed");
        for (String view : new String[] {
            "chart",
            "chart-explanation",
            "learner",
            "flags",
            "groups",
            "chart-tablet",
            "policy",
            "simulation",
            "frameworks",
            "keys",
            "schools",
            "health"
        }) {
            assertThat(screenshots.resolve(view + ".png"))
                    .as("screenshot of %s", view)
                    .isNotEmptyFile();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pathwise-console-e2e-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
