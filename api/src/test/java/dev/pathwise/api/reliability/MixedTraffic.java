package dev.pathwise.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Batch clients and single-evidence clients at once on the same few learners, then every learner checked against a
 * fresh replay of its stored evidence ({@code GET /v1/learners/{id}/verify}): each acknowledged evidence stored once,
 * counted in the learner's state, and the state equal to the replay. Some evidence is sent late (observed before
 * evidence already counted), so the path that rebuilds a learner meets the others too.
 */
final class MixedTraffic {

    /** The outcome of one run: what was acknowledged, and every answer that was neither 200 nor expected. */
    record Outcome(Set<String> acknowledged, List<String> unexpected, int requests) {}

    private final Http http;
    private final TestDistrict tenant;
    private final List<String> learners = new ArrayList<>();

    MixedTraffic(Http http, TestDistrict tenant, int learnerCount) {
        this.http = http;
        this.tenant = tenant;
        for (int i = 0; i < learnerCount; i++) {
            learners.add(tenant.learnerInterestedIn(http, "mixed-" + i, "music"));
        }
    }

    /**
     * {@code batchClients} threads each send {@code batches} batches of {@code batchSize} (spread over every learner),
     * {@code singleClients} threads each send {@code singles} single pieces; every fifth piece is observed an hour
     * before the rest.
     */
    Outcome run(int batchClients, int batches, int batchSize, int singleClients, int singles) throws Exception {
        return run(batchClients, batches, batchSize, singleClients, singles, http);
    }

    /** As {@link #run(int, int, int, int, int)}, the single pieces sent through {@code singlesVia}. */
    Outcome run(int batchClients, int batches, int batchSize, int singleClients, int singles, Http singlesVia)
            throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(batchClients + singleClients);
        List<Future<?>> clients = new ArrayList<>();
        int[] requests = {0};
        try {
            for (int c = 0; c < batchClients; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    Random random = new Random(1000 + client);
                    for (int b = 0; b < batches; b++) {
                        List<Map<String, Object>> items = new ArrayList<>();
                        for (int i = 0; i < batchSize; i++) {
                            items.add(piece("b" + client + "-" + b + "-" + i, random));
                        }
                        Http.Response response =
                                http.post("/v1/evidence/batch", tenant.key(Role.PLATFORM), Map.of("items", items));
                        if (response.status() != 200) {
                            unexpected.add("batch " + response);
                            continue;
                        }
                        for (JsonNode result : response.body().path("results")) {
                            if (result.path("status").asInt() == 200) {
                                acknowledged.add(result.path("evidenceId").asText());
                            } else {
                                unexpected.add("batch item " + result);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (int c = 0; c < singleClients; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    Random random = new Random(2000 + client);
                    for (int i = 0; i < singles; i++) {
                        Map<String, Object> piece = piece("s" + client + "-" + i, random);
                        Http.Response response = singlesVia.post("/v1/evidence", tenant.key(Role.PLATFORM), piece);
                        if (response.status() == 200) {
                            acknowledged.add((String) piece.get("id"));
                        } else {
                            unexpected.add("single " + response);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdown();
        }
        requests[0] = batchClients * batches + singleClients * singles;
        return new Outcome(acknowledged, List.copyOf(unexpected), requests[0]);
    }

    private Map<String, Object> piece(String id, Random random) {
        Map<String, Object> piece = new HashMap<>(TestDistrict.evidence(
                id,
                learners.get(random.nextInt(learners.size())),
                random.nextBoolean() ? "ratio.concept" : "ratio.tables",
                random.nextInt(11)));
        // most pieces take the server's time; every fifth was observed up to an hour earlier (a platform syncing late)
        if (random.nextInt(5) == 0) {
            piece.put(
                    "observedAt",
                    Instant.now().minusSeconds(1 + random.nextInt(3600)).toString());
        }
        return piece;
    }

    /**
     * Every learner verified against its replay: every acknowledged evidence stored once and counted in the state.
     *
     * @return a line per learner that does not hold, empty when all hold
     */
    List<String> verifyAll(Set<String> acknowledged) {
        List<String> broken = new ArrayList<>();
        Set<String> stored = new TreeSet<>();
        for (String learner : learners) {
            JsonNode verified = Http.expect(
                            http.get("/v1/learners/" + learner + "/verify", tenant.key(Role.ADMIN)), 200)
                    .body();
            JsonNode state = Http.expect(http.get("/v1/learners/" + learner, tenant.key(Role.ADMIN)), 200)
                    .body();
            List<String> ids = new ArrayList<>();
            verified.path("evidenceIds").forEach(id -> ids.add(id.asText()));
            stored.addAll(ids);
            if (!verified.path("matchesReplay").asBoolean()
                    || verified.path("evidenceCount").asInt()
                            != verified.path("distinctEvidenceIds").asInt()
                    || state.path("evidenceCount").asInt()
                            != state.path("observationCount").asInt()) {
                broken.add(learner + ": " + verified.path("mismatchedCompetencies") + " evidence "
                        + state.path("evidenceCount") + " observations " + state.path("observationCount")
                        + " stored " + verified.path("evidenceCount") + " distinct "
                        + verified.path("distinctEvidenceIds"));
            }
        }
        Set<String> missing = new TreeSet<>(acknowledged);
        missing.removeAll(stored);
        if (!missing.isEmpty()) {
            broken.add("acknowledged but not stored: " + missing);
        }
        return broken;
    }

    static void assertHolds(MixedTraffic traffic, Outcome outcome) {
        assertThat(outcome.unexpected()).as("answers other than 200").isEmpty();
        assertThat(traffic.verifyAll(outcome.acknowledged()))
                .as("learners that do not match their replay")
                .isEmpty();
    }
}
