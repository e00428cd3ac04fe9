package dev.pathwise.api.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.PathwiseApplication;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * The evidence stream against a real Kafka broker (embedded, KRaft) and a real PostgreSQL (embedded), with two
 * service nodes in one consumer group: one in this JVM, one in a JVM of its own so that it can be killed ({@code
 * kill -9}). Evidence published over HTTP is stored or refused and readable by id; evidence produced while one node is
 * stopped and the other killed and restarted is stored exactly once, each learner's in the order produced, and each
 * learner's state equals its replay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidenceStreamTest {

    static final String EVIDENCE = "pathwise.evidence";
    static final String REFUSED = "pathwise.evidence.refused";
    static final String UPDATES = "pathwise.path-updates";
    static final int PARTITIONS = 4;

    static EmbeddedKafkaKraftBroker kafka;
    static EmbeddedPostgres postgres;
    static JdbcTemplate database;
    static ConfigurableApplicationContext first;
    static Process second;
    static int secondPort;
    static Http a;
    static Http b;
    static TestDistrict district;
    static KafkaProducer<String, String> producer;

    @BeforeAll
    static void start() throws Exception {
        kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS, EVIDENCE, REFUSED, UPDATES);
        kafka.afterPropertiesSet();
        postgres = EmbeddedPostgresServer.start();
        database = new JdbcTemplate(postgres.getPostgresDatabase());
        first = inProcess();
        a = new Http("http://localhost:" + first.getEnvironment().getProperty("local.server.port"));
        secondPort = freePort();
        second = ownJvm(secondPort, "second-1");
        b = new Http("http://localhost:" + secondPort);
        district = TestDistrict.create(first, a);
        Map<String, Object> config = new HashMap<>(KafkaTestUtils.producerProps(kafka));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer = new KafkaProducer<>(config);
        awaitUp(b);
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (second != null) {
            second.destroyForcibly();
        }
        if (first != null) {
            first.close();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    /** The service's settings on this broker and database, consuming the evidence and answering HTTP with 202. */
    static List<String> arguments(int port) {
        return List.of(
                "--server.port=" + port,
                "--pathwise.demo.enabled=false",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--pathwise.kafka.enabled=true",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--pathwise.kafka.partitions=" + PARTITIONS,
                "--pathwise.kafka.consumers=2",
                "--pathwise.kafka.evidence-over-http=publish",
                // a killed node's partitions go to the others after 6 s (the broker's least), not Kafka's 45 s
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000");
    }

    static ConfigurableApplicationContext inProcess() {
        return new SpringApplicationBuilder(PathwiseApplication.class)
                .run(arguments(0).toArray(String[]::new));
    }

    /** A node in a JVM of its own, on the test's class path, that {@link Process#destroyForcibly} kills like kill -9. */
    static Process ownJvm(int port, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                PathwiseApplication.class.getName()));
        command.addAll(arguments(port));
        File log = Files.createTempFile("pathwise-" + name + "-", ".log").toFile();
        System.out.println("Node " + name + " on port " + port + " logs to " + log);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    static void awaitUp(Http node) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> node.get("/actuator/health", null).status() == 200);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    @Order(1)
    void evidencePostedInPublishModeIsAnsweredWith202AndThenStoredOrRefusedAsGetSays() {
        // given: a learner
        district.learner(a, "ana", 7, "north");

        // when: evidence for her, and evidence for a learner who does not exist, are posted
        var accepted =
                a.post("/v1/evidence", district.platformKey, TestDistrict.evidence("h-ana", "ana", "ratio.concept", 9));
        var alsoAccepted = a.post(
                "/v1/evidence", district.platformKey, TestDistrict.evidence("h-nobody", "nobody", "ratio.concept", 9));
        var invalid = a.post(
                "/v1/evidence", district.platformKey, TestDistrict.evidence("h-bad", "ana", "no.such.competency", 9));

        // then: 202 with a receipt for both; the invalid one is refused at once, as without Kafka
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        assertThat(accepted.text("status")).isEqualTo("pending");
        assertThat(accepted.text("location")).isEqualTo("/v1/evidence/h-ana");
        assertThat(alsoAccepted.status()).isEqualTo(202);
        assertThat(invalid.status()).isBetween(400, 499);
        assertThat(invalid.isProblem()).isTrue();

        // and: the first is stored (on whichever node took it), the second refused with the 404 problem
        JsonNode stored = awaitStatus(b, "h-ana");
        assertThat(stored.path("status").asText()).isEqualTo("stored");
        assertThat(stored.path("update").path("evidenceId").asText()).isEqualTo("h-ana");
        JsonNode refused = awaitStatus(a, "h-nobody");
        assertThat(refused.path("status").asText()).isEqualTo("refused");
        assertThat(refused.path("problem").path("status").asInt()).isEqualTo(404);
        assertThat(refused.path("problem").path("detail").asText()).contains("nobody");

        // and: the refusal is on the dead-letter topic with its problem, the update on the updates topic
        JsonNode deadLetter = awaitMessage(
                REFUSED, m -> m.path("evidence").path("id").asText().equals("h-nobody"));
        assertThat(deadLetter.path("tenantId").asText()).isEqualTo(district.tenantId);
        assertThat(deadLetter.path("problem").path("status").asInt()).isEqualTo(404);
        JsonNode update = awaitMessage(
                UPDATES, m -> m.path("update").path("evidenceId").asText().equals("h-ana"));
        assertThat(update.path("update").path("masteryChanges")).isNotEmpty();
        assertThat(a.get("/v1/evidence/h-bad", district.platformKey).status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void evidenceProducedThroughAStopAndAKillIsStoredOnceInOrderAndEachLearnerMatchesItsReplay() throws Exception {
        // given: 24 learners; 25 pieces each, produced round by round (one piece per learner per round)
        int learners = 24;
        int rounds = 25;
        List<String> ids = new ArrayList<>();
        for (int l = 0; l < learners; l++) {
            ids.add("s-" + l);
            district.learner(a, "s-" + l, 7, "north");
        }

        // when: one node is stopped while the first third is being consumed
        produce(ids, 0, 8);
        awaitStored(50);
        first.close();
        // and: the other is killed (kill -9) while the second third is being consumed, its batch half done
        int beforeSecond = stored();
        produce(ids, 8, 16);
        awaitStored(beforeSecond + 20);
        second.destroyForcibly().waitFor();
        // and: both come back while the last third is produced
        first = inProcess();
        a = new Http("http://localhost:" + first.getEnvironment().getProperty("local.server.port"));
        produce(ids, 16, rounds);
        second = ownJvm(secondPort, "second-2");
        awaitUp(b);

        // then: every piece is stored exactly once
        awaitStored(learners * rounds);
        assertThat(database.queryForObject(
                        "select count(distinct evidence_id) from evidence where tenant_id = ? and evidence_id like 'k-%'",
                        Integer.class, district.tenantId))
                .isEqualTo(learners * rounds);
        for (String learner : ids) {
            // and: each learner's pieces were evaluated in the order produced (= their partition's offset order)
            List<String> order = database.queryForList(
                    "select evidence_id from evidence where tenant_id = ? and learner_id = ? order by seq",
                    String.class,
                    district.tenantId,
                    learner);
            List<String> produced = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                produced.add(evidenceId(learner, r));
            }
            assertThat(order).as("storage order of %s", learner).isEqualTo(produced);
            // and: the state counts each piece once (one observation each), and equals the replay of its evidence
            JsonNode verified = a.get("/v1/learners/" + learner + "/verify", district.key(Role.ADMIN))
                    .body();
            assertThat(verified.path("evidenceCount").asInt())
                    .as("%s", verified)
                    .isEqualTo(rounds);
            assertThat(verified.path("evidenceRows").asInt()).as("%s", verified).isEqualTo(rounds);
            assertThat(verified.path("distinctEvidenceIds").asInt())
                    .as("%s", verified)
                    .isEqualTo(rounds);
            assertThat(verified.path("matchesReplay").asBoolean())
                    .as("%s", verified)
                    .isTrue();
            JsonNode snapshot = read(database.queryForObject(
                    "select snapshot from learners where tenant_id = ? and learner_id = ?",
                    String.class,
                    district.tenantId,
                    learner));
            assertThat(snapshot.path("competencies")
                            .path("ratio.concept")
                            .path("observations")
                            .size())
                    .isEqualTo(rounds);
        }
    }

    @Test
    @Order(3)
    void evidenceOfADisabledTenantGoesToTheDeadLetterTopicAndNothingIsStored() throws Exception {
        // given: a tenant with a learner, disabled by an operator
        TestDistrict disabled = TestDistrict.create(first, a);
        disabled.learner(a, "ana", 7, "north");
        first.getBean(dev.pathwise.api.tenant.TenantService.class).disable(disabled.tenantId);

        // when: evidence for it arrives on the stream
        producer.send(new ProducerRecord<>(
                        EVIDENCE,
                        disabled.tenantId + ":ana",
                        Http.JSON.writeValueAsString(Map.of(
                                "tenantId",
                                disabled.tenantId,
                                "evidence",
                                TestDistrict.evidence("d-1", "ana", "ratio.concept", 7)))))
                .get();

        // then: it is dead-lettered with a 403 problem, and not stored
        JsonNode deadLetter =
                awaitMessage(REFUSED, m -> m.path("tenantId").asText().equals(disabled.tenantId));
        assertThat(deadLetter.path("problem").path("status").asInt()).isEqualTo(403);
        assertThat(deadLetter.path("problem").path("type").asText()).endsWith("/tenant-disabled");
        assertThat(deadLetter.path("evidence").path("id").asText()).isEqualTo("d-1");
        assertThat(database.queryForObject(
                        "select count(*) from evidence where tenant_id = ?", Integer.class, disabled.tenantId))
                .isZero();
    }

    @Test
    @Order(4)
    void aRefusalOfAKnownLearnerIsCountedInHerExportAndErasedWithHer() throws Exception {
        // given: a learner, and what the nodes have counted so far
        district.learner(a, "bea", 7, "north");
        double refusedBefore = counted("refused");
        double storedBefore = counted("stored");

        // when: a platform produces a piece for her naming no competency of the framework, then a valid one
        produceFor("bea", "r-bea-1", "no.such.competency");
        produceFor("bea", "r-bea-2", "ratio.concept");

        // then: the first is refused with a problem naming the field, the second stored
        JsonNode refused = awaitStatus(a, "r-bea-1");
        assertThat(refused.path("status").asText()).isEqualTo("refused");
        assertThat(refused.path("problem").path("field").asText()).isEqualTo("competencyId");
        assertThat(awaitStatus(b, "r-bea-2").path("status").asText()).isEqualTo("stored");

        // and: the nodes' metrics count one more refused and one more stored piece
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(counted("refused")).isEqualTo(refusedBefore + 1);
                    assertThat(counted("stored")).isEqualTo(storedBefore + 1);
                });

        // and: her export lists the refused piece with its problem, beside the stored one
        JsonNode export = Http.expect(a.get("/v1/learners/bea/export", district.adminKey), 200)
                .body();
        assertThat(export.path("evidence")).hasSize(1);
        assertThat(export.path("evidence").get(0).path("evidenceId").asText()).isEqualTo("r-bea-2");
        assertThat(export.path("refusedEvidence")).hasSize(1);
        JsonNode refusal = export.path("refusedEvidence").get(0);
        assertThat(refusal.path("evidenceId").asText()).isEqualTo("r-bea-1");
        assertThat(refusal.path("refusedAt").asText()).isNotBlank();
        assertThat(refusal.path("problem").path("field").asText()).isEqualTo("competencyId");

        // and: erasing her removes the refusal too
        JsonNode erased = Http.expect(a.delete("/v1/learners/bea", district.adminKey), 200)
                .body();
        assertThat(erased.path("removed").path("evidenceRefusals").asInt()).isEqualTo(1);
        assertThat(a.get("/v1/evidence/r-bea-1", district.platformKey).status()).isEqualTo(404);
    }

    static void produceFor(String learner, String evidenceId, String competencyId) throws Exception {
        producer.send(new ProducerRecord<>(
                        EVIDENCE,
                        district.tenantId + ":" + learner,
                        Http.JSON.writeValueAsString(Map.of(
                                "tenantId",
                                district.tenantId,
                                "evidence",
                                TestDistrict.evidence(evidenceId, learner, competencyId, 7)))))
                .get();
    }

    /** The pieces both nodes counted with this outcome ({@code pathwise.stream.evidence}) since they started. */
    static double counted(String outcome) {
        double sum = 0;
        for (Http node : List.of(a, b)) {
            JsonNode metric = Http.expect(
                            node.get("/actuator/metrics/pathwise.stream.evidence?tag=outcome:" + outcome, null), 200)
                    .body();
            sum += metric.path("measurements").get(0).path("value").asDouble();
        }
        return sum;
    }

    static String evidenceId(String learner, int round) {
        return "k-" + learner + "-" + round;
    }

    /** Rounds {@code from} (inclusive) to {@code to}: one piece per learner per round, each keyed by its learner. */
    static void produce(List<String> learners, int from, int to) throws Exception {
        for (int r = from; r < to; r++) {
            for (int l = 0; l < learners.size(); l++) {
                String learner = learners.get(l);
                Map<String, Object> envelope = Map.of(
                        "tenantId",
                        district.tenantId,
                        "evidence",
                        TestDistrict.evidence(evidenceId(learner, r), learner, "ratio.concept", (r * 7 + l) % 11));
                producer.send(new ProducerRecord<>(
                        EVIDENCE, district.tenantId + ":" + learner, Http.JSON.writeValueAsString(envelope)));
            }
        }
        producer.flush();
    }

    static int stored() {
        return database.queryForObject(
                "select count(*) from evidence where tenant_id = ? and evidence_id like 'k-%'",
                Integer.class, district.tenantId);
    }

    static void awaitStored(int count) {
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> stored() >= count);
    }

    static JsonNode awaitStatus(Http node, String evidenceId) {
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> node.get("/v1/evidence/" + evidenceId, district.platformKey)
                                .status()
                        == 200);
        return node.get("/v1/evidence/" + evidenceId, district.platformKey).body();
    }

    /** The first message of the topic (read from its beginning) that matches. */
    static JsonNode awaitMessage(String topic, java.util.function.Predicate<JsonNode> matches) {
        Map<String, Object> config = new HashMap<>(KafkaTestUtils.consumerProps("test-" + topic, "false", kafka));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        ConcurrentLinkedQueue<JsonNode> found = new ConcurrentLinkedQueue<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode message = read(record.value());
                    if (matches.test(message)) {
                        found.add(message);
                    }
                }
                return !found.isEmpty();
            });
        }
        return found.peek();
    }

    static JsonNode read(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
