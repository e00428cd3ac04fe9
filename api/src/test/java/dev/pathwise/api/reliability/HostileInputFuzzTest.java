package dev.pathwise.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import dev.pathwise.rules.DefaultPolicyPack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Given a tenant with a learner and evidence, when 10,000 malformed or hostile requests arrive (broken JSON, huge
 * numbers, NaN, unicode, deep nesting, oversize bodies, wrong types, unknown fields, bad timestamps, long strings,
 * hostile profiles, overrides, frameworks, activities, keys, batches, protocol errors), then no answer is a 5xx,
 * every error is problem+json with its status, and not one stored row has changed.
 */
class HostileInputFuzzTest extends ReliabilityStack {

    static final int REQUESTS = 10_000;
    static final long SEED = 20_261_123L;

    @Test
    void tenThousandHostileRequestsGetNo5xxOnlyProblemsAndChangeNothing() throws Exception {
        Http http = http();
        TestDistrict tenant = TestDistrict.marked(context, http);
        String learner = tenant.learnerInterestedIn(http, "fuzz-ana", "chess");
        for (int i = 0; i < 3; i++) {
            Http.expect(
                    http.post(
                            "/v1/evidence",
                            tenant.key(Role.PLATFORM),
                            TestDistrict.evidence("seed-" + i, learner, "ratio.concept", 7)),
                    200);
        }
        Map<String, String> before = DatabaseFingerprint.of(jdbc, null);
        List<HostileRequests.Hostile> requests = new HostileRequests(
                        SEED,
                        tenant.key(Role.PLATFORM),
                        tenant.key(Role.TEACHER),
                        tenant.key(Role.CURRICULUM),
                        tenant.key(Role.ADMIN),
                        learner)
                .generate(REQUESTS);

        Map<String, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byCategory = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (HostileRequests.Hostile request : requests) {
                running.add(pool.submit(() -> {
                    Http.Response response = http.send(
                            request.method(),
                            request.path(),
                            request.key(),
                            request.body(),
                            request.contentType(),
                            request.chunked());
                    byStatus.computeIfAbsent(String.valueOf(response.status()), s -> new AtomicInteger())
                            .incrementAndGet();
                    byCategory
                            .computeIfAbsent(
                                    request.category().replaceAll("\\(\\d+\\)|\\d+ ", ""), c -> new AtomicInteger())
                            .incrementAndGet();
                    String problem = check(request, response);
                    if (problem != null && failures.size() < 20) {
                        failures.add(problem);
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.println("Fuzz: " + REQUESTS + " hostile requests, seed " + SEED + ", statuses "
                + new TreeMap<>(byStatus) + "\n  by category " + new TreeMap<>(byCategory));

        assertThat(failures).as("responses that broke the contract").isEmpty();
        assertThat(byStatus.keySet()).allMatch(status -> status.charAt(0) != '5');
        assertThat(DatabaseFingerprint.of(jdbc, null)).as("every stored row").isEqualTo(before);
    }

    @Test
    void everyOperationOfTheOpenApiDocumentMutatedInEveryPlaceGetsNo5xx() throws Exception {
        // given: a tenant with a learner, a framework and activities; the service's own OpenAPI document
        Http http = http();
        TestDistrict tenant = TestDistrict.marked(context, http);
        String learner = tenant.learnerInterestedIn(http, "mutant-ana", "chess");
        JsonNode document = Http.expect(http.get("/v3/api-docs", null), 200).body();
        List<OpenApiMutations.Mutation> mutations = new OpenApiMutations(document, (path, name) -> {
                    if (!name.equals("id")) {
                        return null;
                    }
                    return path.startsWith("/v1/policies/")
                            ? DefaultPolicyPack.POLICY_ID
                            : path.startsWith("/v1/frameworks/")
                                    ? tenant.frameworkId
                                    : path.startsWith("/v1/keys/") ? "key-unknown" : learner;
                })
                .generate();

        // when: each is sent with the admin key (every role's operations), the xAPI version header included
        Map<String, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        java.util.Set<String> operations = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (OpenApiMutations.Mutation mutation : mutations) {
                running.add(pool.submit(() -> {
                    Http.Response response = http.send(
                            mutation.method(),
                            mutation.path(),
                            tenant.key(Role.ADMIN),
                            mutation.body(),
                            mutation.body() == null ? null : "application/json",
                            false,
                            Map.of("X-Experience-API-Version", "1.0.3"));
                    operations.add(mutation.operation());
                    byStatus.computeIfAbsent(String.valueOf(response.status()), s -> new AtomicInteger())
                            .incrementAndGet();
                    String broken = response.status() >= 500
                            ? "5xx"
                            : response.status() >= 400 && !response.isProblem() ? "not problem+json" : null;
                    if (broken == null && response.status() >= 400) {
                        JsonNode body = response.body();
                        if (body.path("status").asInt() != response.status()
                                || body.path("title").asText().isEmpty()
                                || body.path("detail").asText().isEmpty()) {
                            broken = "problem without status, title or detail";
                        }
                    }
                    if (broken != null && failures.size() < 20) {
                        failures.add(broken + ": " + mutation.operation() + " with " + mutation.what() + " -> "
                                + response.status() + " " + abbreviate(response.text()));
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.println("OpenAPI mutations: " + mutations.size() + " requests over " + operations.size()
                + " operations, statuses " + new TreeMap<>(byStatus));

        // then
        assertThat(operations).as("every operation of the document").hasSize(operationCount(document));
        assertThat(failures).as("responses that broke the contract").isEmpty();
        assertThat(byStatus.keySet()).allMatch(status -> status.charAt(0) != '5');
    }

    private static int operationCount(JsonNode document) {
        int[] count = {0};
        document.path("paths").forEach(path -> count[0] += path.size());
        return count[0];
    }

    /** What is wrong with this answer to this request, or null. */
    private static String check(HostileRequests.Hostile request, Http.Response response) {
        String what = request.category() + " " + request.method() + " " + request.path() + " -> "
                + response.status() + " " + abbreviate(response.text()) + " <- "
                + abbreviate(
                        request.body() == null
                                ? ""
                                : new String(request.body(), java.nio.charset.StandardCharsets.UTF_8));
        if (response.status() >= 500) {
            return "5xx: " + what;
        }
        if (response.status() >= 400) {
            if (!response.isProblem()) {
                return "not problem+json (" + response.contentType() + "): " + what;
            }
            var body = response.body();
            if (body.path("status").asInt() != response.status()
                    || body.path("title").asText().isEmpty()
                    || body.path("detail").asText().isEmpty()) {
                return "problem without status, title or detail: " + what;
            }
            return null;
        }
        boolean write = !request.method().equals("GET");
        if (request.path().equals("/v1/evidence/batch")) {
            return response.body().path("accepted").asInt(-1) == 0
                    ? null
                    : "a hostile batch item was accepted: " + what;
        }
        return write ? "a hostile write was accepted: " + what : null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
