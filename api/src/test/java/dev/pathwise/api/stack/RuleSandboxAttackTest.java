package dev.pathwise.api.stack;

import static dev.pathwise.api.stack.PolicyPublishingContract.POLICY;
import static dev.pathwise.api.stack.PolicyPublishingContract.body;
import static dev.pathwise.api.stack.PolicyPublishingContract.pack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import dev.pathwise.engine.policy.RuleFile;
import dev.pathwise.engine.testing.EndlessRules;
import dev.pathwise.engine.testing.HostileRuleFiles;
import dev.pathwise.engine.testing.HostileRuleFiles.Attack;
import dev.pathwise.rules.DefaultPolicyPack;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every hostile rule file of the engine's corpus is published with a curriculum key through
 * {@code POST /v1/policies/{id}/versions} into the default pack, and each is refused with 422 naming the file, the
 * line and the member: nothing is activated, no file is created, no thread is started and no connection reaches a
 * listening socket; afterwards the service is idle. Then rules that pass the checks but would run without end are
 * published and stopped at run time, the evidence kept and the next evaluation correct.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pathwise.demo.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleSandboxAttackTest {

    private static final Path DATA_DIR = tempDir("pathwise-sandbox-");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final Path attackFolder = tempDir("pathwise-attack-files-");
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket listener;
    private Set<String> threadsBefore;
    private TestDistrict district;
    private Http http;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
    }

    @BeforeAll
    void listenAndRemember() throws IOException {
        listener = new ServerSocket(0);
        Thread accepting = new Thread(
                () -> {
                    while (!listener.isClosed()) {
                        try (Socket ignored = listener.accept()) {
                            connections.incrementAndGet();
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "sandbox-test-listener");
        accepting.setDaemon(true);
        accepting.start();
        http = new Http("http://localhost:" + port);
        district = TestDistrict.create(context, http);
        threadsBefore = threadNames();
    }

    @AfterAll
    void closeListener() throws IOException {
        listener.close();
    }

    static List<Attack> attacks() {
        return HostileRuleFiles.all();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void hostileRuleFileIsRefusedWithFileLineAndMemberAndNothingRuns(Attack attack) {
        Path created = attackFolder.resolve(attack.fileName() + ".created");

        var refused = http.post(
                POLICY + "/versions",
                district.curriculumKey,
                body(
                        "attack-" + attack.fileName(),
                        attack.toString(),
                        pack(false, Map.of(attack.fileName(), attack.text(created, listener.getLocalPort())))));

        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<JsonNode> problems = new ArrayList<>();
        refused.body().path("report").path("problems").forEach(problems::add);
        assertThat(problems).as("%s", refused.body()).anySatisfy(problem -> {
            assertThat(problem.path("file").asText()).isEqualTo(attack.fileName());
            assertThat(problem.path("line").asInt()).isEqualTo(attack.line());
            assertThat(problem.path("message").asText()).contains(attack.expected());
        });
        assertThat(refused.body().path("errors").toString()).contains(attack.fileName() + ":" + attack.line() + ":");
        var history = http.get(POLICY + "/versions", district.teacherKey).body();
        assertThat(history.path("activeVersion").asText()).isEqualTo(DefaultPolicyPack.VERSION);
        assertThat(history.path("versions")).hasSize(1);
        assertThat(created).doesNotExist();
        assertThat(connections.get()).isZero();
        assertThat(newThreads()).isEmpty();
    }

    @Order(2)
    @Test
    void afterTheAttacksTheServiceIsIdleAndHealthy() {
        // every hostile file was refused before anything of it ran: no thread of it is left burning CPU
        OtherThreadsCpu cpu = new OtherThreadsCpu();
        await().atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .pollDelay(Duration.ofMillis(500))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> cpu.shareOfOneCoreSinceLastCall() < 0.25);
        assertThat(http.get("/actuator/health", null).text("status")).isEqualTo("UP");
        assertThat(newThreads()).isEmpty();
    }

    @Order(3)
    @ParameterizedTest(name = "{0}")
    @MethodSource("endlessRules")
    void rulesThatRunWithoutEndAreStoppedTheEvidenceKeptAndTheServiceHealthy(
            String name, RuleFile endless, String rule) {
        // given: a district whose active rules pass every check but never finish on evidence
        TestDistrict endlessDistrict = TestDistrict.create(context, http);
        endlessDistrict.learner(http, "ana", 7, "north");
        assertThat(http.post(
                                POLICY + "/versions",
                                endlessDistrict.curriculumKey,
                                body("endless-" + name, name, pack(false, Map.of(endless.path(), endless.content()))))
                        .status())
                .isEqualTo(201);
        var before = http.get("/v1/learners/ana", endlessDistrict.platformKey).body();
        var masteryBefore = http.get("/v1/learners/ana/mastery", endlessDistrict.platformKey)
                .body();

        // when
        var stopped = http.post(
                "/v1/evidence", endlessDistrict.platformKey, TestDistrict.evidence("e-1", "ana", "ratio.tables", 9));

        // then: 422 naming the rule; the evidence is kept (counted among the learner's rows, so the stored row has
        // a new version) and the learner's mastery is as it was
        assertThat(stopped.status()).as("%s", stopped.body()).isEqualTo(422);
        assertThat(stopped.text("type")).endsWith("/rule-limit");
        assertThat(stopped.body().path("rules").get(0).asText()).isEqualTo(rule);
        assertThat(stopped.text("detail")).contains("limit of one evaluation");
        var after = http.get("/v1/learners/ana", endlessDistrict.platformKey).body();
        assertThat(after.path("evidenceCount").asLong()).isEqualTo(1);
        assertThat(after.path("version").asLong())
                .isEqualTo(before.path("version").asLong() + 1);
        assertThat(after.path("observationCount").asInt())
                .isEqualTo(before.path("observationCount").asInt());
        assertThat(http.get("/v1/learners/ana/mastery", endlessDistrict.platformKey)
                        .body())
                .isEqualTo(masteryBefore);
        assertThat(http.post(
                                "/v1/evidence",
                                endlessDistrict.platformKey,
                                TestDistrict.evidence("e-1", "ana", "ratio.tables", 9))
                        .status())
                .isEqualTo(422);
        assertThat(http.get("/actuator/health", null).text("status")).isEqualTo("UP");

        // and: back on the default pack, the next evidence is evaluated and applied
        assertThat(http.post(
                                POLICY + "/versions/" + DefaultPolicyPack.VERSION + "/activate",
                                endlessDistrict.curriculumKey,
                                "")
                        .status())
                .isEqualTo(200);
        var next = http.post(
                "/v1/evidence", endlessDistrict.platformKey, TestDistrict.evidence("e-2", "ana", "ratio.concept", 9));
        assertThat(next.status()).as("%s", next.body()).isEqualTo(200);
        assertThat(next.body().path("masteryChanges").toString()).contains("ratio.concept");
        OtherThreadsCpu cpu = new OtherThreadsCpu();
        await().atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .pollDelay(Duration.ofMillis(500))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> cpu.shareOfOneCoreSinceLastCall() < 0.25);
    }

    static List<Arguments> endlessRules() {
        return List.of(
                Arguments.of("join", EndlessRules.JOIN_WITHOUT_END, "Joins every four facts"),
                Arguments.of("growth", EndlessRules.GROWTH_WITHOUT_END, "Doubles the string"));
    }

    /** Threads started since the attacks began whose names are those the JDK gives threads, timers and pools. */
    private Set<String> newThreads() {
        return threadNames().stream()
                .filter(name -> !threadsBefore.contains(name))
                .filter(name -> name.matches("Thread-\\d+|Timer-\\d+|pool-\\d+-thread-\\d+|ForkJoinPool.*"))
                .collect(Collectors.toSet());
    }

    private static Set<String> threadNames() {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(false, false))
                .map(info -> info.getThreadName())
                .collect(Collectors.toSet());
    }

    /**
     * The CPU time all threads but the caller's used between two calls, as a share of one core: each call closes
     * the window the previous one opened.
     */
    private static final class OtherThreadsCpu {
        private long cpuBefore = cpuOfOtherThreads();
        private long wallBefore = System.nanoTime();

        double shareOfOneCoreSinceLastCall() {
            long cpu = cpuOfOtherThreads();
            long wall = System.nanoTime();
            double share = (cpu - cpuBefore) / (double) Math.max(1, wall - wallBefore);
            cpuBefore = cpu;
            wallBefore = wall;
            return share;
        }

        private static long cpuOfOtherThreads() {
            var threads = ManagementFactory.getThreadMXBean();
            long self = Thread.currentThread().getId();
            return Arrays.stream(threads.getAllThreadIds())
                    .filter(id -> id != self)
                    .map(threads::getThreadCpuTime)
                    .filter(t -> t > 0)
                    .sum();
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
