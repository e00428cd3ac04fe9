package dev.pathwise.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import dev.pathwise.rules.DefaultPolicyPack;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Role checks and tenant isolation over the whole API surface, table-driven and derived from the OpenAPI document:
 * an endpoint that is not in both tables fails the test, so a new endpoint cannot be missed.
 */
class ApiSurfaceSecurityTest extends ReliabilityStack {

    private static final Set<Role> READERS = EnumSet.of(Role.PLATFORM, Role.TEACHER);
    private static final Set<Role> REPORTERS = EnumSet.of(Role.TEACHER, Role.PLATFORM, Role.CURRICULUM);
    private static final Map<String, String> XAPI = Map.of("X-Experience-API-Version", "1.0.3");
    private static final String POLICY = "/v1/policies/" + DefaultPolicyPack.POLICY_ID;

    /** The operator's endpoints: no key of a tenant, not even an admin's, reaches them (401: not an operator key). */
    static final List<String> OPERATOR = List.of(
            "GET /v1/operator/tenants",
            "POST /v1/operator/tenants",
            "GET /v1/operator/tenants/{id}",
            "POST /v1/operator/tenants/{id}/disable",
            "POST /v1/operator/tenants/{id}/enable",
            "POST /v1/operator/tenants/{id}/keys");

    /** Who may call what (admin may call everything). */
    static final Map<String, Set<Role>> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("POST /v1/evidence", EnumSet.of(Role.PLATFORM));
        ROLES.put("POST /v1/evidence/batch", EnumSet.of(Role.PLATFORM));
        ROLES.put("GET /v1/evidence/{id}", EnumSet.of(Role.PLATFORM));
        ROLES.put("PUT /v1/learners/{id}", EnumSet.of(Role.PLATFORM));
        ROLES.put("GET /v1/learners/{id}", READERS);
        ROLES.put("GET /v1/learners/{id}/next-steps", READERS);
        ROLES.put("GET /v1/learners/{id}/pathway", READERS);
        ROLES.put("GET /v1/learners/{id}/mastery", READERS);
        ROLES.put("GET /v1/learners/{id}/mastery/{competencyId}", READERS);
        ROLES.put("GET /v1/learners/{id}/evidence", READERS);
        ROLES.put("GET /v1/flags", EnumSet.of(Role.TEACHER));
        ROLES.put("GET /v1/policies/{id}/versions/{version}", EnumSet.of(Role.CURRICULUM, Role.TEACHER));
        ROLES.put("POST /v1/learners/{id}/overrides", EnumSet.of(Role.TEACHER));
        ROLES.put("GET /v1/learners/{id}/overrides", EnumSet.of(Role.TEACHER));
        ROLES.put("GET /v1/learners/{id}/verify", EnumSet.noneOf(Role.class));
        ROLES.put("POST /v1/frameworks", EnumSet.of(Role.CURRICULUM));
        ROLES.put("GET /v1/frameworks/{id}", EnumSet.of(Role.CURRICULUM, Role.PLATFORM, Role.TEACHER));
        ROLES.put("GET /v1/frameworks", EnumSet.of(Role.CURRICULUM, Role.PLATFORM, Role.TEACHER));
        ROLES.put("GET /ims/case/v1p0/CFPackages/{id}", EnumSet.of(Role.CURRICULUM, Role.PLATFORM, Role.TEACHER));
        ROLES.put("PUT /v1/activities/{id}", EnumSet.of(Role.CURRICULUM));
        ROLES.put("DELETE /v1/activities/{id}", EnumSet.of(Role.CURRICULUM));
        ROLES.put("GET /v1/xapi/statements", EnumSet.of(Role.PLATFORM, Role.CURRICULUM, Role.TEACHER));
        ROLES.put("POST /v1/activities", EnumSet.of(Role.CURRICULUM));
        ROLES.put("GET /v1/activities", EnumSet.of(Role.CURRICULUM, Role.PLATFORM, Role.TEACHER));
        ROLES.put("GET /v1/groups", EnumSet.of(Role.TEACHER));
        ROLES.put("GET /v1/policies", EnumSet.of(Role.CURRICULUM, Role.TEACHER));
        ROLES.put("GET /v1/policies/{id}", EnumSet.of(Role.CURRICULUM, Role.TEACHER));
        ROLES.put("GET /v1/policies/{id}/versions", EnumSet.of(Role.CURRICULUM, Role.TEACHER));
        ROLES.put("POST /v1/policies/{id}/versions", EnumSet.of(Role.CURRICULUM));
        ROLES.put("POST /v1/policies/{id}/versions/{version}/activate", EnumSet.of(Role.CURRICULUM));
        ROLES.put("POST /v1/policies/{id}/check", EnumSet.of(Role.CURRICULUM));
        ROLES.put("POST /v1/policies/{id}/test", EnumSet.of(Role.CURRICULUM));
        ROLES.put("POST /v1/policies/{id}/simulate", EnumSet.of(Role.CURRICULUM));
        ROLES.put("GET /v1/learners/{id}/effective-policy", EnumSet.of(Role.TEACHER, Role.CURRICULUM));
        ROLES.put("POST /v1/frameworks/case", EnumSet.of(Role.CURRICULUM));
        ROLES.put("POST /v1/xapi/statements", EnumSet.of(Role.PLATFORM));
        ROLES.put("GET /v1/xapi/unmapped", EnumSet.of(Role.PLATFORM, Role.CURRICULUM, Role.TEACHER));
        ROLES.put("POST /v1/xapi/unmapped/retry", EnumSet.of(Role.PLATFORM));
        ROLES.put("PUT /v1/xapi/actors", EnumSet.of(Role.PLATFORM));
        ROLES.put("GET /v1/xapi/actors", EnumSet.of(Role.PLATFORM));
        ROLES.put("PUT /v1/xapi/alignments", EnumSet.of(Role.PLATFORM, Role.CURRICULUM));
        ROLES.put("GET /v1/xapi/alignments", EnumSet.of(Role.PLATFORM, Role.CURRICULUM));
        ROLES.put("GET /v1/reports/mastery", REPORTERS);
        ROLES.put("GET /v1/reports/mastery.csv", REPORTERS);
        ROLES.put("GET /v1/reports/learners/{id}/pathway", REPORTERS);
        ROLES.put("POST /v1/keys", EnumSet.noneOf(Role.class));
        ROLES.put("GET /v1/keys", EnumSet.noneOf(Role.class));
        ROLES.put("DELETE /v1/keys/{id}", EnumSet.noneOf(Role.class));
        ROLES.put("GET /v1/audit", EnumSet.noneOf(Role.class));
        for (String resource : List.of("schools", "terms", "classes")) {
            ROLES.put("GET /v1/" + resource, REPORTERS);
            ROLES.put("GET /v1/" + resource + "/{id}", REPORTERS);
            ROLES.put("POST /v1/" + resource, EnumSet.noneOf(Role.class));
            ROLES.put("PUT /v1/" + resource + "/{id}", EnumSet.noneOf(Role.class));
            ROLES.put("DELETE /v1/" + resource + "/{id}", EnumSet.noneOf(Role.class));
        }
        ROLES.put("GET /v1/users", EnumSet.noneOf(Role.class));
        ROLES.put("POST /v1/users", EnumSet.noneOf(Role.class));
        ROLES.put("GET /v1/users/{id}", EnumSet.noneOf(Role.class));
        ROLES.put("PUT /v1/users/{id}", EnumSet.noneOf(Role.class));
        ROLES.put("DELETE /v1/users/{id}", EnumSet.noneOf(Role.class));
        ROLES.put("PUT /v1/users/{id}/password", EnumSet.noneOf(Role.class));
        ROLES.put("POST /v1/users/{id}/keys", EnumSet.noneOf(Role.class));
        ROLES.put("GET /v1/users/{id}/keys", EnumSet.noneOf(Role.class));
        ROLES.put("GET /v1/learners", READERS);
        ROLES.put("POST /v1/learners/batch", EnumSet.of(Role.PLATFORM));
        ROLES.put("GET /v1/learners/{id}/export", EnumSet.noneOf(Role.class));
        ROLES.put("DELETE /v1/learners/{id}", EnumSet.noneOf(Role.class));
        ROLES.put("POST /v1/rosters/oneroster", EnumSet.noneOf(Role.class));
        for (String export :
                List.of("evidence.ndjson", "evidence.csv", "learners.ndjson", "learners.csv", "curriculum.json")) {
            ROLES.put("GET /v1/exports/" + export, EnumSet.of(Role.CURRICULUM));
        }
        for (String operation : OPERATOR) {
            ROLES.put(operation, EnumSet.noneOf(Role.class));
        }
    }

    Http http;
    TestDistrict a;
    TestDistrict b;
    String bLearner;
    String bKeyId;
    /** B's published policy version, its refused attempt, and the files of the published one. */
    String bVersion;

    String bRefused;
    Map<String, String> bPolicyFiles;
    /** B's xAPI objects: an actor mapping, a statement stored as evidence, a parked one, an aligned IRI. */
    String bActor;

    String bStatement;
    String bStatementAgain;
    String bParked;
    String bQuiz;
    /** B's CASE import: the document identifier and each item's identifier and uri, by competency id. */
    String bCaseDocument;

    Map<String, String> bCaseItems;
    long bEvidenceCount;
    /** B's term, class (B's learner in it, taught by B's teacher) and teacher. */
    String bTerm;

    String bClass;
    String bUser;

    @BeforeEach
    void twoTenants() {
        http = http();
        a = TestDistrict.marked(context, http);
        b = TestDistrict.marked(context, http);
        a.learnerInterestedIn(http, "ana", "interest-" + a.marker);
        Http.expect(
                http.post(
                        "/v1/evidence",
                        a.key(Role.PLATFORM),
                        TestDistrict.evidence("ev-a-" + a.marker, "ana", "ratio.concept", 5)),
                200);
        bLearner = b.learnerInterestedIn(http, "learner-" + b.marker, "interest-" + b.marker);
        Http.expect(
                http.post(
                        "/v1/evidence",
                        b.key(Role.PLATFORM),
                        TestDistrict.evidence("ev-" + b.marker, bLearner, "ratio.concept", 8)),
                200);
        Http.expect(
                http.post(
                        "/v1/learners/" + bLearner + "/overrides",
                        b.key(Role.TEACHER),
                        Map.of(
                                "kind",
                                "SET_LEVEL",
                                "competencyId",
                                "ratio.tables",
                                "level",
                                "MASTERED",
                                "reason",
                                "reason-" + b.marker)),
                201);
        bKeyId = Http.expect(
                        http.post(
                                "/v1/keys",
                                b.key(Role.ADMIN),
                                Map.of("role", "platform", "label", "label-" + b.marker)),
                        201)
                .body()
                .path("id")
                .asText();
        casePackageOfB();
        policyVersionsOfB();
        xapiOfB();
        districtOfB();
        bEvidenceCount = http.get("/v1/learners/" + bLearner, b.key(Role.PLATFORM))
                .body()
                .path("evidenceCount")
                .asLong();
    }

    /** B's term, teacher and class, with B's learner enrolled. */
    private void districtOfB() {
        bTerm = "term-" + b.marker;
        bClass = "class-" + b.marker;
        bUser = "user-" + b.marker;
        Http.expect(
                http.post(
                        "/v1/terms",
                        b.key(Role.ADMIN),
                        Map.of(
                                "id",
                                bTerm,
                                "title",
                                "Term " + b.marker,
                                "type",
                                "term",
                                "startDate",
                                "2026-08-01",
                                "endDate",
                                "2026-12-20")),
                201);
        Http.expect(
                http.post(
                        "/v1/users",
                        b.key(Role.ADMIN),
                        Map.of("username", bUser, "givenName", "Given " + b.marker, "roles", List.of("teacher"))),
                201);
        Http.expect(
                http.post(
                        "/v1/classes",
                        b.key(Role.ADMIN),
                        Map.of(
                                "id",
                                bClass,
                                "schoolId",
                                b.school,
                                "title",
                                "Class " + b.marker,
                                "termIds",
                                List.of(bTerm),
                                "teacherIds",
                                List.of(bUser),
                                "learnerIds",
                                List.of(bLearner))),
                201);
    }

    /** B's framework re-imported from CASE (same competency ids, by external id), with B's codes and uris. */
    private void casePackageOfB() {
        bCaseDocument = UUID.randomUUID().toString();
        bCaseItems = new LinkedHashMap<>();
        for (String competency : List.of("ratio", "ratio.concept", "ratio.tables", "rate")) {
            bCaseItems.put(competency, UUID.randomUUID().toString());
        }
        List<Map<String, Object>> competencies = List.of(
                competency("ratio", null, List.of()), competency("ratio.concept", "ratio", List.of()),
                competency("ratio.tables", "ratio", List.of("ratio.concept")),
                        competency("rate", null, List.of("ratio")));
        Http.expect(
                http.post(
                        "/v1/frameworks",
                        b.key(Role.CURRICULUM),
                        Map.of("id", b.frameworkId, "name", "Ratios " + b.marker, "competencies", competencies)),
                201);
        List<Map<String, Object>> items = new ArrayList<>();
        bCaseItems.forEach((competency, identifier) -> items.add(Map.of(
                "identifier",
                identifier,
                "uri",
                caseUri(competency),
                "humanCodingScheme",
                "RP-" + b.marker + "." + competency,
                "fullStatement",
                "Statement " + b.marker + " " + competency,
                "abbreviatedStatement",
                competency + " " + b.marker,
                "educationLevel",
                List.of("07"),
                "CFItemType",
                "Standard")));
        List<Map<String, Object>> associations = List.of(
                association("isChildOf", bCaseItems.get("ratio"), bCaseDocument),
                association("isChildOf", bCaseItems.get("rate"), bCaseDocument),
                association("isChildOf", bCaseItems.get("ratio.concept"), bCaseItems.get("ratio")),
                association("isChildOf", bCaseItems.get("ratio.tables"), bCaseItems.get("ratio")),
                association("precedes", bCaseItems.get("ratio.concept"), bCaseItems.get("ratio.tables")),
                association("precedes", bCaseItems.get("ratio"), bCaseItems.get("rate")),
                association("isRelatedTo", bCaseItems.get("rate"), bCaseItems.get("ratio.tables")));
        // A new CASE document creates a new framework unless frameworkId names the one it is to update.
        Http.Response imported = Http.expect(
                http.post(
                        "/v1/frameworks/case?frameworkId=" + b.frameworkId,
                        b.key(Role.CURRICULUM),
                        Map.of(
                                "CFDocument",
                                Map.of(
                                        "identifier",
                                        bCaseDocument,
                                        "uri",
                                        "https://case.example.org/" + b.marker,
                                        "title",
                                        "CASE " + b.marker),
                                "CFItems",
                                items,
                                "CFAssociations",
                                associations)),
                200);
        assertThat(imported.body().path("frameworkId").asText()).isEqualTo(b.frameworkId);
        assertThat(imported.body().path("added")).isEmpty();
    }

    private Map<String, Object> competency(String id, String parent, List<String> prerequisites) {
        Map<String, Object> competency = new LinkedHashMap<>();
        competency.put("id", id);
        competency.put("name", id + " " + b.marker);
        if (parent != null) {
            competency.put("parentId", parent);
        }
        competency.put("prerequisiteIds", prerequisites);
        competency.put("externalId", bCaseItems.get(id));
        return competency;
    }

    private static Map<String, Object> association(String type, String origin, String destination) {
        return Map.of(
                "identifier",
                UUID.randomUUID().toString(),
                "associationType",
                type,
                "originNodeURI",
                Map.of("identifier", origin),
                "destinationNodeURI",
                Map.of("identifier", destination));
    }

    private String caseUri(String competency) {
        return "https://case.example.org/" + b.marker + "/" + competency;
    }

    /** A version B published (an overlay for B's school) and one that was refused, each named with B's marker. */
    private void policyVersionsOfB() {
        bVersion = "b-" + b.marker;
        bRefused = "r-" + b.marker;
        bPolicyFiles = pack(
                Map.of("schools/" + b.school + "/parameters.yaml", "bands:\n  6-8:\n    masteredThreshold: 0.75\n"));
        Http.expect(
                http.post(
                        POLICY + "/versions",
                        b.key(Role.CURRICULUM),
                        policyBody(bVersion, "message-" + b.marker, bPolicyFiles)),
                201);
        Http.expect(
                http.post(
                        POLICY + "/versions",
                        b.key(Role.CURRICULUM),
                        policyBody(
                                bRefused,
                                "refused-" + b.marker,
                                pack(Map.of(
                                        "schools/" + b.school + "/parameters.yaml", "defaults:\n  maxOptionz: 2\n")))),
                422);
    }

    /** B's actor mapping, IRI alignment, a statement stored as evidence and a statement parked. */
    private void xapiOfB() {
        bActor = "mbox:mailto:actor-" + b.marker + "@example.org";
        bQuiz = "https://lms.example.org/" + b.marker + "/quiz";
        // xAPI statement ids are UUIDs; each carries the tenant's marker so a leak would show it.
        bStatement = b.marker + "-0000-4000-8000-000000000001";
        bStatementAgain = b.marker + "-0000-4000-8000-000000000002";
        bParked = b.marker + "-0000-4000-8000-000000000003";
        Http.expect(
                http.put(
                        "/v1/xapi/actors", b.key(Role.PLATFORM), List.of(Map.of("key", bActor, "learnerId", bLearner))),
                200);
        Http.expect(
                http.put(
                        "/v1/xapi/alignments",
                        b.key(Role.CURRICULUM),
                        List.of(Map.of("iri", bQuiz, "competencyId", "ratio.concept"))),
                200);
        JsonNode results = Http.expect(
                        http.post(
                                "/v1/xapi/statements",
                                b.key(Role.PLATFORM),
                                List.of(
                                        statement(
                                                bStatement,
                                                Map.of("mbox", "mailto:actor-" + b.marker + "@example.org"),
                                                "passed",
                                                caseUri("ratio.tables"),
                                                0.9),
                                        statement(
                                                bStatementAgain,
                                                Map.of(
                                                        "account",
                                                        Map.of(
                                                                "homePage",
                                                                "https://lms.example.org",
                                                                "name",
                                                                bLearner)),
                                                "scored",
                                                bQuiz,
                                                0.8),
                                        statement(
                                                bParked,
                                                Map.of("mbox", "mailto:actor-" + b.marker + "@example.org"),
                                                "passed",
                                                "https://lms.example.org/" + b.marker + "/unknown",
                                                0.7)),
                                XAPI),
                        200)
                .body()
                .path("results");
        assertThat(results.get(0).path("status").asText()).as("%s", results).isEqualTo("stored");
        assertThat(results.get(1).path("status").asText()).as("%s", results).isEqualTo("stored");
        assertThat(results.get(2).path("reason").asText()).as("%s", results).isEqualTo("unknown-object");
    }

    private static Map<String, Object> statement(
            String id, Map<String, Object> actor, String verb, String object, Double scaled) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("id", id);
        Map<String, Object> agent = new LinkedHashMap<>(actor);
        agent.put("objectType", "Agent");
        statement.put("actor", agent);
        statement.put("verb", Map.of("id", "http://adlnet.gov/expapi/verbs/" + verb));
        if (verb.equals("voided")) {
            statement.put("object", Map.of("objectType", "StatementRef", "id", object));
        } else {
            statement.put("object", Map.of("objectType", "Activity", "id", object));
            statement.put("result", Map.of("score", Map.of("scaled", scaled)));
        }
        statement.put("timestamp", "2026-01-15T10:00:00Z");
        return statement;
    }

    /** The default pack's files (no scenarios) with some replaced or added. */
    private static Map<String, String> pack(Map<String, String> changes) {
        Map<String, String> files = new LinkedHashMap<>();
        DefaultPolicyPack.RULE_FILES.forEach(name -> files.put(name, DefaultPolicyPack.read(name)));
        files.put("parameters.yaml", DefaultPolicyPack.read("parameters.yaml"));
        files.putAll(changes);
        return files;
    }

    private static Map<String, Object> policyBody(String version, String message, Map<String, String> files) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (version != null) {
            body.put("version", version);
        }
        if (message != null) {
            body.put("message", message);
        }
        body.put(
                "files",
                files.entrySet().stream()
                        .map(e -> Map.of("path", e.getKey(), "content", e.getValue()))
                        .toList());
        return body;
    }

    @Test
    void theTablesCoverEveryEndpointOfTheOpenApiDocument() {
        assertThat(new TreeSet<>(ROLES.keySet())).isEqualTo(openApiOperations());
        assertThat(new TreeSet<>(isolationProbes().keySet())).isEqualTo(openApiOperations());
    }

    @Test
    void everyEndpointRefusesAWrongRoleAMissingAnUnknownAndARevokedKey() {
        String revoked = Http.expect(http.post("/v1/keys", a.key(Role.ADMIN), Map.of("role", "admin")), 201)
                .body()
                .path("key")
                .asText();
        String revokedId = http.get("/v1/keys", a.key(Role.ADMIN))
                .body()
                .findValuesAsText("id")
                .get(http.get("/v1/keys", a.key(Role.ADMIN)).body().size() - 1);
        Http.expect(http.delete("/v1/keys/" + revokedId, a.key(Role.ADMIN)), 200);
        Map<String, String> before = DatabaseFingerprint.of(jdbc, a.tenantId);
        int calls = 0;
        for (var entry : ROLES.entrySet()) {
            for (Role role : Role.values()) {
                Http.Response response = call(entry.getKey(), a.key(role));
                boolean allowed = role == Role.ADMIN || entry.getValue().contains(role);
                if (OPERATOR.contains(entry.getKey())) {
                    assertThat(response.status())
                            .as("%s as %s: %s", entry.getKey(), role, response.text())
                            .isEqualTo(401);
                    assertThat(response.isProblem()).isTrue();
                    calls++;
                    continue;
                }
                assertThat(response.status())
                        .as("%s as %s: %s", entry.getKey(), role, response.text())
                        .matches(status -> allowed ? status != 403 && status != 401 && status < 500 : status == 403);
                assertThat(response.isProblem() || response.status() < 400).isTrue();
                calls++;
            }
            for (String key : new String[] {null, "no-such-key", revoked}) {
                Http.Response response = call(entry.getKey(), key);
                assertThat(response.status())
                        .as("%s with key %s", entry.getKey(), key)
                        .isEqualTo(401);
                assertThat(response.isProblem()).isTrue();
                calls++;
            }
        }
        System.out.println("Role table: " + ROLES.size() + " endpoints, " + calls + " calls");
        assertThat(DatabaseFingerprint.of(jdbc, a.tenantId))
                .as("calls with empty bodies change nothing")
                .isEqualTo(before);
    }

    @Test
    void aKeyOfTenantANeverReadsChangesOrLearnsOfTenantBsObjects() {
        Map<String, String> bBefore = DatabaseFingerprint.of(jdbc, b.tenantId);
        List<String> markersOfB = List.of(b.marker, b.tenantId);
        int probes = 0;
        for (var probe : isolationProbes().entrySet()) {
            List<Http.Response> answers = probe.getValue().apply(a.key(Role.ADMIN), "");
            for (Http.Response answer : answers) {
                assertThat(answer.status()).as(probe.getKey()).isLessThan(500);
                // What A itself sent may come back (a 404 names the id asked for); nothing else of B may.
                String text = answer.text();
                for (String sentByA : sentByA()) {
                    text = text.replace(sentByA, "SENT");
                }
                for (String marker : markersOfB) {
                    assertThat(text)
                            .as("%s leaks tenant B (%s)", probe.getKey(), marker)
                            .doesNotContain(marker);
                }
            }
            probes++;
        }
        System.out.println("Isolation: " + probes + " endpoints probed with tenant A's admin key");
        assertThat(DatabaseFingerprint.of(jdbc, b.tenantId))
                .as("tenant B's rows")
                .isEqualTo(bBefore);
        assertThat(http.get("/v1/learners/" + bLearner, b.key(Role.PLATFORM))
                        .body()
                        .path("evidenceCount")
                        .asLong())
                .isEqualTo(bEvidenceCount)
                .isEqualTo(3);
        assertThat(http.get("/v1/keys", b.key(Role.ADMIN)).text()).contains(bKeyId);
        // B's own objects still answer B as before A's attempts.
        JsonNode history =
                http.get(POLICY + "/versions", b.key(Role.CURRICULUM)).body();
        assertThat(history.path("activeVersion").asText()).isEqualTo(bVersion);
        assertThat(history.path("refused").findValuesAsText("version")).containsExactly(bRefused);
        assertThat(http.get("/v1/xapi/actors", b.key(Role.PLATFORM)).body().findValuesAsText("actorKey"))
                .containsExactly(bActor);
        assertThat(http.get("/v1/xapi/unmapped", b.key(Role.PLATFORM))
                        .body()
                        .path("statements")
                        .findValuesAsText("statementId"))
                .containsExactly(bParked);
        assertThat(http.get("/v1/learners/" + bLearner + "/effective-policy", b.key(Role.TEACHER))
                        .body()
                        .path("overlay")
                        .asText())
                .isEqualTo(b.school);
        assertThat(http.get("/v1/frameworks/" + b.frameworkId, b.key(Role.CURRICULUM))
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/v1/classes/" + bClass, b.key(Role.ADMIN))
                        .body()
                        .path("learnerIds")
                        .toString())
                .isEqualTo("[\"" + bLearner + "\"]");
        assertThat(http.get("/v1/users/" + bUser, b.key(Role.ADMIN))
                        .body()
                        .path("roles")
                        .toString())
                .isEqualTo("[\"teacher\"]");
        assertThat(http.get("/v1/terms/" + bTerm, b.key(Role.ADMIN)).status()).isEqualTo(200);
    }

    /**
     * What A itself sends in the probes: B's ids, names and IRIs. They may come back to A (a 404 names the id asked
     * for, a parked statement is A's own copy); the probes check explicitly what must not happen with them.
     */
    private List<String> sentByA() {
        List<String> sent = new ArrayList<>(List.of(
                bLearner,
                b.frameworkId,
                bKeyId,
                "a-concept-" + b.marker,
                "ev-" + b.marker,
                b.school,
                bVersion,
                bRefused,
                bActor,
                bStatement,
                bStatementAgain,
                bParked,
                bQuiz,
                "actor-" + b.marker + "@example.org",
                bTerm,
                bClass,
                bUser));
        bCaseItems.keySet().forEach(competency -> sent.add(caseUri(competency)));
        return sent;
    }

    @Test
    void anotherTenantsObjectIsNotFoundExactlyLikeAnObjectThatNeverExisted() {
        String ghost = "learner-" + "g".repeat(b.marker.length());
        List<String[]> paths = List.of(
                new String[] {"/v1/learners/%s", "platform"},
                new String[] {"/v1/learners/%s/mastery", "teacher"},
                new String[] {"/v1/learners/%s/pathway", "teacher"},
                new String[] {"/v1/learners/%s/next-steps", "platform"},
                new String[] {"/v1/learners/%s/overrides", "teacher"},
                new String[] {"/v1/learners/%s/verify", "admin"},
                new String[] {"/v1/learners/%s/effective-policy", "curriculum"},
                new String[] {"/v1/reports/learners/%s/pathway", "teacher"},
                new String[] {"/v1/learners/%s/export", "admin"});
        // How long each answer takes is measured by benchmarks/load/not-found-timing.sh, not here.
        for (String[] path : paths) {
            String key = a.key(Role.valueOf(path[1].toUpperCase()));
            Http.Response ofB = http.get(String.format(path[0], bLearner), key);
            Http.Response ofGhost = http.get(String.format(path[0], ghost), key);
            assertThat(ofB.status()).as(path[0]).isEqualTo(404);
            assertThat(ofB.text().replace(bLearner, "ID"))
                    .as(path[0])
                    .isEqualTo(ofGhost.text().replace(ghost, "ID"));
        }
    }

    /** For each endpoint: calls with tenant A's key aimed at tenant B's objects (ids, school, competency). */
    private Map<String, BiFunction<String, String, List<Http.Response>>> isolationProbes() {
        Map<String, BiFunction<String, String, List<Http.Response>>> probes = new LinkedHashMap<>();
        String learner = "/v1/learners/" + (bLearner == null ? "x" : bLearner);
        probes.put(
                "POST /v1/evidence",
                (key, x) -> List.of(expect404(
                        http.post("/v1/evidence", key, TestDistrict.evidence("iso-1", bLearner, "ratio.concept", 5)))));
        probes.put(
                "POST /v1/evidence/batch",
                (key, x) -> List.of(http.post(
                        "/v1/evidence/batch",
                        key,
                        List.of(
                                TestDistrict.evidence("iso-2", bLearner, "ratio.concept", 5),
                                TestDistrict.evidence("ev-" + b.marker, bLearner, "ratio.concept", 8)))));
        probes.put(
                "GET /v1/evidence/{id}",
                (key, x) -> List.of(expect404(http.get("/v1/evidence/ev-" + (b == null ? "x" : b.marker), key))));
        probes.put("GET /v1/learners/{id}", (key, x) -> List.of(expect404(http.get(learner, key))));
        probes.put(
                "GET /v1/learners/{id}/next-steps",
                (key, x) -> List.of(expect404(http.get(learner + "/next-steps", key))));
        probes.put(
                "GET /v1/learners/{id}/pathway", (key, x) -> List.of(expect404(http.get(learner + "/pathway", key))));
        probes.put(
                "GET /v1/learners/{id}/mastery", (key, x) -> List.of(expect404(http.get(learner + "/mastery", key))));
        probes.put(
                "GET /v1/learners/{id}/mastery/{competencyId}",
                (key, x) -> List.of(
                        expect404(http.get(learner + "/mastery/ratio.concept", key)),
                        http.get("/v1/learners/ana/mastery/ratio.concept", key)));
        probes.put(
                "GET /v1/learners/{id}/evidence",
                (key, x) -> List.of(
                        expect404(http.get(learner + "/evidence", key)), http.get("/v1/learners/ana/evidence", key)));
        probes.put(
                "GET /v1/flags",
                (key, x) -> List.of(http.get("/v1/flags", key), http.get("/v1/flags?school=" + b.school, key)));
        probes.put(
                "GET /v1/policies/{id}/versions/{version}",
                (key, x) -> List.of(
                        expect404(http.get(POLICY + "/versions/" + bVersion, key)),
                        expect404(http.get(POLICY + "/versions/" + bRefused, key))));
        probes.put(
                "POST /v1/learners/{id}/overrides",
                (key, x) -> List.of(expect404(http.post(
                        learner + "/overrides",
                        key,
                        Map.of(
                                "kind",
                                "SET_LEVEL",
                                "competencyId",
                                "ratio.concept",
                                "level",
                                "MASTERED",
                                "reason",
                                "r")))));
        probes.put(
                "GET /v1/learners/{id}/overrides",
                (key, x) -> List.of(expect404(http.get(learner + "/overrides", key))));
        probes.put("GET /v1/learners/{id}/verify", (key, x) -> List.of(expect404(http.get(learner + "/verify", key))));
        probes.put(
                "POST /v1/frameworks",
                (key, x) -> List.of(http.post(
                        "/v1/frameworks",
                        key,
                        Map.of(
                                "id",
                                "ratios",
                                "name",
                                "A's own",
                                "competencies",
                                List.of(Map.of("id", "x", "name", "X"))))));
        probes.put(
                "GET /v1/frameworks/{id}",
                (key, x) -> List.of(expect404(http.get("/v1/frameworks/" + b.frameworkId, key))));
        probes.put("GET /v1/frameworks", (key, x) -> List.of(http.get("/v1/frameworks", key)));
        probes.put(
                "GET /ims/case/v1p0/CFPackages/{id}",
                (key, x) -> List.of(
                        expect404(http.get("/ims/case/v1p0/CFPackages/" + bCaseDocument, key)),
                        expect404(http.get("/ims/case/v1p0/CFPackages/" + b.frameworkId, key))));
        probes.put(
                "PUT /v1/activities/{id}",
                (key, x) -> List.of(expect404(http.put(
                        "/v1/activities/a-concept-" + b.marker,
                        key,
                        Map.of(
                                "title",
                                "t",
                                "competencyIds",
                                List.of("ratio.concept"),
                                "kind",
                                "LESSON",
                                "modality",
                                "VIDEO",
                                "grouping",
                                "INDIVIDUAL")))));
        probes.put(
                "DELETE /v1/activities/{id}",
                (key, x) -> List.of(expect404(http.delete("/v1/activities/a-concept-" + b.marker, key))));
        probes.put(
                "GET /v1/xapi/statements",
                (key, x) -> List.of(
                        expect404(http.get("/v1/xapi/statements?statementId=" + bStatement, key)),
                        expect404(http.get("/v1/xapi/statements?statementId=" + bParked, key)),
                        expect404(http.get("/v1/xapi/statements?voidedStatementId=" + bStatement, key))));
        probes.put(
                "POST /v1/activities",
                (key, x) -> List.of(http.post(
                        "/v1/activities",
                        key,
                        Map.of(
                                "id",
                                "a-concept-" + b.marker,
                                "title",
                                "t",
                                "competencyIds",
                                List.of("ratio.concept"),
                                "kind",
                                "LESSON",
                                "modality",
                                "VIDEO",
                                "grouping",
                                "INDIVIDUAL"))));
        probes.put(
                "GET /v1/activities",
                (key, x) -> List.of(
                        http.get("/v1/activities", key), http.get("/v1/activities?competency=ratio.concept", key)));
        probes.put(
                "GET /v1/groups",
                (key, x) -> List.of(
                        http.get("/v1/groups", key),
                        http.get("/v1/groups?school=" + b.school, key),
                        http.get("/v1/groups?competency=ratio.concept", key)));
        probes.put("GET /v1/policies", (key, x) -> List.of(http.get("/v1/policies", key)));
        probes.put("GET /v1/policies/{id}", (key, x) -> List.of(http.get("/v1/policies/district-default", key)));
        probes.put("POST /v1/keys", (key, x) -> List.of(http.post("/v1/keys", key, Map.of("role", "teacher"))));
        probes.put("GET /v1/keys", (key, x) -> List.of(http.get("/v1/keys", key)));
        probes.put("DELETE /v1/keys/{id}", (key, x) -> List.of(expect404(http.delete("/v1/keys/" + bKeyId, key))));
        // Reports: B's learners by id (alone and among A's), by B's school, and the district chart of A.
        probes.put("GET /v1/reports/mastery", (key, x) -> {
            Http.Response district = http.get("/v1/reports/mastery", key);
            Http.Response bySchool = http.get("/v1/reports/mastery?school=" + b.school, key);
            assertThat(district.body().path("learners").findValuesAsText("learnerId"))
                    .containsExactly("ana");
            assertThat(bySchool.body().path("learners")).isEmpty();
            return List.of(
                    district,
                    bySchool,
                    expect404(http.get("/v1/reports/mastery?learners=" + bLearner, key)),
                    expect404(http.get("/v1/reports/mastery?learners=ana," + bLearner, key)),
                    http.get("/v1/reports/mastery?grade=7", key));
        });
        probes.put("GET /v1/reports/mastery.csv", (key, x) -> {
            Http.Response district = http.get("/v1/reports/mastery.csv", key);
            Http.Response bySchool = http.get("/v1/reports/mastery.csv?school=" + b.school + "&grade=7", key);
            assertThat(district.text().split("\r\n")).hasSize(2);
            assertThat(bySchool.text().split("\r\n")).hasSize(1);
            return List.of(
                    district, bySchool, expect404(http.get("/v1/reports/mastery.csv?learners=" + bLearner, key)));
        });
        probes.put(
                "GET /v1/reports/learners/{id}/pathway",
                (key, x) -> List.of(
                        expect404(http.get("/v1/reports/learners/" + bLearner + "/pathway", key)),
                        http.get("/v1/reports/learners/ana/pathway", key)));
        probes.put(
                "GET /v1/learners/{id}/effective-policy",
                (key, x) -> List.of(
                        expect404(http.get(learner + "/effective-policy", key)),
                        http.get("/v1/learners/ana/effective-policy", key)));
        // xAPI: B's learner as an account name, B's mapped actor, B's aligned IRI and CASE uri, B's evidence and
        // statements voided, B's statement id reused for A's own learner.
        probes.put("POST /v1/xapi/statements", (key, x) -> {
            Http.expect(
                    http.put(
                            "/v1/xapi/alignments",
                            key,
                            List.of(Map.of("iri", "https://lms.example.org/a/quiz", "competencyId", "ratio.concept"))),
                    200);
            Map<String, Object> account =
                    Map.of("account", Map.of("homePage", "https://lms.example.org", "name", bLearner));
            Map<String, Object> mbox = Map.of("mbox", "mailto:actor-" + b.marker + "@example.org");
            Map<String, Object> ana = Map.of("account", Map.of("homePage", "https://lms.example.org", "name", "ana"));
            String iso = "00000000-0000-4000-8000-00000000a00";
            Http.Response response = http.post(
                    "/v1/xapi/statements",
                    key,
                    List.of(
                            statement(iso + "1", account, "passed", bQuiz, 0.2),
                            statement(iso + "2", mbox, "passed", caseUri("ratio.concept"), 0.2),
                            statement(iso + "3", ana, "passed", bQuiz, 0.2),
                            statement(iso + "4", mbox, "voided", bStatement, null),
                            statement(iso + "5", mbox, "voided", iso + "9", null),
                            statement(iso + "6", mbox, "voided", bParked, null),
                            statement(bStatementAgain, ana, "passed", "https://lms.example.org/a/quiz", 0.3)),
                    XAPI);
            JsonNode results = response.body().path("results");
            List<String> outcomes = new ArrayList<>();
            results.forEach(r -> outcomes.add(
                    r.path("status").asText() + ":" + r.path("reason").asText("")));
            assertThat(outcomes)
                    .as("%s", response.text())
                    .containsExactly(
                            "parked:unknown-actor",
                            "parked:unknown-actor",
                            "parked:unknown-object",
                            "parked:void-target-unknown",
                            "parked:void-target-unknown",
                            "parked:void-target-unknown",
                            "stored:");
            assertThat(results.get(6).path("learnerId").asText()).isEqualTo("ana");
            assertThat(results.get(6).path("update").path("evidenceId").asText())
                    .isEqualTo(bStatementAgain);
            return List.of(response);
        });
        probes.put("GET /v1/xapi/unmapped", (key, x) -> {
            Http.Response all = http.get("/v1/xapi/unmapped", key);
            assertThat(all.body().path("statements").findValuesAsText("statementId"))
                    .doesNotContain(bParked);
            return List.of(all, http.get("/v1/xapi/unmapped?reason=unknown-object", key));
        });
        probes.put("POST /v1/xapi/unmapped/retry", (key, x) -> {
            Http.Response retried = http.post("/v1/xapi/unmapped/retry", key, "");
            assertThat(texts(retried.body().path("ids"))).doesNotContain(bParked);
            assertThat(retried.text()).doesNotContain("\"" + bParked + "\"");
            assertThat(retried.body().path("stored").asInt()).isZero();
            return List.of(retried);
        });
        probes.put(
                "PUT /v1/xapi/actors",
                (key, x) -> List.of(
                        expect404(http.put(
                                "/v1/xapi/actors", key, List.of(Map.of("key", bActor, "learnerId", bLearner)))),
                        // A may map the same actor key to its own learner: actor keys are per tenant.
                        Http.expect(
                                http.put("/v1/xapi/actors", key, List.of(Map.of("key", bActor, "learnerId", "ana"))),
                                200)));
        probes.put("GET /v1/xapi/actors", (key, x) -> {
            Http.Response actors = http.get("/v1/xapi/actors", key);
            assertThat(actors.body().findValuesAsText("learnerId")).doesNotContain(bLearner);
            return List.of(actors);
        });
        probes.put(
                "PUT /v1/xapi/alignments",
                (key, x) -> List.of(
                        http.put(
                                "/v1/xapi/alignments",
                                key,
                                List.of(Map.of("iri", bQuiz, "activityId", "a-concept-" + b.marker))),
                        Http.expect(
                                http.put(
                                        "/v1/xapi/alignments",
                                        key,
                                        List.of(Map.of("iri", caseUri("rate"), "competencyId", "ratio.tables"))),
                                200)));
        probes.put("GET /v1/xapi/alignments", (key, x) -> {
            Http.Response alignments = http.get("/v1/xapi/alignments", key);
            assertThat(alignments.body().findValuesAsText("source")).doesNotContain("case");
            return List.of(alignments);
        });
        // Policies: B's version activated, B's history, B's files checked, tested and simulated on A's data, and
        // B's version name published by A.
        probes.put(
                "POST /v1/policies/{id}/versions/{version}/activate",
                (key, x) -> List.of(
                        expect404(http.post(POLICY + "/versions/" + bVersion + "/activate", key, "")),
                        expect404(http.post(POLICY + "/versions/" + bRefused + "/activate", key, ""))));
        probes.put("GET /v1/policies/{id}/versions", (key, x) -> {
            Http.Response history = http.get(POLICY + "/versions", key);
            assertThat(history.body().path("versions").findValuesAsText("version"))
                    .containsExactly(DefaultPolicyPack.VERSION);
            assertThat(history.body().path("refused")).isEmpty();
            return List.of(history);
        });
        probes.put(
                "POST /v1/policies/{id}/check",
                (key, x) -> List.of(
                        Http.expect(http.post(POLICY + "/check", key, policyBody(null, null, bPolicyFiles)), 200)));
        probes.put(
                "POST /v1/policies/{id}/test",
                (key, x) -> List.of(
                        Http.expect(http.post(POLICY + "/test", key, policyBody(null, null, bPolicyFiles)), 200)));
        probes.put("POST /v1/policies/{id}/simulate", (key, x) -> {
            Http.Response simulation = Http.expect(
                    http.post(
                            POLICY + "/simulate?sample=1000",
                            key,
                            policyBody(
                                    null,
                                    null,
                                    pack(Map.of(
                                            "parameters.yaml",
                                            DefaultPolicyPack.read("parameters.yaml")
                                                    .replace(
                                                            "approachingThreshold: 0.60",
                                                            "approachingThreshold: 0.40"))))),
                    200);
            JsonNode report = simulation.body();
            assertThat(report.path("learners").asInt())
                    .as("A's learners only: %s", report)
                    .isEqualTo(1);
            long evidenceOfA = http.get("/v1/learners/ana", key)
                    .body()
                    .path("evidenceCount")
                    .asLong();
            assertThat(report.path("evidence").asLong())
                    .as("A's evidence only: %s", report)
                    .isEqualTo(evidenceOfA)
                    .isEqualTo(2);
            assertThat(texts(report.path("changed"))).doesNotContain(bLearner);
            assertThat(simulation.text()).doesNotContain(bLearner);
            assertThat(report.path("bySchool").has(b.school)).isFalse();
            Http.Response withBsFiles =
                    Http.expect(http.post(POLICY + "/simulate", key, policyBody(null, null, bPolicyFiles)), 200);
            assertThat(withBsFiles.text()).doesNotContain(bLearner);
            return List.of(simulation, withBsFiles);
        });
        probes.put("POST /v1/policies/{id}/versions", (key, x) -> {
            // A's versions are A's own: B's version name is free for A, with other content (no 409, no 'unchanged').
            Http.Response published = Http.expect(
                    http.post(
                            POLICY + "/versions",
                            key,
                            policyBody(
                                    bVersion,
                                    "A's own",
                                    pack(Map.of(
                                            "parameters.yaml",
                                            DefaultPolicyPack.read("parameters.yaml")
                                                    .replace(
                                                            "approachingThreshold: 0.60",
                                                            "approachingThreshold: 0.55"))))),
                    201);
            assertThat(published.body().path("outcome").asText()).isEqualTo("published");
            assertThat(published.body().path("message").asText()).isEqualTo("A's own");
            return List.of(published);
        });
        // CASE: a package naming B's document and B's items; A's framework becomes A's own import of them.
        probes.put("POST /v1/frameworks/case", (key, x) -> {
            List<Map<String, Object>> items = new ArrayList<>();
            int n = 0;
            for (String identifier : bCaseItems.values()) {
                n++;
                items.add(Map.of(
                        "identifier", identifier, "humanCodingScheme", "A." + n, "fullStatement", "A's item " + n));
            }
            items.add(Map.of("identifier", "ratio.concept", "fullStatement", "A's concept"));
            items.add(Map.of("identifier", "ratio.tables", "fullStatement", "A's tables"));
            Http.Response clashing = http.post(
                    "/v1/frameworks/case",
                    key,
                    Map.of(
                            "CFDocument",
                            Map.of("identifier", bCaseDocument, "title", "A's package"),
                            "CFItems",
                            items));
            // An item whose only usable id is a competency id A already has is refused, naming it.
            assertThat(clashing.status()).as(clashing.text()).isEqualTo(400);
            assertThat(clashing.body().path("field").asText()).matches("CFItems\\[\\d]\\.identifier");
            Http.Response imported = http.post(
                    "/v1/frameworks/case",
                    key,
                    Map.of(
                            "CFDocument",
                            Map.of("identifier", bCaseDocument, "title", "A's package"),
                            "CFItems",
                            items.subList(0, 4)));
            // B's document identifier is free in A: A's import is a new framework of A's own.
            assertThat(imported.status()).as(imported.text()).isEqualTo(201);
            assertThat(imported.body().path("status").asText()).isEqualTo("created");
            assertThat(texts(imported.body().path("added"))).containsExactlyInAnyOrder("A.1", "A.2", "A.3", "A.4");
            return List.of(
                    clashing,
                    imported,
                    http.get("/v1/xapi/alignments", key),
                    http.get("/v1/reports/mastery", key),
                    http.get("/ims/case/v1p0/CFPackages/" + bCaseDocument, key));
        });
        districtProbes(probes, learner);
        probes.put("PUT /v1/learners/{id}", (key, x) -> {
            // Last, as it creates A's own learner of that id. Ids are per tenant: A may create its own learner of the
            // same id, which starts empty.
            Http.Response created = http.put(learner, key, Map.of("grade", 3));
            assertThat(created.body().path("evidenceCount").asInt()).isZero();
            assertThat(created.body().path("version").asInt()).isEqualTo(1);
            return List.of(created);
        });
        probes.put("POST /v1/learners/batch", (key, x) -> {
            // After the PUT: A's own learner of B's id is updated; B's learner is untouched.
            Http.Response batch =
                    Http.expect(http.post("/v1/learners/batch", key, List.of(Map.of("id", bLearner, "grade", 4))), 200);
            assertThat(batch.body().path("updated").get(0).asText()).isEqualTo(bLearner);
            return List.of(batch);
        });
        return probes;
    }

    /**
     * Schools, terms, classes, users, the learner list, exports, rosters, audit, privacy and the operator's endpoints:
     * A's admin key aimed at B's school, term, class, teacher and learner.
     */
    private void districtProbes(Map<String, BiFunction<String, String, List<Http.Response>>> probes, String learner) {
        probes.put("GET /v1/schools", (key, x) -> List.of(http.get("/v1/schools", key)));
        probes.put("GET /v1/schools/{id}", (key, x) -> List.of(expect404(http.get("/v1/schools/" + b.school, key))));
        probes.put(
                "DELETE /v1/schools/{id}", (key, x) -> List.of(expect404(http.delete("/v1/schools/" + b.school, key))));
        probes.put("GET /v1/terms", (key, x) -> List.of(http.get("/v1/terms", key)));
        probes.put("GET /v1/terms/{id}", (key, x) -> List.of(expect404(http.get("/v1/terms/" + bTerm, key))));
        probes.put("DELETE /v1/terms/{id}", (key, x) -> List.of(expect404(http.delete("/v1/terms/" + bTerm, key))));
        probes.put(
                "GET /v1/classes",
                (key, x) -> List.of(
                        http.get("/v1/classes", key),
                        http.get("/v1/classes?school=" + b.school, key),
                        http.get("/v1/classes?term=" + bTerm, key),
                        http.get("/v1/classes?teacher=" + bUser, key)));
        probes.put("GET /v1/classes/{id}", (key, x) -> List.of(expect404(http.get("/v1/classes/" + bClass, key))));
        probes.put(
                "DELETE /v1/classes/{id}", (key, x) -> List.of(expect404(http.delete("/v1/classes/" + bClass, key))));
        probes.put("PUT /v1/classes/{id}", (key, x) -> {
            // B's school, term, teacher and learner are unknown to A: refused, naming only what A sent
            Http.Response withBsSchool =
                    http.put("/v1/classes/" + bClass, key, Map.of("schoolId", b.school, "title", "t"));
            Http.Response withBsLearner = http.put(
                    "/v1/classes/" + bClass,
                    key,
                    Map.of("schoolId", a.school, "title", "t", "teacherIds", List.of(bUser)));
            Http.Response withBsTerm = http.put(
                    "/v1/classes/" + bClass,
                    key,
                    Map.of(
                            "schoolId",
                            a.school,
                            "title",
                            "t",
                            "learnerIds",
                            List.of(bLearner),
                            "termIds",
                            List.of(bTerm)));
            assertThat(List.of(withBsSchool.status(), withBsLearner.status(), withBsTerm.status()))
                    .containsOnly(400);
            return List.of(withBsSchool, withBsLearner, withBsTerm);
        });
        probes.put("GET /v1/users", (key, x) -> List.of(http.get("/v1/users", key)));
        probes.put("GET /v1/users/{id}", (key, x) -> List.of(expect404(http.get("/v1/users/" + bUser, key))));
        probes.put("DELETE /v1/users/{id}", (key, x) -> List.of(expect404(http.delete("/v1/users/" + bUser, key))));
        probes.put(
                "PUT /v1/users/{id}/password",
                (key, x) -> List.of(expect404(http.put(
                        "/v1/users/" + bUser + "/password", key, Map.of("password", "a long enough passphrase")))));
        probes.put(
                "POST /v1/users/{id}/keys",
                (key, x) -> List.of(expect404(http.post("/v1/users/" + bUser + "/keys", key, Map.of()))));
        probes.put(
                "GET /v1/users/{id}/keys",
                (key, x) -> List.of(expect404(http.get("/v1/users/" + bUser + "/keys", key))));
        probes.put("GET /v1/learners", (key, x) -> {
            Http.Response all = http.get("/v1/learners", key);
            assertThat(all.body().path("learners").findValuesAsText("id")).containsExactly("ana");
            return List.of(
                    all,
                    http.get("/v1/learners?school=" + b.school, key),
                    http.get("/v1/learners?class=" + bClass, key));
        });
        probes.put("GET /v1/learners/{id}/export", (key, x) -> List.of(expect404(http.get(learner + "/export", key))));
        probes.put("DELETE /v1/learners/{id}", (key, x) -> List.of(expect404(http.delete(learner, key))));
        probes.put("GET /v1/audit", (key, x) -> List.of(http.get("/v1/audit?limit=1000", key)));
        probes.put("POST /v1/rosters/oneroster", (key, x) -> {
            Http.Response roster =
                    http.send("POST", "/v1/rosters/oneroster", key, rosterRemoving(bLearner), "application/zip", false);
            assertThat(roster.status()).as(roster.text()).isEqualTo(200);
            assertThat(roster.body()
                            .path("counts")
                            .path("learners")
                            .path("removed")
                            .asInt())
                    .isZero();
            return List.of(roster);
        });
        for (String export :
                List.of("evidence.ndjson", "evidence.csv", "learners.ndjson", "learners.csv", "curriculum.json")) {
            probes.put("GET /v1/exports/" + export, (key, x) -> {
                Http.Response exported = Http.expect(http.get("/v1/exports/" + export, key), 200);
                assertThat(exported.text()).doesNotContain(bLearner);
                return List.of(exported);
            });
        }
        probes.put(
                "POST /v1/schools",
                (key, x) -> List.of(
                        Http.expect(http.post("/v1/schools", key, Map.of("id", b.school, "name", "A's own")), 201)));
        probes.put(
                "PUT /v1/schools/{id}",
                (key, x) -> List.of(Http.expect(
                        http.put("/v1/schools/" + b.school, key, Map.of("name", "A's own, renamed")), 200)));
        probes.put(
                "POST /v1/terms",
                (key, x) -> List.of(Http.expect(
                        http.post(
                                "/v1/terms",
                                key,
                                Map.of(
                                        "id",
                                        bTerm,
                                        "title",
                                        "A's own",
                                        "type",
                                        "term",
                                        "startDate",
                                        "2026-01-01",
                                        "endDate",
                                        "2026-06-01")),
                        201)));
        probes.put(
                "PUT /v1/terms/{id}",
                (key, x) -> List.of(Http.expect(
                        http.put(
                                "/v1/terms/" + bTerm,
                                key,
                                Map.of(
                                        "title",
                                        "A's own term",
                                        "type",
                                        "term",
                                        "startDate",
                                        "2026-01-01",
                                        "endDate",
                                        "2026-06-01")),
                        200)));
        probes.put(
                "POST /v1/classes",
                (key, x) -> List.of(Http.expect(
                        http.post("/v1/classes", key, Map.of("id", bClass, "schoolId", a.school, "title", "A's own")),
                        201)));
        probes.put(
                "POST /v1/users",
                (key, x) -> List.of(Http.expect(
                        http.post("/v1/users", key, Map.of("username", bUser, "roles", List.of("teacher"))), 201)));
        probes.put(
                "PUT /v1/users/{id}",
                (key, x) -> List.of(Http.expect(
                        http.put(
                                "/v1/users/" + bUser,
                                key,
                                Map.of("username", bUser, "roles", List.of("teacher", "curriculum"))),
                        200)));
        for (String operation : OPERATOR) {
            probes.put(operation, (key, x) -> {
                Http.Response refused = call(operation, key);
                assertThat(refused.status()).as(operation).isEqualTo(401);
                return List.of(refused);
            });
        }
    }

    /** A OneRoster delta whose users.csv removes B's learner: to A, a record it never imported. */
    private static byte[] rosterRemoving(String learnerId) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("manifest.csv"));
            zip.write(("propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.users,delta\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("users.csv"));
            zip.write(("sourcedId,status,dateLastModified,username,givenName,familyName\n" + learnerId
                            + ",tobedeleted,2026-09-01T00:00:00Z,x,y,z\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Http.Response expect404(Http.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        return response;
    }

    private Http.Response call(String operation, String key) {
        String[] parts = operation.split(" ", 2);
        String path = parts[1].replaceAll("\\{[A-Za-z]+}", "ghost");
        return http.send(
                parts[0],
                path,
                key,
                parts[0].equals("GET") || parts[0].equals("DELETE") ? null : Http.bytes("{}"),
                "application/json",
                false);
    }

    private Set<String> openApiOperations() {
        var paths = http.get("/v3/api-docs", null).body().path("paths");
        Set<String> operations = new TreeSet<>();
        paths.fieldNames()
                .forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method -> {
                    // Signing in and out takes no key by design; SessionContractTest holds its contract.
                    if (List.of("get", "put", "post", "delete", "patch").contains(method)
                            && !path.startsWith("/v1/session")) {
                        operations.add(method.toUpperCase() + " " + path);
                    }
                }));
        return operations;
    }
}
