package dev.pathwise.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.authoring.PolicyCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code pathwise policy publish|versions|activate|diff|export-evidence} and {@code simulate} driven against the
 * real service (demo district on a fresh H2 directory, a fixed clock), with exact outputs and exit codes. The
 * methods run in order: each one's history is the previous ones'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyCommandLineTest {

    static final Instant NOW = Instant.parse("2026-11-23T14:00:00Z");
    private static final Path PACK = Path.of("../rules/src/main/resources/dev/pathwise/rules");
    private static final Path DATA_DIR = temporaryFolder("pathwise-cli-data-");
    private static final Path WORK = temporaryFolder("pathwise-cli-work-");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        out.reset();
        err.reset();
        return new PolicyCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        environment)
                .run(args);
    }

    private int run(String... args) {
        return run(Map.of("PATHWISE_URL", url(), "PATHWISE_API_KEY", "demo-curriculum-key"), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String url() {
        return "http://localhost:" + port;
    }

    /** The default pack with Riverside Elementary's grades 3-5 mastered at {@code threshold}. */
    private static Path riversidePolicy(String name, String riversideParameters) throws IOException {
        Path folder = WORK.resolve(name);
        copy(PACK, folder);
        Files.createDirectories(folder.resolve("schools/river-elementary"));
        Files.writeString(folder.resolve("schools/river-elementary/parameters.yaml"), riversideParameters);
        return folder;
    }

    @Test
    @Order(1)
    void exportEvidenceWritesWhatSimulateReadsAndSimulateAgreesWithTheService() throws Exception {
        // given the demo district's 336 pieces of evidence and 30 learners, and a candidate at 0.75 for Riverside
        Path current = WORK.resolve("current");
        copy(PACK, current);
        Path candidate = riversidePolicy("candidate", "bands:\n  3-5:\n    masteredThreshold: 0.75\n");
        Path evidence = WORK.resolve("evidence.ndjson");
        Path learners = WORK.resolve("learners.csv");
        Path framework = WORK.resolve("framework.json");

        // when the evidence, the learners and the framework are exported
        int exit = run(
                "export-evidence",
                "--out",
                evidence.toString(),
                "--learners",
                learners.toString(),
                "--framework",
                framework.toString());

        // then they are written as the service serves them
        assertThat(exit).isEqualTo(0);
        assertThat(out())
                .isEqualTo("wrote 336 pieces of evidence to " + evidence + "\n"
                        + "wrote 30 learners to " + learners + "\n"
                        + "wrote framework ratios-6-8 to " + framework + "\n");
        assertThat(Files.readString(framework)).isEqualTo(get("/v1/frameworks/ratios-6-8"));
        assertThat(Files.readAllLines(learners).get(0)).isEqualTo("id,grade,school,planStart");

        // and simulate reads them as they come, with the same result as the service's own simulation
        assertThat(run(
                        "simulate",
                        current.toString(),
                        candidate.toString(),
                        "--evidence",
                        evidence.toString(),
                        "--learners",
                        learners.toString(),
                        "--framework",
                        framework.toString()))
                .isEqualTo(0);
        String service = new ObjectMapper()
                .readTree(post("/v1/policies/district-default/simulate?sample=10", zip(candidate)))
                .get("text")
                .asText();
        assertThat(out())
                .startsWith("current current@current, candidate candidate@candidate\n"
                        + "30 learners, 336 pieces of evidence replayed; 0 learners change\n");
        assertThat(withoutFirstLine(out())).isEqualTo(withoutFirstLine(service));
    }

    @Test
    @Order(2)
    void publishZipsTheFolderAndPrintsVersionHashAndActive() throws Exception {
        Path policy = riversidePolicy("policy", "bands:\n  3-5:\n    masteredThreshold: 0.75\n");
        String hash = PolicyFiles.fromFolder(policy).contentHash();

        int exit = run("publish", policy.toString(), "--version", "2026.11.1", "--message", "3-5 at 0.75");

        assertThat(exit).isEqualTo(0);
        assertThat(out())
                .isEqualTo("published district-default@2026.11.1 by curriculum-key\n"
                        + "content hash " + hash + "\n"
                        + "active: yes, since 2026-11-23T14:00:00Z\n");
        assertThat(err()).isEmpty();

        // the same content again changes nothing
        assertThat(run("publish", policy.toString(), "--version", "2026.11.1")).isEqualTo(0);
        assertThat(out())
                .isEqualTo("unchanged district-default@2026.11.1: this content was published before under"
                        + " this version\n"
                        + "content hash " + hash + "\n"
                        + "active: yes, since 2026-11-23T14:00:00Z\n");
    }

    @Test
    @Order(3)
    void aRefusedVersionExitsOneWithTheServicesProblem() throws Exception {
        Path policy = riversidePolicy("mistake", "bands:\n  3-5:\n    masteredThreshold: 0.75\n    maxOptionz: 2\n");

        int exit = run("publish", policy.toString(), "--version", "2026.11.2");

        assertThat(exit).isEqualTo(1);
        assertThat(out()).isEmpty();
        assertThat(err())
                .isEqualTo("refused by the service (422 Unprocessable): policy 'district-default' version"
                        + " '2026.11.2' was not published: 1 problem; scenarios not run: the policy does not compile."
                        + " Nothing changed; the active version is still '2026.11.1'\n"
                        + "  schools/river-elementary/parameters.yaml:4:5: unknown parameter 'maxOptionz'. Maybe you meant"
                        + " 'maxOptions'?\n");
    }

    @Test
    @Order(4)
    void activateRollsBackAndVersionsListsTheHistory() throws Exception {
        assertThat(run("activate", "1.0.0")).isEqualTo(0);
        assertThat(out()).isEqualTo("district-default@1.0.0 is active, since 2026-11-23T14:00:00Z\n");
        assertThat(run("activate", "1.0.0")).isEqualTo(0);
        assertThat(out()).isEqualTo("district-default@1.0.0 was already active; nothing changed\n");

        assertThat(run("versions")).isEqualTo(0);
        String hash =
                PolicyFiles.fromFolder(WORK.resolve("policy")).contentHash().substring(0, 12);
        String packHash = new ObjectMapper()
                .readTree(get("/v1/policies/district-default/versions"))
                .get("versions")
                .get(0)
                .get("contentHash")
                .asText()
                .substring(0, 12);
        assertThat(out())
                .isEqualTo("policy district-default, active version 1.0.0\n"
                        + "version    status    author          created               content hash  message\n"
                        + "1.0.0      active    pathwise        2026-11-23T14:00:00Z  " + packHash
                        + "  default policy pack 1.0.0\n"
                        + "2026.11.1  inactive  curriculum-key  2026-11-23T14:00:00Z  " + hash + "  3-5 at 0.75\n"
                        + "refused:\n"
                        + "2026.11.2  curriculum-key  2026-11-23T14:00:00Z  1 problem; scenarios not run: the policy does"
                        + " not compile\n");
    }

    @Test
    @Order(5)
    void diffShowsTheFilesAddedRemovedAndChanged() throws Exception {
        Path policy = riversidePolicy(
                "policy-3", "bands:\n  3-5:\n    masteredThreshold: 0.7\n" + "    approachingThreshold: 0.55\n");
        Files.delete(policy.resolve("scenarios/kindergarten-gets-one-step.yaml"));
        assertThat(run("publish", policy.toString(), "--version", "2026.11.3")).isEqualTo(0);

        assertThat(run("diff", "2026.11.1", "2026.11.3")).isEqualTo(0);
        assertThat(out())
                .isEqualTo("district-default 2026.11.1 -> 2026.11.3\n"
                        + "removed  scenarios/kindergarten-gets-one-step.yaml (7 lines)\n"
                        + "changed  schools/river-elementary/parameters.yaml (+2 -1 lines)\n"
                        + "2 files differ, 8 the same\n");

        assertThat(run("diff", "1.0.0", "2026.11.1")).isEqualTo(0);
        assertThat(out())
                .isEqualTo("district-default 1.0.0 -> 2026.11.1\n"
                        + "added    scenarios/framework.yaml (39 lines)\n"
                        + "added    scenarios/grade-4-masters-at-the-district-threshold.yaml (11 lines)\n"
                        + "added    scenarios/grade-7-needs-a-summative.yaml (8 lines)\n"
                        + "added    scenarios/kindergarten-gets-one-step.yaml (7 lines)\n"
                        + "added    scenarios/struggling-gets-a-mini-lesson-first.yaml (10 lines)\n"
                        + "added    schools/river-elementary/parameters.yaml (3 lines)\n"
                        + "6 files differ, 4 the same\n");

        assertThat(run("diff", "2026.11.1", "2026.11.1")).isEqualTo(0);
        assertThat(out()).isEqualTo("district-default 2026.11.1 -> 2026.11.1\nno differences; 10 files the same\n");
    }

    @Test
    @Order(6)
    void theServiceSayingNoExitsOne() {
        assertThat(run("activate", "9.9.9")).isEqualTo(1);
        assertThat(err())
                .isEqualTo("refused by the service (404 Not found): version: policy 'district-default' has"
                        + " no version '9.9.9'; GET /v1/policies/district-default/versions lists them\n");

        assertThat(run(Map.of("PATHWISE_URL", url(), "PATHWISE_API_KEY", "no-such-key"), "versions"))
                .isEqualTo(1);
        assertThat(err()).startsWith("refused by the service (401 Missing or unknown API key): ");

        assertThat(run(Map.of("PATHWISE_URL", url(), "PATHWISE_API_KEY", "demo-teacher-key"), "activate", "1.0.0"))
                .isEqualTo(1);
        assertThat(err()).startsWith("refused by the service (403 Role not allowed): role 'teacher' may not call ");
    }

    @Test
    @Order(7)
    void aKeyOnTheCommandLineIsRefusedAndTheKeyIsReadFromTheNamedVariable() {
        assertThat(run("versions", "--key", "demo-curriculum-key")).isEqualTo(2);
        assertThat(err())
                .isEqualTo("--key: an API key is never taken on the command line, because it would land in"
                        + " your shell history and in the list of running processes; put it in the environment variable"
                        + " PATHWISE_API_KEY (or the one --key-env NAME names)\n");
        assertThat(run("versions", "--api-key=demo-curriculum-key")).isEqualTo(2);
        assertThat(err()).startsWith("--api-key: an API key is never taken on the command line");

        assertThat(run(Map.of("PATHWISE_URL", url()), "versions")).isEqualTo(2);
        assertThat(err())
                .isEqualTo(
                        "no API key: the environment variable PATHWISE_API_KEY is not set; export"
                                + " PATHWISE_API_KEY=<your curriculum key> first (or name another variable with --key-env NAME)\n");

        Map<String, String> named = new HashMap<>(Map.of("CURRICULUM_KEY", "demo-curriculum-key"));
        assertThat(run(named, "versions", "--url", url(), "--key-env", "CURRICULUM_KEY"))
                .isEqualTo(0);
        assertThat(out()).startsWith("policy district-default, active version 2026.11.3\n");
    }

    @Test
    @Order(8)
    void aServiceOutOfReachExitsThreeNamingTheUrl() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(run("versions", "--url", "http://127.0.0.1:" + closed)).isEqualTo(3);
        assertThat(err())
                .isEqualTo("cannot connect to the Pathwise service at http://127.0.0.1:" + closed
                        + " (connection refused); start it with ./pathwise serve, or give its address with --url or"
                        + " PATHWISE_URL\n");

        assertThat(run("publish")).isEqualTo(2);
        assertThat(err()).isEqualTo("publish takes one policy folder: pathwise policy publish <folder>\n");
        assertThat(run("diff", "1.0.0", "--sample", "3")).isEqualTo(2);
        assertThat(err()).isEqualTo("unknown option '--sample'; this command takes --url, --key-env, --policy\n");
    }

    private String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url() + path))
                .header("X-Api-Key", "demo-curriculum-key")
                .GET()
                .build());
    }

    private String post(String path, byte[] zip) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url() + path))
                .header("X-Api-Key", "demo-curriculum-key")
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip))
                .build());
    }

    private static String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String withoutFirstLine(String text) {
        return text.substring(text.indexOf('\n') + 1);
    }

    /** The folder zipped as a curriculum team's zip tool would: its contents at the top. */
    private static byte[] zip(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
