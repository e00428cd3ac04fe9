package dev.pathwise.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.pathwise.api.tenant.Role;

/**
 * Role checks and tenant isolation over the whole API surface, table-driven and derived from the OpenAPI document:
 * an endpoint that is not in both tables fails the test, so a new endpoint cannot be missed.
 */
class ApiSurfaceSecurityTest extends ReliabilityStack {

    private static final Set<Role> READERS = EnumSet.of(Role.PLATFORM, Role.TEACHER);

    /** Who may call what (admin may call everything). */
    private static final Map<String, Set<Role>> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("POST /v1/evidence", EnumSet.of(Role.PLATFORM));
        ROLES.put("POST /v1/evidence/batch", EnumSet.of(Role.PLATFORM));
        ROLES.put("PUT /v1/learners/{id}", EnumSet.of(Role.PLATFORM));
        ROLES.put("GET /v1/learners/{id}", READERS);
        ROLES.put("GET /v1/learners/{id}/next-steps", READERS);
        ROLES.put("GET /v1/learners/{id}/pathway", READERS);
        ROLES.put("GET /v1/learners/{id}/mastery", READERS);
        ROLES.put("POST /v1/learners/{id}/overrides", EnumSet.of(Role.TEACHER));
        ROLES.put("GET /v1/learners/{id}/overrides", EnumSet.of(Role.TEACHER));
        ROLES.put("GET /v1/learners/{id}/verify", EnumSet.noneOf(Role.class));
        ROLES.put("POST /v1/frameworks", EnumSet.of(Role.CURRICULUM));
        ROLES.put("GET /v1/frameworks/{id}", EnumSet.of(Role.CURRICULUM, Role.PLATFORM, Role.TEACHER));
        ROLES.put("POST /v1/activities", EnumSet.of(Role.CURRICULUM));
        ROLES.put("GET /v1/activities", EnumSet.of(Role.CURRICULUM, Role.PLATFORM, Role.TEACHER));
        ROLES.put("GET /v1/groups", EnumSet.of(Role.TEACHER));
        ROLES.put("GET /v1/policies", EnumSet.of(Role.CURRICULUM, Role.TEACHER));
        ROLES.put("GET /v1/policies/{id}", EnumSet.of(Role.CURRICULUM, Role.TEACHER));
        ROLES.put("POST /v1/keys", EnumSet.noneOf(Role.class));
        ROLES.put("GET /v1/keys", EnumSet.noneOf(Role.class));
        ROLES.put("DELETE /v1/keys/{id}", EnumSet.noneOf(Role.class));
    }

    RawHttp http;
    Tenant a;
    Tenant b;
    String bLearner;
    String bKeyId;

    @BeforeEach
    void twoTenants() {
        http = http();
        a = Tenant.create(context, http);
        b = Tenant.create(context, http);
        a.learner(http, "ana", "interest-" + a.marker);
        bLearner = b.learner(http, "learner-" + b.marker, "interest-" + b.marker);
        Tenant.expect(http.post("/v1/evidence", b.key(Role.PLATFORM),
                Tenant.evidence("ev-" + b.marker, bLearner, "ratio.concept", 8)), 200);
        Tenant.expect(http.post("/v1/learners/" + bLearner + "/overrides", b.key(Role.TEACHER), Map.of(
                "kind", "SET_LEVEL", "competencyId", "ratio.tables", "level", "MASTERED", "reason",
                "reason-" + b.marker)), 201);
        bKeyId = Tenant.expect(http.post("/v1/keys", b.key(Role.ADMIN), Map.of("role", "platform", "label",
                "label-" + b.marker)), 201).json().path("id").asText();
    }

    @Test
    void theTablesCoverEveryEndpointOfTheOpenApiDocument() {
        assertThat(new TreeSet<>(ROLES.keySet())).isEqualTo(openApiOperations());
        assertThat(new TreeSet<>(isolationProbes().keySet())).isEqualTo(openApiOperations());
    }

    @Test
    void everyEndpointRefusesAWrongRoleAMissingAnUnknownAndARevokedKey() {
        String revoked = Tenant.expect(http.post("/v1/keys", a.key(Role.ADMIN), Map.of("role", "admin")), 201)
                .json().path("key").asText();
        String revokedId = http.get("/v1/keys", a.key(Role.ADMIN)).json().findValuesAsText("id").get(
                http.get("/v1/keys", a.key(Role.ADMIN)).json().size() - 1);
        Tenant.expect(http.delete("/v1/keys/" + revokedId, a.key(Role.ADMIN)), 200);
        Map<String, String> before = DatabaseFingerprint.of(jdbc, a.id);
        int calls = 0;
        for (var entry : ROLES.entrySet()) {
            for (Role role : Role.values()) {
                RawHttp.Response response = call(entry.getKey(), a.key(role));
                boolean allowed = role == Role.ADMIN || entry.getValue().contains(role);
                assertThat(response.status()).as("%s as %s: %s", entry.getKey(), role, response.text())
                        .matches(status -> allowed ? status != 403 && status != 401 && status < 500 : status == 403);
                assertThat(response.isProblem() || response.status() < 400).isTrue();
                calls++;
            }
            for (String key : new String[] {null, "no-such-key", revoked}) {
                RawHttp.Response response = call(entry.getKey(), key);
                assertThat(response.status()).as("%s with key %s", entry.getKey(), key).isEqualTo(401);
                assertThat(response.isProblem()).isTrue();
                calls++;
            }
        }
        System.out.println("Role table: " + ROLES.size() + " endpoints, " + calls + " calls");
        assertThat(DatabaseFingerprint.of(jdbc, a.id)).as("calls with empty bodies change nothing").isEqualTo(before);
    }

    @Test
    void aKeyOfTenantANeverReadsChangesOrLearnsOfTenantBsObjects() {
        Map<String, String> bBefore = DatabaseFingerprint.of(jdbc, b.id);
        List<String> markersOfB = List.of(b.marker, b.id);
        int probes = 0;
        for (var probe : isolationProbes().entrySet()) {
            List<RawHttp.Response> answers = probe.getValue().apply(a.key(Role.ADMIN), "");
            for (RawHttp.Response answer : answers) {
                assertThat(answer.status()).as(probe.getKey()).isLessThan(500);
                // What A itself sent may come back (a 404 names the id asked for); nothing else of B may.
                String text = answer.text();
                for (String sentByA : List.of(bLearner, b.frameworkId, bKeyId, "a-concept-" + b.marker,
                        "ev-" + b.marker, b.school)) {
                    text = text.replace(sentByA, "SENT");
                }
                for (String marker : markersOfB) {
                    assertThat(text).as("%s leaks tenant B (%s)", probe.getKey(), marker).doesNotContain(marker);
                }
            }
            probes++;
        }
        System.out.println("Isolation: " + probes + " endpoints probed with tenant A's admin key");
        assertThat(DatabaseFingerprint.of(jdbc, b.id)).as("tenant B's rows").isEqualTo(bBefore);
        assertThat(http.get("/v1/learners/" + bLearner, b.key(Role.PLATFORM)).json().path("evidenceCount").asInt())
                .isEqualTo(1);
        assertThat(http.get("/v1/keys", b.key(Role.ADMIN)).text()).contains(bKeyId);
    }

    @Test
    void anotherTenantsObjectIsNotFoundExactlyLikeAnObjectThatNeverExisted() {
        String ghost = "learner-" + "g".repeat(b.marker.length());
        List<String[]> paths = List.of(
                new String[] {"/v1/learners/%s", "platform"}, new String[] {"/v1/learners/%s/mastery", "teacher"},
                new String[] {"/v1/learners/%s/pathway", "teacher"}, new String[] {"/v1/learners/%s/next-steps",
                        "platform"}, new String[] {"/v1/learners/%s/overrides", "teacher"},
                new String[] {"/v1/learners/%s/verify", "admin"});
        for (String[] path : paths) {
            String key = a.key(Role.valueOf(path[1].toUpperCase()));
            long[] bTimes = new long[15];
            long[] ghostTimes = new long[15];
            RawHttp.Response ofB = null;
            RawHttp.Response ofGhost = null;
            for (int i = 0; i < bTimes.length; i++) {
                long start = System.nanoTime();
                ofB = http.get(String.format(path[0], bLearner), key);
                bTimes[i] = System.nanoTime() - start;
                start = System.nanoTime();
                ofGhost = http.get(String.format(path[0], ghost), key);
                ghostTimes[i] = System.nanoTime() - start;
            }
            assertThat(ofB.status()).as(path[0]).isEqualTo(404);
            assertThat(ofB.text().replace(bLearner, "ID")).as(path[0]).isEqualTo(ofGhost.text().replace(ghost, "ID"));
            // Same code path (one lookup by tenant and id): the medians stay in the same class.
            java.util.Arrays.sort(bTimes);
            java.util.Arrays.sort(ghostTimes);
            assertThat(Math.abs(bTimes[7] - ghostTimes[7]) / 1_000_000.0).as("median ms difference, %s", path[0])
                    .isLessThan(20.0);
        }
    }

    /** For each endpoint: calls with tenant A's key aimed at tenant B's objects (ids, school, competency). */
    private Map<String, BiFunction<String, String, List<RawHttp.Response>>> isolationProbes() {
        Map<String, BiFunction<String, String, List<RawHttp.Response>>> probes = new LinkedHashMap<>();
        String learner = "/v1/learners/" + (bLearner == null ? "x" : bLearner);
        probes.put("POST /v1/evidence", (key, x) -> List.of(expect404(http.post("/v1/evidence", key,
                Tenant.evidence("iso-1", bLearner, "ratio.concept", 5)))));
        probes.put("POST /v1/evidence/batch", (key, x) -> List.of(http.post("/v1/evidence/batch", key,
                List.of(Tenant.evidence("iso-2", bLearner, "ratio.concept", 5), Tenant.evidence("ev-" + b.marker,
                        bLearner, "ratio.concept", 8)))));
        probes.put("GET /v1/learners/{id}", (key, x) -> List.of(expect404(http.get(learner, key))));
        probes.put("GET /v1/learners/{id}/next-steps", (key, x) -> List.of(expect404(http.get(learner + "/next-steps", key))));
        probes.put("GET /v1/learners/{id}/pathway", (key, x) -> List.of(expect404(http.get(learner + "/pathway", key))));
        probes.put("GET /v1/learners/{id}/mastery", (key, x) -> List.of(expect404(http.get(learner + "/mastery", key))));
        probes.put("POST /v1/learners/{id}/overrides", (key, x) -> List.of(expect404(http.post(learner + "/overrides", key,
                Map.of("kind", "SET_LEVEL", "competencyId", "ratio.concept", "level", "MASTERED", "reason", "r")))));
        probes.put("GET /v1/learners/{id}/overrides", (key, x) -> List.of(expect404(http.get(learner + "/overrides", key))));
        probes.put("GET /v1/learners/{id}/verify", (key, x) -> List.of(expect404(http.get(learner + "/verify", key))));
        probes.put("POST /v1/frameworks", (key, x) -> List.of(http.post("/v1/frameworks", key, Map.of("id", "ratios",
                "name", "A's own", "competencies", List.of(Map.of("id", "x", "name", "X"))))));
        probes.put("GET /v1/frameworks/{id}", (key, x) -> List.of(expect404(http.get("/v1/frameworks/" + b.frameworkId, key))));
        probes.put("POST /v1/activities", (key, x) -> List.of(http.post("/v1/activities", key, Map.of("id",
                "a-concept-" + b.marker, "title", "t", "competencyIds", List.of("ratio.concept"), "kind", "LESSON",
                "modality", "VIDEO", "grouping", "INDIVIDUAL"))));
        probes.put("GET /v1/activities", (key, x) -> List.of(http.get("/v1/activities", key),
                http.get("/v1/activities?competency=ratio.concept", key)));
        probes.put("GET /v1/groups", (key, x) -> List.of(http.get("/v1/groups", key),
                http.get("/v1/groups?school=" + b.school, key), http.get("/v1/groups?competency=ratio.concept", key)));
        probes.put("GET /v1/policies", (key, x) -> List.of(http.get("/v1/policies", key)));
        probes.put("GET /v1/policies/{id}", (key, x) -> List.of(http.get("/v1/policies/district-default", key)));
        probes.put("POST /v1/keys", (key, x) -> List.of(http.post("/v1/keys", key, Map.of("role", "teacher"))));
        probes.put("GET /v1/keys", (key, x) -> List.of(http.get("/v1/keys", key)));
        probes.put("DELETE /v1/keys/{id}", (key, x) -> List.of(expect404(http.delete("/v1/keys/" + bKeyId, key))));
        probes.put("PUT /v1/learners/{id}", (key, x) -> {
            // Last, as it creates A's own learner of that id. Ids are per tenant: A may create its own learner of the same id, which starts empty.
            RawHttp.Response created = http.put(learner, key, Map.of("grade", 3));
            assertThat(created.json().path("evidenceCount").asInt()).isZero();
            assertThat(created.json().path("version").asInt()).isEqualTo(1);
            return List.of(created);
        });
        return probes;
    }

    private static RawHttp.Response expect404(RawHttp.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        return response;
    }

    private RawHttp.Response call(String operation, String key) {
        String[] parts = operation.split(" ", 2);
        String path = parts[1].replace("{id}", "ghost");
        return http.send(parts[0], path, key, parts[0].equals("GET") || parts[0].equals("DELETE") ? null
                : RawHttp.bytes("{}"), "application/json", false);
    }

    private Set<String> openApiOperations() {
        var paths = http.get("/v3/api-docs", null).json().path("paths");
        Set<String> operations = new TreeSet<>();
        paths.fieldNames().forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method -> {
            if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                operations.add(method.toUpperCase() + " " + path);
            }
        }));
        return operations;
    }
}
