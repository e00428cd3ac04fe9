package dev.pathwise.api.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.PathwiseApplication;
import dev.pathwise.api.policy.TenantPolicies;
import dev.pathwise.api.sync.ActivePolicyHealth;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.rules.DefaultPolicyPack;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two service instances on one PostgreSQL: a policy published or rolled back on one, and a framework or activity
 * changed on one, is what the other evaluates with within two seconds (plus, for a policy version, the time the other
 * takes to compile it), without a restart; each shows its active version per tenant in {@code /actuator/health}.
 */
class PolicySyncTest {

    static final String DEFAULT = DefaultPolicyPack.POLICY_ID + "@" + DefaultPolicyPack.VERSION;
    static final String PUBLISHED = DefaultPolicyPack.POLICY_ID + "@2026.9";

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static Http a;
    static Http b;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPostgresServer.start();
        first = instance();
        second = instance();
        a = new Http("http://localhost:" + first.getEnvironment().getProperty("local.server.port"));
        b = new Http("http://localhost:" + second.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    private static ConfigurableApplicationContext instance() {
        Map<String, Object> datasource = EmbeddedPostgresServer.datasource(postgres);
        return new SpringApplicationBuilder(PathwiseApplication.class)
                .run(
                        "--server.port=0",
                        "--pathwise.demo.enabled=false",
                        "--spring.datasource.url=" + datasource.get("spring.datasource.url"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres");
    }

    @Test
    void aPolicyPublishedOnOneNodeIsUsedByTheOthersNextEvaluationWithinTwoSeconds() {
        // given: a tenant, known to both nodes, on the default pack
        TestDistrict district = TestDistrict.create(first, a);
        district.learnerInterestedIn(a, "sam", "music");
        String before = evaluate(b, district, "before");
        assertThat(before).isEqualTo(DEFAULT);

        // when: A publishes a new version
        Http.expect(
                a.post(
                        PolicyPublishingContract.POLICY + "/versions",
                        district.curriculumKey,
                        PolicyPublishingContract.body(
                                "2026.9",
                                "approaching at 0.55",
                                PolicyPublishingContract.pack(
                                        true,
                                        Map.of("parameters.yaml", PolicyPublishingContract.approachingAt("0.55"))))),
                201);
        long published = System.nanoTime();

        // then: B's evaluations use it within 2 s, and B's health says so
        String seen = evaluateUntil(b, district, PUBLISHED, published, second);
        assertThat(seen).isEqualTo(PUBLISHED);
        assertThat(activePolicy(b, district)).isEqualTo(ActivePolicyHealth.digest(district.tenantId + "=" + PUBLISHED));

        // when: B rolls back to the default pack; then: A follows within 2 s
        Http.expect(
                b.post(
                        PolicyPublishingContract.POLICY + "/versions/" + DefaultPolicyPack.VERSION + "/activate",
                        district.curriculumKey,
                        Map.of()),
                200);
        long rolledBack = System.nanoTime();
        assertThat(evaluateUntil(a, district, DEFAULT, rolledBack, first)).isEqualTo(DEFAULT);
        assertThat(activePolicy(a, district)).isEqualTo(ActivePolicyHealth.digest(district.tenantId + "=" + DEFAULT));
    }

    @Test
    void anActivityAddedOnOneNodeIsOfferedByTheOtherWithinTwoSeconds() {
        // given: both nodes have read the tenant's curriculum
        TestDistrict district = TestDistrict.create(first, a);
        assertThat(activityIds(b, district)).doesNotContain("a-rate-video");

        // when: A adds an activity
        Http.expect(
                a.post(
                        "/v1/activities",
                        district.curriculumKey,
                        List.of(TestDistrict.activity("a-rate-video", "rate", "LESSON", "VIDEO", "INDIVIDUAL"))),
                201);

        // then: B lists it within 2 s
        await("B lists the activity A added")
                .atMost(Duration.ofSeconds(2))
                .pollDelay(Duration.ZERO)
                .pollInterval(POLL)
                .until(() -> activityIds(b, district).contains("a-rate-video"));
    }

    @Test
    void aLearnerWrittenOnOneNodeIsReadAsWrittenOnTheOther() {
        // given: a learner whose state B has read (and keeps as parsed)
        TestDistrict district = TestDistrict.create(first, a);
        district.learner(a, "lee", 7, "north");
        JsonNode before = mastery(b, district, "lee");

        // when: A evaluates evidence for her, twice
        for (int round = 0; round < 2; round++) {
            Http.expect(
                    a.post(
                            "/v1/evidence",
                            district.key(Role.PLATFORM),
                            TestDistrict.evidence("lee-" + round, "lee", "ratio.concept", 9)),
                    200);

            // then: B reads her state as A wrote it, not as it read it before
            JsonNode onA = mastery(a, district, "lee");
            assertThat(onA).isNotEqualTo(before);
            assertThat(mastery(b, district, "lee")).isEqualTo(onA);
            before = onA;
        }
    }

    private static JsonNode mastery(Http node, TestDistrict district, String learnerId) {
        return Http.expect(node.get("/v1/learners/" + learnerId + "/mastery", district.key(Role.PLATFORM)), 200)
                .body();
    }

    /** How often a node is asked again while waiting for it to follow a change. */
    private static final Duration POLL = Duration.ofMillis(50);

    private static int counter;

    /** The policy version ({@code policyId@version}) of one evaluation on the node. */
    private static String evaluate(Http node, TestDistrict district, String label) {
        JsonNode update = Http.expect(
                        node.post(
                                "/v1/evidence",
                                district.key(Role.PLATFORM),
                                TestDistrict.evidence(label + "-" + counter++, "sam", "ratio.concept", 6)),
                        200)
                .body();
        return update.path("policyVersion").asText();
    }

    /**
     * Evaluates on the node until it uses the version, failing after 2 s plus the time the node took to compile it
     * (a version the node never compiled costs it what it cost the publishing node, which depends on the machine's
     * load, not on how the nodes learn of it).
     */
    private static String evaluateUntil(
            Http node, TestDistrict district, String version, long since, ConfigurableApplicationContext context) {
        AtomicReference<String> seen = new AtomicReference<>();
        await("the node evaluating with " + version)
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(POLL)
                .until(() -> version.equals(seen.updateAndGet(last -> evaluate(node, district, "poll"))));
        Duration took = Duration.ofNanos(System.nanoTime() - since);
        CompiledPolicy active = context.getBean(TenantPolicies.class).active(district.tenantId);
        // The default pack is compiled once per node, at start: going back to it compiles nothing.
        Duration compiling = version.equals(DEFAULT) ? Duration.ZERO : Duration.ofMillis(active.compileMillis());
        assertThat(seen.get()).isEqualTo(version);
        assertThat(took)
                .as("time to the first evaluation with %s (the node compiled it in %s)", version, compiling)
                .isLessThan(Duration.ofSeconds(2).plus(compiling));
        return seen.get();
    }

    private static String activePolicy(Http node, TestDistrict district) {
        return Http.expect(node.get("/actuator/health", null), 200)
                .body()
                .path("components")
                .path("policySync")
                .path("details")
                .path("activePolicies")
                .path(ActivePolicyHealth.digest(district.tenantId))
                .asText();
    }

    private static List<String> activityIds(Http node, TestDistrict district) {
        JsonNode list = Http.expect(node.get("/v1/activities", district.curriculumKey), 200)
                .body();
        JsonNode items = list.isArray() ? list : list.path("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false)
                .map(item -> item.path("id").asText())
                .toList();
    }
}
