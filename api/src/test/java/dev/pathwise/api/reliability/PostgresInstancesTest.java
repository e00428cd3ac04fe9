package dev.pathwise.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.PathwiseApplication;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two service instances against one PostgreSQL (embedded, on a fixed data directory so it can be stopped and started
 * again): evidence for one learner from many threads through both instances stays complete and in order; while the
 * database is down, requests fail fast with 503 problem+json and nothing is half-written; when it is back, the
 * instances recover by themselves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresInstancesTest {

    static Path dataDir;
    static int port;
    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static Http one;
    static Http two;
    static TestDistrict tenant;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("pathwise-pg-");
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
        port = postgres.getPort();
        first = instance();
        second = instance();
        one = new Http("http://localhost:" + first.getEnvironment().getProperty("local.server.port"));
        two = new Http("http://localhost:" + second.getEnvironment().getProperty("local.server.port"));
        tenant = TestDistrict.marked(first, one);
    }

    @AfterAll
    static void stop() throws IOException {
        first.close();
        second.close();
        postgres.close();
    }

    private static ConfigurableApplicationContext instance() {
        return new SpringApplicationBuilder(PathwiseApplication.class)
                .run(
                        "--server.port=0",
                        "--pathwise.demo.enabled=false",
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + port
                                + "/postgres?connectTimeout=2&socketTimeout=30",
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres");
    }

    @Test
    @Order(1)
    void evidenceForOneLearnerFromManyThreadsThroughTwoInstancesIsCompleteAndInOrder() throws Exception {
        String learner = tenant.learnerInterestedIn(one, "busy", "music");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                Http via = t % 2 == 0 ? one : two;
                threads.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        Http.expect(
                                via.post(
                                        "/v1/evidence",
                                        tenant.key(Role.PLATFORM),
                                        TestDistrict.evidence(
                                                "mi-" + thread + "-" + i, learner, "ratio.concept", (thread + i) % 11)),
                                200);
                    }
                    return null;
                }));
            }
            for (Future<?> thread : threads) {
                thread.get();
            }
        } finally {
            pool.shutdown();
        }

        JsonNode verified =
                two.get("/v1/learners/busy/verify", tenant.key(Role.ADMIN)).body();
        assertThat(verified.path("evidenceCount").asInt()).isEqualTo(200);
        assertThat(verified.path("distinctEvidenceIds").asInt()).isEqualTo(200);
        assertThat(verified.path("version").asInt())
                .as("one snapshot write per evidence, none lost")
                .isEqualTo(201);
        assertThat(verified.path("matchesReplay").asBoolean())
                .as(verified.toString())
                .isTrue();
        // The order the engine keeps (the snapshot's observations) is the order of storage (seq), sorted by the
        // time each piece was observed (here the time it was received): evidence counts in the order observed.
        String snapshot = first.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject(
                        "select snapshot from learners where tenant_id = ? and learner_id = ?",
                        String.class,
                        tenant.tenantId,
                        learner);
        List<String> seen = new ArrayList<>();
        Map<String, Instant> observedAt = new HashMap<>();
        Http.JSON
                .readTree(snapshot)
                .path("competencies")
                .path("ratio.concept")
                .path("observations")
                .forEach(o -> {
                    seen.add(o.path("evidenceId").asText());
                    observedAt.put(
                            o.path("evidenceId").asText(),
                            Instant.parse(o.path("at").asText()));
                });
        List<String> stored = new ArrayList<>();
        verified.path("evidenceIds").forEach(id -> stored.add(id.asText()));
        List<String> storedByTime = new ArrayList<>(stored);
        storedByTime.sort(Comparator.comparing(observedAt::get));
        assertThat(seen).isEqualTo(storedByTime);
    }

    @Test
    @Order(2)
    void mixedBatchAndSingleTrafficOnTheSameLearnersThroughTwoInstancesMatchesTheReplay() throws Exception {
        MixedTraffic traffic = new MixedTraffic(one, tenant, 5);
        MixedTraffic.Outcome outcome = traffic.run(
                Integer.getInteger("mixed.batchClients", 3),
                Integer.getInteger("mixed.batches", 10),
                30,
                Integer.getInteger("mixed.singleClients", 3),
                Integer.getInteger("mixed.singles", 100),
                two);
        System.out.println("Mixed traffic (PostgreSQL, two instances): " + outcome.requests() + " requests, "
                + outcome.acknowledged().size() + " evidence acknowledged");
        MixedTraffic.assertHolds(traffic, outcome);
    }

    @Test
    @Order(3)
    void whileTheDatabaseIsDownRequestsFailFastWith503AndTheServiceRecoversByItself() throws Exception {
        String learner = tenant.learnerInterestedIn(one, "outage", "art");
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> unavailableMillis = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Http via = t % 2 == 0 ? one : two;
            clients.add(pool.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String id = "out-" + thread + "-" + i;
                    long start = System.nanoTime();
                    Http.Response response = via.post(
                            "/v1/evidence",
                            tenant.key(Role.PLATFORM),
                            TestDistrict.evidence(id, learner, "ratio.concept", i % 11));
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    if (response.status() == 200) {
                        acknowledged.add(id);
                    } else if (response.status() == 503 && response.isProblem()) {
                        unavailableMillis.add(millis);
                    } else {
                        wrong.add(response.status() + " " + response.text());
                    }
                }
                return null;
            }));
        }
        // under load: evidence is being acknowledged through both instances
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 20);
        postgres.close();
        // the database stays down until the clients have been refused a few times
        await().atMost(Duration.ofSeconds(60)).until(() -> unavailableMillis.size() >= 5);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        int before = acknowledged.size();
        // recovers by itself: evidence is acknowledged again without restarting the service
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= before + 20);
        running.set(false);
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();

        System.out.println("Outage: " + acknowledged.size() + " acknowledged, " + unavailableMillis.size()
                + " x 503 (slowest "
                + unavailableMillis.stream().mapToLong(Long::longValue).max().orElse(0)
                + " ms), other answers " + wrong.size());
        assertThat(wrong).as("answers other than 200 and 503 problem").isEmpty();
        assertThat(unavailableMillis).as("503s while the database was down").isNotEmpty();
        assertThat(unavailableMillis).as("fail fast").allMatch(ms -> ms < 5_000);
        JsonNode verified =
                one.get("/v1/learners/outage/verify", tenant.key(Role.ADMIN)).body();
        List<String> stored = new ArrayList<>();
        verified.path("evidenceIds").forEach(id -> stored.add(id.asText()));
        assertThat(stored)
                .as("every acknowledged evidence, once")
                .containsAll(acknowledged)
                .doesNotHaveDuplicates();
        assertThat(verified.path("matchesReplay").asBoolean())
                .as("nothing half-written")
                .isTrue();
        assertThat(verified.path("version").asInt()).isEqualTo(stored.size() + 1);
    }
}
