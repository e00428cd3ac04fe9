package dev.pathwise.api.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathwise.api.PathwiseApplication;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence in and the learner's state out, through the whole stack on a real database (H2 file or PostgreSQL, per
 * database test class): real HTTP, real transactions, no mocks. Idempotency, late evidence, conflicts, concurrent
 * and batched evidence, keys and roles, the learner's views and overrides, groups, and the state kept over a restart.
 */
abstract class EvidenceContract extends RunningService {

    Http http;
    TestDistrict district;

    /** The datasource properties of this database, for contexts started by the restart test. */
    abstract Map<String, Object> databaseProperties();

    @BeforeEach
    void district() {
        http = new Http("http://localhost:" + port);
        district = TestDistrict.create(context, http);
        district.learner(http, "ana", 7, "north");
    }

    @Test
    void sameEvidenceTwiceGivesTheSameResultAndOneRow() {
        var evidence = TestDistrict.evidence("e-1", "ana", "ratio.concept", 9);

        var first = http.post("/v1/evidence", district.platformKey, evidence);
        var second = http.post("/v1/evidence", district.platformKey, evidence);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        var learner = http.get("/v1/learners/ana", district.platformKey).body();
        assertThat(learner.path("evidenceCount").asLong()).isEqualTo(1);
        assertThat(learner.path("observationCount").asInt()).isEqualTo(1);
    }

    @Test
    void withoutKafkaNothingOfKafkaStartsAndEvidenceIsAnsweredSynchronouslyAndReadableById() {
        // given: the service as configured by default (pathwise.kafka.enabled=false)
        assertThat(context.getBeanNamesForType(org.springframework.kafka.core.KafkaTemplate.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(dev.pathwise.api.evidence.EvidenceStream.class))
                .isEmpty();

        // when: evidence is sent
        var answer = http.post(
                "/v1/evidence", district.platformKey, TestDistrict.evidence("e-sync", "ana", "ratio.concept", 8));

        // then: 200 with the path update, and GET /v1/evidence/{id} says stored with the same update
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("evidenceId")).isEqualTo("e-sync");
        var status = http.get("/v1/evidence/e-sync", district.platformKey);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.text("status")).isEqualTo("stored");
        assertThat(status.body().path("update")).isEqualTo(answer.body());
        var unknown = http.get("/v1/evidence/e-never-sent", district.platformKey);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.text("type")).endsWith("/evidence-pending");
    }

    @Test
    void evidenceObservedBeforeTheLearnersLatestCountsAtItsPlaceAndTheAnswerSaysSo() {
        // given: 0.2 observed an hour ago, already counted
        java.time.Instant now = java.time.Instant.now();
        Map<String, Object> newer =
                new java.util.HashMap<>(TestDistrict.evidence("e-newer", "ana", "ratio.concept", 2));
        newer.put("observedAt", now.minusSeconds(3600).toString());
        Map<String, Object> older =
                new java.util.HashMap<>(TestDistrict.evidence("e-older", "ana", "ratio.concept", 9));
        older.put("observedAt", now.minusSeconds(2 * 86_400).toString());
        var first = http.post("/v1/evidence", district.platformKey, newer);

        // when: 0.9 observed two days ago arrives after it
        var late = http.post("/v1/evidence", district.platformKey, older);

        // then: counted first, as if it had arrived in time (decaying average 0.65 x 0.2 + 0.35 x 0.9 = 0.445, not
        // 0.655), the learner rebuilt, and the answer saying so; a retry answers the same
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().has("late")).isFalse();
        assertThat(late.status()).as("%s", late.body()).isEqualTo(200);
        JsonNode placed = late.body().path("late");
        assertThat(placed.path("observedAt").asText()).isEqualTo(older.get("observedAt"));
        assertThat(placed.path("latestCounted").asText()).isEqualTo(newer.get("observedAt"));
        assertThat(placed.path("countedAfter").asInt()).isEqualTo(1);
        assertThat(placed.path("replayed").asInt()).isEqualTo(2);
        assertThat(placed.path("text").asText()).contains("counted at its place in time");
        JsonNode change = late.body().path("masteryChanges").get(0);
        assertThat(change.path("competencyId").asText()).isEqualTo("ratio.concept");
        assertThat(change.path("toScore").asDouble()).isCloseTo(0.445, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(change.path("evidenceCount").asInt()).isEqualTo(2);
        var verification =
                http.get("/v1/learners/ana/verify", district.adminKey).body();
        assertThat(verification.path("matchesReplay").asBoolean())
                .as("%s", verification)
                .isTrue();
        assertThat(verification.path("evidenceIds").toString()).isEqualTo("[\"e-older\",\"e-newer\"]");
        var retried = http.post("/v1/evidence", district.platformKey, older);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(late.body());
    }

    @Test
    void aLearnerWriteThatLeavesStoredEvidenceOutIsRefusedByTheDatabaseAndNothingIsAcknowledged() {
        // given: ana with one evidence, then a row of hers stored behind her state's back (what a lost update leaves)
        assertThat(http.post(
                                "/v1/evidence",
                                district.platformKey,
                                TestDistrict.evidence("e-1", "ana", "ratio.concept", 7))
                        .status())
                .isEqualTo(200);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        var learners = context.getBean(dev.pathwise.api.learner.LearnerRepository.class);
        var before = learners.require(district.tenantId, "ana");
        jdbc.update(
                "insert into evidence (tenant_id, evidence_id, learner_id, content_hash, payload, result,"
                        + " policy_version, received_at) values (?, 'behind-its-back', 'ana', 'h', '{}', '{}', 'v', now())",
                district.tenantId);

        // when: a write of her state as read, and the next evidence over HTTP
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> context.getBean(
                        TransactionTemplate.class)
                .executeWithoutResult(status -> learners.update(before, before.snapshot(), java.time.Instant.now())));
        var next = http.post(
                "/v1/evidence", district.platformKey, TestDistrict.evidence("e-2", "ana", "ratio.concept", 9));

        // then: the database refuses both, loudly; nothing of them is written
        assertThat(before.evidenceCount()).isEqualTo(1);
        assertThat(refused)
                .isInstanceOf(dev.pathwise.api.learner.LearnerStateConflict.class)
                .hasMessageContaining("would account for 1")
                .hasMessageContaining("2 evidence of the learner are" + " stored");
        assertThat(next.status()).as("%s", next.body()).isEqualTo(500);
        assertThat(next.text("type")).endsWith("/learner-state-conflict");
        assertThat(next.text("field")).isEqualTo("learnerId");
        assertThat(jdbc.queryForObject(
                        "select count(*) from evidence where tenant_id = ? and evidence_id = 'e-2'",
                        Long.class,
                        district.tenantId))
                .isZero();
        assertThat(learners.require(district.tenantId, "ana").version()).isEqualTo(before.version());
    }

    @Test
    void sameEvidenceIdWithOtherContentIsAConflict() {
        http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("e-1", "ana", "ratio.concept", 9));

        var reused = http.post(
                "/v1/evidence", district.platformKey, TestDistrict.evidence("e-1", "ana", "ratio.concept", 3));

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.text("field")).isEqualTo("id");
        assertThat(reused.text("value")).isEqualTo("e-1");
        assertThat(http.get("/v1/learners/ana", district.platformKey)
                        .body()
                        .path("evidenceCount")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void concurrentEvidenceOnOneLearnerIsEvaluatedOneAfterAnotherWithoutLostUpdates() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Integer>>> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        statuses.add(http.post(
                                        "/v1/evidence",
                                        district.platformKey,
                                        TestDistrict.evidence(
                                                "c-" + thread + "-" + i, "ana", "ratio.concept", (thread + i) % 11))
                                .status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> thread : threads) {
                assertThat(thread.get()).containsOnly(200);
            }
        } finally {
            pool.shutdown();
        }

        var learner = http.get("/v1/learners/ana", district.platformKey).body();
        assertThat(learner.path("evidenceCount").asLong()).isEqualTo(200);
        assertThat(learner.path("observationCount").asInt()).isEqualTo(200);
        assertThat(learner.path("version").asLong()).isEqualTo(201);
        var mastery = http.get("/v1/learners/ana/mastery", district.teacherKey).body();
        assertThat(mastery.path("competencies")
                        .findValues("evidenceCount")
                        .get(1)
                        .asInt())
                .isEqualTo(200);
    }

    @Test
    void anotherTenantsLearnerIsNotFound() {
        TestDistrict other = TestDistrict.create(context, http);

        var response = http.get("/v1/learners/ana", other.platformKey);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("field")).isEqualTo("learnerId");
        assertThat(response.text("value")).isEqualTo("ana");
        assertThat(http.post("/v1/evidence", other.platformKey, TestDistrict.evidence("x-1", "ana", "ratio.concept", 5))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void missingOrUnknownKeyIs401AndWrongRoleIs403() {
        var evidence = TestDistrict.evidence("e-auth", "ana", "ratio.concept", 5);

        assertThat(http.post("/v1/evidence", null, evidence).status()).isEqualTo(401);
        var unknown = http.post("/v1/evidence", "no-such-key", evidence);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        var teacher = http.post("/v1/evidence", district.teacherKey, evidence);
        assertThat(teacher.status()).isEqualTo(403);
        assertThat(teacher.text("value")).isEqualTo("teacher");
        assertThat(http.post("/v1/evidence", district.adminKey, evidence).status())
                .isEqualTo(200);
    }

    @Test
    void refusedEvidenceStoresNothingAndNamesFieldAndValue() {
        var outOfScale = http.post(
                "/v1/evidence", district.platformKey, TestDistrict.evidence("e-bad", "ana", "ratio.concept", 12));
        var unknownCompetency = http.post(
                "/v1/evidence", district.platformKey, TestDistrict.evidence("e-bad2", "ana", "ratio.concpet", 5));
        var malformed = http.post("/v1/evidence", district.platformKey, "{\"id\": \"e-bad3\", ");
        var wrongType = http.post(
                "/v1/evidence",
                district.platformKey,
                "{\"id\": \"e-bad4\", \"learnerId\": \"ana\", \"score\": {\"raw\": \"seven\"}}");

        assertThat(outOfScale.status()).isEqualTo(400);
        assertThat(outOfScale.text("field")).isEqualTo("score.raw");
        assertThat(outOfScale.body().path("value").asDouble()).isEqualTo(12.0);
        assertThat(unknownCompetency.status()).isEqualTo(400);
        assertThat(unknownCompetency.text("field")).isEqualTo("competencyId");
        assertThat(unknownCompetency.text("value")).isEqualTo("ratio.concpet");
        assertThat(unknownCompetency.text("detail")).contains("ratio.concept");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.text("field")).isEqualTo("body");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.text("field")).isEqualTo("score.raw");
        assertThat(wrongType.text("value")).isEqualTo("seven");
        assertThat(http.get("/v1/learners/ana", district.platformKey)
                        .body()
                        .path("evidenceCount")
                        .asLong())
                .isZero();
    }

    @Test
    void batchGivesAResultPerItemAndABadItemDoesNotStopTheOthers() {
        var batch = http.post(
                "/v1/evidence/batch",
                district.platformKey,
                List.of(
                        TestDistrict.evidence("b-1", "ana", "ratio.concept", 8),
                        TestDistrict.evidence("b-2", "ana", "ratio.concept", 11),
                        TestDistrict.evidence("b-3", "nobody", "ratio.concept", 8),
                        TestDistrict.evidence("b-4", "ana", "ratio.concept", 9)));

        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().path("accepted").asInt()).isEqualTo(2);
        List<Integer> statuses = new ArrayList<>();
        batch.body()
                .path("results")
                .forEach(result -> statuses.add(result.path("status").asInt()));
        assertThat(statuses).containsExactly(200, 400, 404, 200);
        assertThat(batch.body()
                        .path("results")
                        .get(1)
                        .path("problem")
                        .path("field")
                        .asText())
                .isEqualTo("score.raw");
        assertThat(http.get("/v1/learners/ana", district.platformKey)
                        .body()
                        .path("evidenceCount")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void batchOverTheLimitIsRefusedNamingTheLimit() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            items.add(TestDistrict.evidence("big-" + i, "ana", "ratio.concept", 5));
        }

        var response = http.post("/v1/evidence/batch", district.platformKey, items);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.text("detail")).contains("1000");
        assertThat(response.body().path("value").asInt()).isEqualTo(1001);
    }

    @Test
    void aSummaryBatchAnswersTheOutcomeThatTheFullAnswerGivesForTheSameEvidence() {
        // given: two learners with the same profile, and one sequence of evidence that masters a competency
        district.learner(http, "twin-full", 7, "north");
        district.learner(http, "twin-summary", 7, "north");
        String[][] sequence = {
            {"ratio.concept", "9", "FORMATIVE"},
            {"ratio.concept", "9.5", "SUMMATIVE"},
            {"ratio.concept", "10", "SUMMATIVE"},
            {"ratio.tables", "2", "FORMATIVE"},
            {"ratio.tables", "1", "FORMATIVE"},
            {"ratio.tables", "2", "FORMATIVE"}
        };
        List<Map<String, Object>> full = new ArrayList<>();
        List<Map<String, Object>> summary = new ArrayList<>();
        for (int i = 0; i < sequence.length; i++) {
            String[] e = sequence[i];
            full.add(observed("tf-" + i, "twin-full", e[0], Double.parseDouble(e[1]), e[2], i));
            summary.add(observed("tm-" + i, "twin-summary", e[0], Double.parseDouble(e[1]), e[2], i));
        }

        // when: one batch asks for the full answer, the other for the summary
        var fullAnswer = http.post("/v1/evidence/batch", district.platformKey, full);
        var summaryAnswer = http.post("/v1/evidence/batch?answer=summary", district.platformKey, summary);

        // then: each summary item is the full item's outcome, without its explanations
        assertThat(summaryAnswer.status()).as("%s", summaryAnswer.body()).isEqualTo(200);
        assertThat(summaryAnswer.body().path("accepted").asInt()).isEqualTo(sequence.length);
        int levelChanges = 0;
        for (int i = 0; i < sequence.length; i++) {
            JsonNode update = fullAnswer.body().path("results").get(i).path("update");
            JsonNode item = summaryAnswer.body().path("results").get(i);
            assertThat(item.has("update")).isFalse();
            JsonNode outcome = item.path("summary");
            assertThat(outcome.path("learnerId").asText()).isEqualTo("twin-summary");
            assertThat(outcome.path("policyVersion").asText())
                    .isEqualTo(update.path("policyVersion").asText());
            assertThat(fields(outcome.path("masteryChanges"), "competencyId", "from", "to", "score"))
                    .as("item %d", i)
                    .isEqualTo(fields(update.path("masteryChanges"), "competencyId", "from", "to", "toScore"));
            assertThat(fields(outcome.path("unlocked"))).isEqualTo(fields(update.path("unlocked"), "competencyId"));
            assertThat(fields(outcome.path("flags"), "kind", "competencyId"))
                    .isEqualTo(fields(update.path("flags"), "kind", "competencyId"));
            assertThat(fields(outcome.path("nextSteps"))).isEqualTo(fields(update.path("nextSteps"), "activityId"));
            levelChanges += outcome.path("masteryChanges").size();
        }
        assertThat(levelChanges).as("the sequence changes levels").isPositive();
        assertThat(summaryAnswer.body().toString().length())
                .isLessThan(fullAnswer.body().toString().length() / 3);
    }

    /** Each element's named fields joined by '|', in order; with no name, each element's own text. */
    private static List<String> fields(JsonNode array, String... names) {
        List<String> out = new ArrayList<>();
        array.forEach(element -> {
            List<String> values = new ArrayList<>();
            for (String name : names) {
                values.add(element.path(name).asText());
            }
            out.add(names.length == 0 ? element.asText() : String.join("|", values));
        });
        return out;
    }

    /** Evidence observed at a fixed time (minute of 2025-10-01 10:00 UTC), so that two learners get the same. */
    private static Map<String, Object> observed(
            String id, String learnerId, String competency, double raw, String kind, int minute) {
        return Map.of(
                "id",
                id,
                "learnerId",
                learnerId,
                "competencyId",
                competency,
                "score",
                Map.of("raw", raw, "min", 0, "max", 10),
                "kind",
                kind,
                "source",
                "test",
                "observedAt",
                String.format("2025-10-01T10:%02d:00Z", minute));
    }

    /**
     * The JSON with the learner id and the evidence id prefix replaced, and what depends on the server's clock left
     * out: evaluatedAt, and the amount of a pace flag (weeks behind, from the plan start to now).
     */
    private static String normalized(JsonNode node, String learnerId, String idPrefix) {
        JsonNode copy = node.deepCopy();
        for (String clocked : List.of("evaluatedAt", "amount")) {
            copy.findParents(clocked).forEach(parent -> ((ObjectNode) parent).remove(clocked));
        }
        return copy.toString().replace(learnerId, "LEARNER").replace(idPrefix, "ID-");
    }

    private JsonNode verify(String learnerId) {
        var verification = http.get("/v1/learners/" + learnerId + "/verify", district.adminKey);
        assertThat(verification.status()).as("%s", verification.body()).isEqualTo(200);
        return verification.body();
    }

    private List<String> storedEvidenceIds() {
        return context.getBean(JdbcTemplate.class)
                .queryForList(
                        "select evidence_id from evidence" + " where tenant_id = ? order by seq",
                        String.class,
                        district.tenantId);
    }

    private static List<Integer> statuses(JsonNode batch) {
        List<Integer> statuses = new ArrayList<>();
        batch.path("results")
                .forEach(result -> statuses.add(result.path("status").asInt()));
        return statuses;
    }

    private static double metric(Http http, String name) {
        return http.get("/actuator/metrics/" + name, null)
                .body()
                .path("measurements")
                .get(0)
                .path("value")
                .asDouble();
    }

    @Test
    void severalItemsForOneLearnerInABatchGiveWhatTheyGiveSentOneByOne() {
        // given: two learners with the same profile, and one sequence of evidence on two competencies
        district.learner(http, "twin-batch", 7, "north");
        district.learner(http, "twin-single", 7, "north");
        String[][] sequence = {
            {"ratio.concept", "9", "FORMATIVE"},
            {"ratio.concept", "9.5", "FORMATIVE"},
            {"ratio.tables", "4", "FORMATIVE"},
            {"ratio.concept", "10", "SUMMATIVE"},
            {"ratio.tables", "8", "FORMATIVE"},
            {"ratio.tables", "9", "SUMMATIVE"},
            {"ratio.concept", "3", "FORMATIVE"},
            {"ratio.tables", "10", "SUMMATIVE"}
        };
        List<Map<String, Object>> batchItems = new ArrayList<>();
        List<JsonNode> singleResults = new ArrayList<>();
        double evaluatedBefore = metric(http, "pathwise.evidence.evaluated");
        double firingsBefore = metric(http, "pathwise.rule.firings");

        // when: the batch learner gets them in one batch, the other one by one
        for (int i = 0; i < sequence.length; i++) {
            String[] e = sequence[i];
            batchItems.add(observed("tb-" + i, "twin-batch", e[0], Double.parseDouble(e[1]), e[2], i));
            var single = http.post(
                    "/v1/evidence",
                    district.platformKey,
                    observed("ts-" + i, "twin-single", e[0], Double.parseDouble(e[1]), e[2], i));
            assertThat(single.status()).as("%s", single.body()).isEqualTo(200);
            singleResults.add(single.body());
        }
        double evaluatedSingly = metric(http, "pathwise.evidence.evaluated");
        double firingsSingly = metric(http, "pathwise.rule.firings");
        var batch = http.post("/v1/evidence/batch", district.platformKey, Map.of("items", batchItems));

        // then: the same result per item, the same final state, and the batch learner written once
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().path("accepted").asInt()).isEqualTo(sequence.length);
        for (int i = 0; i < sequence.length; i++) {
            JsonNode item = batch.body().path("results").get(i);
            assertThat(item.path("index").asInt()).isEqualTo(i);
            assertThat(item.path("evidenceId").asText()).isEqualTo("tb-" + i);
            assertThat(item.path("replayed").asBoolean()).isFalse();
            assertThat(normalized(item.path("update"), "twin-batch", "tb-"))
                    .as("item %d", i)
                    .isEqualTo(normalized(singleResults.get(i), "twin-single", "ts-"));
        }
        assertThat(singleResults.get(0).toString())
                .isNotEqualTo(singleResults.get(7).toString());
        for (String view : List.of("/mastery", "/pathway")) {
            assertThat(normalized(
                            http.get("/v1/learners/twin-batch" + view, district.teacherKey)
                                    .body(),
                            "twin-batch",
                            "tb-"))
                    .as(view)
                    .isEqualTo(normalized(
                            http.get("/v1/learners/twin-single" + view, district.teacherKey)
                                    .body(),
                            "twin-single",
                            "ts-"));
        }
        var batchLearner =
                http.get("/v1/learners/twin-batch", district.platformKey).body();
        var singleLearner =
                http.get("/v1/learners/twin-single", district.platformKey).body();
        assertThat(batchLearner.path("evidenceCount").asLong()).isEqualTo(sequence.length);
        assertThat(batchLearner.path("observationCount").asInt())
                .isEqualTo(singleLearner.path("observationCount").asInt())
                .isEqualTo(sequence.length);
        assertThat(singleLearner.path("version").asLong()).isEqualTo(1 + sequence.length);
        assertThat(batchLearner.path("version").asLong()).isEqualTo(2);
        JsonNode verification = verify("twin-batch");
        assertThat(verification.path("matchesReplay").asBoolean())
                .as("%s", verification)
                .isTrue();
        assertThat(verification.path("evidenceIds").toString())
                .isEqualTo("[\"tb-0\",\"tb-1\",\"tb-2\",\"tb-3\",\"tb-4\",\"tb-5\",\"tb-6\",\"tb-7\"]");
        // the metrics count the batch's evaluations as they count single ones
        assertThat(metric(http, "pathwise.evidence.evaluated") - evaluatedSingly)
                .isEqualTo(evaluatedSingly - evaluatedBefore)
                .isEqualTo(sequence.length);
        assertThat(metric(http, "pathwise.rule.firings") - firingsSingly)
                .isEqualTo(firingsSingly - firingsBefore)
                .isPositive();
    }

    @Test
    void batchStoresExactlyItsAcceptedItemsAndAnswersTheOthersAsSingleRequestsAre() {
        // given: one piece already stored
        var stored = http.post(
                "/v1/evidence", district.platformKey, TestDistrict.evidence("mx-stored", "ana", "ratio.concept", 9));
        assertThat(stored.status()).isEqualTo(200);
        Map<String, Object> unknownField = new HashMap<>(TestDistrict.evidence("mx-4", "ana", "ratio.concept", 5));
        unknownField.put("colour", "red");
        List<Map<String, Object>> items = List.of(
                TestDistrict.evidence("mx-1", "ana", "ratio.concept", 8), // stored
                TestDistrict.evidence("mx-2", "ana", "ratio.concept", 11), // out of scale
                TestDistrict.evidence("mx-stored", "ana", "ratio.concept", 9), // a retry: replayed
                TestDistrict.evidence("mx-stored", "ana", "ratio.concept", 3), // id reused: conflict
                TestDistrict.evidence("mx-3", "nobody", "ratio.concept", 8), // unknown learner
                TestDistrict.evidence("mx-1", "ana", "ratio.concept", 8), // again in the batch: replayed
                TestDistrict.evidence("mx-1", "ana", "ratio.concept", 2), // reused in the batch: conflict
                unknownField, // unreadable
                TestDistrict.evidence("mx-5", "ana", "ratio.tables", 7)); // stored

        var batch = http.post("/v1/evidence/batch", district.platformKey, items);

        assertThat(batch.status()).isEqualTo(200);
        assertThat(statuses(batch.body())).containsExactly(200, 400, 200, 409, 404, 200, 409, 400, 200);
        List<Boolean> replayed = new ArrayList<>();
        batch.body()
                .path("results")
                .forEach(result -> replayed.add(result.path("replayed").asBoolean()));
        assertThat(replayed).containsExactly(false, false, true, false, false, true, false, false, false);
        assertThat(batch.body().path("accepted").asInt()).isEqualTo(4);
        assertThat(batch.body().path("refused").asInt()).isEqualTo(5);
        JsonNode results = batch.body().path("results");
        assertThat(results.get(2).path("update")).isEqualTo(stored.body());
        assertThat(results.get(5).path("update")).isEqualTo(results.get(0).path("update"));
        assertThat(results.get(3).path("problem").path("field").asText()).isEqualTo("id");
        assertThat(results.get(4).path("problem").path("field").asText()).isEqualTo("learnerId");
        assertThat(results.get(4).path("problem").path("value").asText()).isEqualTo("nobody");
        assertThat(results.get(7).path("problem").path("field").asText()).isEqualTo("colour");
        // exactly the accepted pieces are stored, in batch order, and the learner is what they give
        assertThat(storedEvidenceIds()).containsExactly("mx-stored", "mx-1", "mx-5");
        JsonNode verification = verify("ana");
        assertThat(verification.path("matchesReplay").asBoolean())
                .as("%s", verification)
                .isTrue();
        assertThat(http.get("/v1/learners/ana", district.platformKey)
                        .body()
                        .path("version")
                        .asLong())
                .isEqualTo(3);
        // each refused item has the problem a single request gets, which stores nothing either
        for (int i : new int[] {1, 3, 4, 6, 7}) {
            var single = http.post("/v1/evidence", district.platformKey, items.get(i));
            JsonNode problem = results.get(i).path("problem");
            assertThat(single.status())
                    .as("item %d", i)
                    .isEqualTo(problem.path("status").asInt());
            for (String member : List.of("type", "title", "status", "detail", "field", "value")) {
                assertThat(problem.path(member))
                        .as("item %d: %s", i, member)
                        .isEqualTo(single.body().path(member));
            }
        }
        assertThat(storedEvidenceIds()).containsExactly("mx-stored", "mx-1", "mx-5");
    }

    @Test
    void batchesRacingOnTheSameLearnersLoseNothingAndNeverDeadlock() throws Exception {
        // given: six learners; one thread sends its batches over them in one order, the other in the reverse order,
        // and both send the same piece (same id, same content) for r2 in every round
        List<String> learners = List.of("r0", "r1", "r2", "r3", "r4", "r5");
        learners.forEach(learner -> district.learner(http, learner, 7, "north"));
        int rounds = 6;
        int perLearner = 4;
        double fallbacksBefore = metric(http, "pathwise.evidence.batch.fallbacks");
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<JsonNode>>> threads = new ArrayList<>();
        try {
            for (int t = 0; t < 2; t++) {
                int thread = t;
                threads.add(pool.submit(() -> {
                    List<JsonNode> answers = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        List<Map<String, Object>> items = new ArrayList<>();
                        for (int k = 0; k < perLearner; k++) {
                            for (int l = 0; l < learners.size(); l++) {
                                String learner = learners.get(thread == 0 ? l : learners.size() - 1 - l);
                                items.add(TestDistrict.evidence(
                                        "race-" + thread + "-" + round + "-" + learner + "-" + k,
                                        learner,
                                        k % 2 == 0 ? "ratio.concept" : "ratio.tables",
                                        (round + k) % 11));
                            }
                        }
                        items.add(TestDistrict.evidence("race-both-" + round, "r2", "ratio.concept", 7));
                        together.await(60, TimeUnit.SECONDS);
                        var answer = http.post("/v1/evidence/batch", district.platformKey, items);
                        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
                        answers.add(answer.body());
                    }
                    return answers;
                }));
            }
            // then: both finish, every item is accepted
            List<JsonNode> answers = new ArrayList<>();
            for (Future<List<JsonNode>> thread : threads) {
                answers.addAll(thread.get(300, TimeUnit.SECONDS));
            }
            int replays = 0;
            for (JsonNode answer : answers) {
                assertThat(statuses(answer)).as("%s", answer).containsOnly(200);
                for (JsonNode result : answer.path("results")) {
                    if (result.path("replayed").asBoolean()) {
                        assertThat(result.path("evidenceId").asText()).startsWith("race-both-");
                        replays++;
                    }
                }
            }
            assertThat(replays)
                    .as("the shared piece is stored by one batch and replayed to the other")
                    .isEqualTo(rounds);
        } finally {
            pool.shutdownNow();
        }

        // each piece stored once, each learner as a replay of its evidence gives, written once per batch
        List<String> stored = storedEvidenceIds();
        assertThat(stored).doesNotHaveDuplicates().hasSize(2 * rounds * perLearner * learners.size() + rounds);
        for (String learner : learners) {
            JsonNode verification = verify(learner);
            int expected = 2 * rounds * perLearner + (learner.equals("r2") ? rounds : 0);
            assertThat(verification.path("matchesReplay").asBoolean())
                    .as("%s", verification)
                    .isTrue();
            assertThat(verification.path("evidenceCount").asInt()).as(learner).isEqualTo(expected);
            assertThat(verification.path("distinctEvidenceIds").asInt())
                    .as(learner)
                    .isEqualTo(expected);
            assertThat(verification.path("version").asLong()).as(learner).isEqualTo(1 + 2 * rounds);
        }
        // no batch had to be rolled back: locking the learners in id order never deadlocks
        assertThat(metric(http, "pathwise.evidence.batch.fallbacks")).isEqualTo(fallbacksBefore);
    }

    @Test
    void batchMeetingAConcurrentWriterOfOneOfItsIdsIsRolledBackAndIngestedItemByItem() throws Exception {
        // given: another writer has inserted evidence 'fb-dup' (for another learner) and not committed yet
        district.learner(http, "bea", 7, "north");
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        boolean postgres = jdbc.execute(
                        (ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName())
                .equals("PostgreSQL");
        String blocked = postgres
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into"
                        + " evidence%'"
                : "select count(*) from information_schema.sessions where executing_statement like 'insert into"
                        + " evidence%'";
        double fallbacksBefore = metric(http, "pathwise.evidence.batch.fallbacks");
        long versionBefore = http.get("/v1/learners/ana", district.platformKey)
                .body()
                .path("version")
                .asLong();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> other = pool.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.update(
                        "insert into evidence (tenant_id, evidence_id, learner_id, content_hash, payload, result,"
                                + " policy_version, received_at, evaluation_error) values (?, 'fb-dup', 'bea', 'other', '{}',"
                                + " '{\"rules\": []}', 'test', current_timestamp, 'written by the test')",
                        district.tenantId);
                inserted.countDown();
                try {
                    assertThat(commit.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(inserted.await(60, TimeUnit.SECONDS)).isTrue();

            // when: a batch with the same id (other content) waits on it, then it commits
            Future<Http.Response> batch = pool.submit(() -> http.post(
                    "/v1/evidence/batch",
                    district.platformKey,
                    List.of(
                            TestDistrict.evidence("fb-1", "ana", "ratio.concept", 8),
                            TestDistrict.evidence("fb-dup", "ana", "ratio.concept", 9),
                            TestDistrict.evidence("fb-2", "ana", "ratio.tables", 7))));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.queryForObject(blocked, Integer.class) > 0 || batch.isDone());
            commit.countDown();
            other.get(60, TimeUnit.SECONDS);

            // then: the batch was rolled back and its items ingested one by one: the other writer's piece is kept,
            // the batch's is a conflict, the rest is stored once
            var answer = batch.get(60, TimeUnit.SECONDS);
            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
            assertThat(statuses(answer.body())).containsExactly(200, 409, 200);
            assertThat(answer.body()
                            .path("results")
                            .get(1)
                            .path("problem")
                            .path("field")
                            .asText())
                    .isEqualTo("id");
        } finally {
            pool.shutdownNow();
        }
        assertThat(metric(http, "pathwise.evidence.batch.fallbacks")).isEqualTo(fallbacksBefore + 1);
        assertThat(storedEvidenceIds()).containsExactly("fb-dup", "fb-1", "fb-2");
        JsonNode verification = verify("ana");
        assertThat(verification.path("matchesReplay").asBoolean())
                .as("%s", verification)
                .isTrue();
        assertThat(verification.path("evidenceIds").toString()).isEqualTo("[\"fb-1\",\"fb-2\"]");
        assertThat(http.get("/v1/learners/ana", district.platformKey)
                        .body()
                        .path("version")
                        .asLong())
                .isEqualTo(versionBefore + 2);
    }

    @Test
    void readsNextStepsPathwayMasteryAndKeepsOverridesWithTheirReason() {
        for (int i = 0; i < 4; i++) {
            http.post(
                    "/v1/evidence",
                    district.platformKey,
                    Map.of(
                            "id",
                            "m-" + i,
                            "learnerId",
                            "ana",
                            "competencyId",
                            "ratio.concept",
                            "score",
                            Map.of("raw", 9.5, "min", 0, "max", 10),
                            "kind",
                            i == 3 ? "SUMMATIVE" : "FORMATIVE"));
        }

        var next = http.get("/v1/learners/ana/next-steps", district.platformKey);
        var pathway = http.get("/v1/learners/ana/pathway", district.teacherKey);
        var mastery = http.get("/v1/learners/ana/mastery", district.teacherKey);
        var noReason = http.post(
                "/v1/learners/ana/overrides",
                district.teacherKey,
                Map.of("kind", "SET_LEVEL", "competencyId", "ratio.tables", "level", "MASTERED"));
        var override = http.post(
                "/v1/learners/ana/overrides",
                district.teacherKey,
                Map.of(
                        "kind",
                        "SET_LEVEL",
                        "competencyId",
                        "ratio.tables",
                        "level",
                        "MASTERED",
                        "reason",
                        "Showed it in class"));
        var trail = http.get("/v1/learners/ana/overrides", district.teacherKey);

        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body().path("nextSteps").findValuesAsText("competencyId"))
                .contains("ratio.tables");
        assertThat(pathway.body().path("competencies").get(1).path("status").asText())
                .isEqualTo("MASTERED");
        assertThat(pathway.body()
                        .path("competencies")
                        .get(3)
                        .path("missingPrerequisites")
                        .toString())
                .contains("ratio");
        assertThat(mastery.body().path("competencies").get(0).path("children").size())
                .isEqualTo(2);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("field")).isEqualTo("reason");
        assertThat(override.status()).isEqualTo(201);
        assertThat(trail.body().size()).isEqualTo(1);
        assertThat(trail.body().get(0).path("reason").asText()).isEqualTo("Showed it in class");
        assertThat(http.get("/v1/learners/ana/pathway", district.teacherKey)
                        .body()
                        .path("competencies")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("MASTERED");
    }

    @Test
    void groupsLearnersReadyOnTheSameCompetencyWithAMiniLesson() {
        for (String learner : List.of("bo", "cy", "di")) {
            district.learner(http, learner, 7, "north");
        }

        var groups = http.get("/v1/groups?school=north&competency=ratio.concept", district.teacherKey);
        var policies = http.get("/v1/policies/district-default", district.curriculumKey);

        assertThat(groups.status()).isEqualTo(200);
        var group = groups.body().path("groups").get(0);
        assertThat(group.path("need").asText()).isEqualTo("READY");
        assertThat(group.path("learnerIds").size()).isEqualTo(4);
        assertThat(group.path("suggestedActivity").path("id").asText()).isEqualTo("a-concept-mini");
        assertThat(policies.status()).isEqualTo(200);
        assertThat(policies.body()
                        .path("district")
                        .path("6-8")
                        .path("groupSizeMax")
                        .asInt())
                .isEqualTo(6);
        assertThat(http.get("/v1/groups", district.platformKey).status()).isEqualTo(403);
    }

    @Test
    void openApiAndMetricsAreServed() {
        http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("o-1", "ana", "ratio.concept", 6));

        assertThat(http.get("/v3/api-docs", null).body().path("paths").has("/v1/evidence"))
                .isTrue();
        assertThat(http.get("/actuator/metrics/pathwise.evidence.evaluated", null)
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/actuator/health", null).text("status")).isEqualTo("UP");
    }

    @Test
    void stateSurvivesARestart() {
        Map<String, Object> properties = new HashMap<>(databaseProperties());
        properties.put("server.port", 0);
        properties.put("pathwise.demo.enabled", false);
        String key;
        String tenant;
        try (ConfigurableApplicationContext first = start(properties)) {
            Http firstHttp = new Http("http://localhost:" + port(first));
            TestDistrict d = TestDistrict.create(first, firstHttp);
            d.learner(firstHttp, "rae", 4, "south");
            firstHttp.post("/v1/evidence", d.platformKey, TestDistrict.evidence("r-1", "rae", "ratio.concept", 7));
            key = d.platformKey;
            tenant = d.tenantId;
        }
        try (ConfigurableApplicationContext second = start(properties)) {
            Http secondHttp = new Http("http://localhost:" + port(second));
            var learner = secondHttp.get("/v1/learners/rae", key);
            assertThat(learner.status()).as("tenant %s after restart", tenant).isEqualTo(200);
            assertThat(learner.body().path("evidenceCount").asLong()).isEqualTo(1);
            assertThat(learner.body().path("observationCount").asInt()).isEqualTo(1);
            assertThat(secondHttp
                            .post("/v1/evidence", key, TestDistrict.evidence("r-1", "rae", "ratio.concept", 7))
                            .status())
                    .isEqualTo(200);
            assertThat(secondHttp
                            .get("/v1/learners/rae", key)
                            .body()
                            .path("evidenceCount")
                            .asLong())
                    .isEqualTo(1);
            // the default pack's rule set, compiled by the first start, was taken from the data directory
            assertThat(secondHttp
                            .get("/actuator/metrics/pathwise.policy.rule-sets.reused", null)
                            .body()
                            .path("measurements")
                            .get(0)
                            .path("value")
                            .asDouble())
                    .isGreaterThanOrEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // As command-line arguments, so they win over application.properties.
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(PathwiseApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
