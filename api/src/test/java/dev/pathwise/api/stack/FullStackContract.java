package dev.pathwise.api.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.pathwise.api.PathwiseApplication;

/**
 * The contract of the whole stack, run against a real database (H2 file or PostgreSQL, per subclass): real HTTP,
 * real transactions, no mocks. It includes the {@link PolicyPublishingContract} (publish, history, rollback, the
 * swap under load) and the {@link InteropContract} (CASE, xAPI, reports), so all run in the same application context
 * on each database.
 */
abstract class FullStackContract extends PolicyPublishingContract {

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
    void sameEvidenceIdWithOtherContentIsAConflict() {
        http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("e-1", "ana", "ratio.concept", 9));

        var reused = http.post("/v1/evidence", district.platformKey,
                TestDistrict.evidence("e-1", "ana", "ratio.concept", 3));

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.text("field")).isEqualTo("id");
        assertThat(reused.text("value")).isEqualTo("e-1");
        assertThat(http.get("/v1/learners/ana", district.platformKey).body().path("evidenceCount").asLong())
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
                        statuses.add(http.post("/v1/evidence", district.platformKey, TestDistrict.evidence(
                                "c-" + thread + "-" + i, "ana", "ratio.concept", (thread + i) % 11)).status());
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
        assertThat(mastery.path("competencies").findValues("evidenceCount").get(1).asInt()).isEqualTo(200);
    }

    @Test
    void anotherTenantsLearnerIsNotFound() {
        TestDistrict other = TestDistrict.create(context, http);

        var response = http.get("/v1/learners/ana", other.platformKey);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.text("field")).isEqualTo("learnerId");
        assertThat(response.text("value")).isEqualTo("ana");
        assertThat(http.post("/v1/evidence", other.platformKey,
                TestDistrict.evidence("x-1", "ana", "ratio.concept", 5)).status()).isEqualTo(404);
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
        assertThat(http.post("/v1/evidence", district.adminKey, evidence).status()).isEqualTo(200);
    }

    @Test
    void refusedEvidenceStoresNothingAndNamesFieldAndValue() {
        var outOfScale = http.post("/v1/evidence", district.platformKey,
                TestDistrict.evidence("e-bad", "ana", "ratio.concept", 12));
        var unknownCompetency = http.post("/v1/evidence", district.platformKey,
                TestDistrict.evidence("e-bad2", "ana", "ratio.concpet", 5));
        var malformed = http.post("/v1/evidence", district.platformKey, "{\"id\": \"e-bad3\", ");

        assertThat(outOfScale.status()).isEqualTo(400);
        assertThat(outOfScale.text("field")).isEqualTo("score.raw");
        assertThat(outOfScale.body().path("value").asDouble()).isEqualTo(12.0);
        assertThat(unknownCompetency.status()).isEqualTo(400);
        assertThat(unknownCompetency.text("field")).isEqualTo("competencyId");
        assertThat(unknownCompetency.text("value")).isEqualTo("ratio.concpet");
        assertThat(unknownCompetency.text("detail")).contains("ratio.concept");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/v1/learners/ana", district.platformKey).body().path("evidenceCount").asLong())
                .isZero();
    }

    @Test
    void batchGivesAResultPerItemAndABadItemDoesNotStopTheOthers() {
        var batch = http.post("/v1/evidence/batch", district.platformKey, List.of(
                TestDistrict.evidence("b-1", "ana", "ratio.concept", 8),
                TestDistrict.evidence("b-2", "ana", "ratio.concept", 11),
                TestDistrict.evidence("b-3", "nobody", "ratio.concept", 8),
                TestDistrict.evidence("b-4", "ana", "ratio.concept", 9)));

        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().path("accepted").asInt()).isEqualTo(2);
        List<Integer> statuses = new ArrayList<>();
        batch.body().path("results").forEach(result -> statuses.add(result.path("status").asInt()));
        assertThat(statuses).containsExactly(200, 400, 404, 200);
        assertThat(batch.body().path("results").get(1).path("problem").path("field").asText())
                .isEqualTo("score.raw");
        assertThat(http.get("/v1/learners/ana", district.platformKey).body().path("evidenceCount").asLong())
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
    void readsNextStepsPathwayMasteryAndKeepsOverridesWithTheirReason() {
        for (int i = 0; i < 4; i++) {
            http.post("/v1/evidence", district.platformKey, Map.of("id", "m-" + i, "learnerId", "ana",
                    "competencyId", "ratio.concept", "score", Map.of("raw", 9.5, "min", 0, "max", 10),
                    "kind", i == 3 ? "SUMMATIVE" : "FORMATIVE"));
        }

        var next = http.get("/v1/learners/ana/next-steps", district.platformKey);
        var pathway = http.get("/v1/learners/ana/pathway", district.teacherKey);
        var mastery = http.get("/v1/learners/ana/mastery", district.teacherKey);
        var noReason = http.post("/v1/learners/ana/overrides", district.teacherKey,
                Map.of("kind", "SET_LEVEL", "competencyId", "ratio.tables", "level", "MASTERED"));
        var override = http.post("/v1/learners/ana/overrides", district.teacherKey, Map.of("kind", "SET_LEVEL",
                "competencyId", "ratio.tables", "level", "MASTERED", "reason", "Showed it in class"));
        var trail = http.get("/v1/learners/ana/overrides", district.teacherKey);

        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body().path("nextSteps").findValuesAsText("competencyId")).contains("ratio.tables");
        assertThat(pathway.body().path("competencies").get(1).path("status").asText()).isEqualTo("MASTERED");
        assertThat(pathway.body().path("competencies").get(3).path("missingPrerequisites").toString())
                .contains("ratio");
        assertThat(mastery.body().path("competencies").get(0).path("children").size()).isEqualTo(2);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("field")).isEqualTo("reason");
        assertThat(override.status()).isEqualTo(201);
        assertThat(trail.body().size()).isEqualTo(1);
        assertThat(trail.body().get(0).path("reason").asText()).isEqualTo("Showed it in class");
        assertThat(http.get("/v1/learners/ana/pathway", district.teacherKey).body().path("competencies").get(0)
                .path("status").asText()).isEqualTo("MASTERED");
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
        assertThat(policies.body().path("district").path("6-8").path("groupSizeMax").asInt()).isEqualTo(6);
        assertThat(http.get("/v1/groups", district.platformKey).status()).isEqualTo(403);
    }

    @Test
    void openApiAndMetricsAreServed() {
        http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("o-1", "ana", "ratio.concept", 6));

        assertThat(http.get("/v3/api-docs", null).body().path("paths").has("/v1/evidence")).isTrue();
        assertThat(http.get("/actuator/metrics/pathwise.evidence.evaluated", null).status()).isEqualTo(200);
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
            assertThat(secondHttp.post("/v1/evidence", key, TestDistrict.evidence("r-1", "rae", "ratio.concept", 7))
                    .status()).isEqualTo(200);
            assertThat(secondHttp.get("/v1/learners/rae", key).body().path("evidenceCount").asLong()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // As command-line arguments, so they win over application.properties.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(PathwiseApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
