package dev.pathwise.api.stack;

import static dev.pathwise.api.stack.StandardsContract.xapiHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;

/**
 * Interoperability through the whole stack on a real database: a CASE package of 104 items (five levels: grade,
 * domain, cluster, standard, component) imported and re-imported, xAPI statements as evidence, reports out.
 */
abstract class InteropContract extends RunningService {

    static final String PACKAGE = "/case/example-state-math-3-5.json";
    static final String DOCUMENT = "45bc298a-232b-5525-9def-43f0e6f79375";

    static ObjectNode statePackage() {
        try (InputStream in = InteropContract.class.getResourceAsStream(PACKAGE)) {
            return (ObjectNode) Http.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode item(ObjectNode pkg, String code) {
        for (JsonNode item : pkg.withArray("CFItems")) {
            if (code.equals(item.path("humanCodingScheme").asText())) {
                return (ObjectNode) item;
            }
        }
        throw new IllegalArgumentException("no item " + code);
    }

    static JsonNode competency(JsonNode framework, String id) {
        for (JsonNode c : framework.path("competencies")) {
            if (id.equals(c.path("id").asText())) {
                return c;
            }
        }
        throw new AssertionError("no competency " + id + " in " + framework.path("id"));
    }

    /** A tenant whose framework is the state package, with learner ana in grade 3. */
    TestDistrict stateDistrict(Http http) {
        TestDistrict district = TestDistrict.bare(context);
        var imported = http.post("/v1/frameworks/case", district.curriculumKey, statePackage());
        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
        district.learner(http, "ana", 3, "north");
        return district;
    }

    @Test
    void caseImportBuildsTheHierarchyAndPrerequisitesFromAStateStandardsPackage() {
        Http http = http();
        TestDistrict district = TestDistrict.bare(context);

        var imported = http.post("/v1/frameworks/case", district.curriculumKey, statePackage());

        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
        JsonNode result = imported.body();
        assertThat(result.path("status").asText()).isEqualTo("created");
        assertThat(result.path("items").asInt()).isEqualTo(104);
        assertThat(result.path("added").size()).isEqualTo(104);
        assertThat(result.path("otherAssociations").path("isRelatedTo").asInt()).isEqualTo(4);
        assertThat(result.path("otherAssociations").path("exactMatchOf").asInt())
                .isEqualTo(3);
        String frameworkId = result.path("frameworkId").asText();
        JsonNode framework =
                http.get("/v1/frameworks/" + frameworkId, district.teacherKey).body();
        assertThat(framework.path("competencies").size()).isEqualTo(104);
        JsonNode component = competency(framework, "4.NF.B.3b");
        assertThat(component.path("parentId").asText()).isEqualTo("4.NF.B.3");
        assertThat(component.path("prerequisiteIds").toString()).contains("4.NF.B.3a");
        assertThat(component.path("gradeLevel").asInt()).isEqualTo(4);
        assertThat(component.path("externalId").asText())
                .isEqualTo(item(statePackage(), "4.NF.B.3b").path("identifier").asText());
        assertThat(competency(framework, "4.NF.A").path("prerequisiteIds").toString())
                .contains("3.NF.A");
        assertThat(competency(framework, "MATH.3").has("parentId")).isFalse();
        assertThat(competency(framework, "3.OA.A.1").path("prerequisiteIds").size())
                .isZero();
    }

    @Test
    void reimportingTheSamePackageChangesNothing() {
        Http http = http();
        TestDistrict district = stateDistrict(http);

        var again = http.post("/v1/frameworks/case", district.curriculumKey, statePackage());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("unchanged");
        assertThat(again.body().path("added").size()).isZero();
        assertThat(again.body().path("changed").size()).isZero();
    }

    @Test
    void updatedPackageChangesTheFrameworkInPlaceAndLearnersKeepTheirEvidence() {
        Http http = http();
        TestDistrict district = stateDistrict(http);
        http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("u-1", "ana", "3.OA.A.1", 9));
        http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("u-2", "ana", "3.MD.A.2", 6));
        ObjectNode updated = statePackage();
        item(updated, "3.OA.A.1")
                .put(
                        "fullStatement",
                        "Interpret products of whole numbers, e.g. 5 x 7 as 5 groups" + " of 7 objects each.")
                .put("abbreviatedStatement", "Interpret products");
        ObjectNode added = item(updated, "3.OA.A.4").deepCopy();
        added.put("identifier", "9a0f7c1e-0000-4000-8000-000000000001")
                .put("humanCodingScheme", "3.OA.A.4x")
                .put("fullStatement", "Write an equation for a multiplication word problem.");
        updated.withArray("CFItems").add(added);
        ObjectNode link = updated.withArray("CFAssociations").get(0).deepCopy();
        link.put("identifier", "9a0f7c1e-0000-4000-8000-000000000002").put("associationType", "isChildOf");
        link.putObject("originNodeURI")
                .put("identifier", added.path("identifier").asText());
        link.putObject("destinationNodeURI")
                .put("identifier", item(updated, "3.OA.A").path("identifier").asText());
        updated.withArray("CFAssociations").add(link);
        String removedIdentifier = item(updated, "3.MD.A.2").path("identifier").asText();
        removeItem(updated, removedIdentifier);

        var response = http.post("/v1/frameworks/case", district.curriculumKey, updated);

        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        assertThat(response.text("status")).isEqualTo("updated");
        assertThat(response.body().path("added").toString()).isEqualTo("[\"3.OA.A.4x\"]");
        assertThat(response.body().path("changed").toString()).isEqualTo("[\"3.OA.A.1\"]");
        JsonNode removed = response.body().path("removed").get(0);
        assertThat(removed.path("competencyId").asText()).isEqualTo("3.MD.A.2");
        assertThat(removed.path("learnersWithEvidence").asInt()).isEqualTo(1);
        assertThat(removed.path("evidence").asText()).startsWith("kept");
        var mastery = http.get("/v1/learners/ana/mastery", district.teacherKey).body();
        JsonNode row = null;
        for (JsonNode r : mastery.path("competencies")) {
            if (r.path("competencyId").asText().equals("3.OA.A.1")) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("evidenceCount").asInt()).isEqualTo(1);
        assertThat(row.path("name").asText()).isEqualTo("Interpret products");
        assertThat(http.get("/v1/learners/ana", district.platformKey)
                        .body()
                        .path("evidenceCount")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void badPackagesAreRefusedNamingTheItemOrAssociationAndExternalEndsAreKept() {
        Http http = http();
        TestDistrict district = TestDistrict.bare(context);
        ObjectNode dangling = statePackage();
        removeItems(dangling, item(dangling, "5.MD.C.5").path("identifier").asText());
        ObjectNode cycle = statePackage();
        ObjectNode back = cycle.withArray("CFAssociations").get(0).deepCopy();
        back.put("identifier", "cycle-association").put("associationType", "precedes");
        back.putObject("originNodeURI")
                .put("identifier", item(cycle, "3.OA.A.2").path("identifier").asText());
        back.putObject("destinationNodeURI")
                .put("identifier", item(cycle, "3.OA.A.1").path("identifier").asText());
        cycle.withArray("CFAssociations").add(back);
        ObjectNode noIdentifier = statePackage();
        item(noIdentifier, "3.NBT.A.2").remove("identifier");

        TestDistrict other = TestDistrict.bare(context);
        var danglingResponse = http.post("/v1/frameworks/case", other.curriculumKey, dangling);
        var cycleResponse = http.post("/v1/frameworks/case", district.curriculumKey, cycle);
        var noIdentifierResponse = http.post("/v1/frameworks/case", district.curriculumKey, noIdentifier);

        // An association whose other end is not in the package is kept as an external reference, never refused.
        assertThat(danglingResponse.status()).as("%s", danglingResponse.body()).isEqualTo(201);
        assertThat(danglingResponse
                        .body()
                        .path("externalReferences")
                        .get(0)
                        .path("path")
                        .asText())
                .matches("CFAssociations\\[\\d+]\\.originNodeURI");
        assertThat(danglingResponse
                        .body()
                        .path("externalReferences")
                        .get(0)
                        .path("outside")
                        .asText())
                .isEqualTo(item(statePackage(), "5.MD.C.5").path("identifier").asText());
        assertThat(cycleResponse.status()).isEqualTo(400);
        assertThat(cycleResponse.text("detail"))
                .contains("3.OA.A.1 -> 3.OA.A.2 -> 3.OA.A.1")
                .contains("cycle-association");
        assertThat(noIdentifierResponse.status()).isEqualTo(400);
        assertThat(noIdentifierResponse.text("field")).matches("CFItems\\[\\d+]\\.identifier");
        assertThat(noIdentifierResponse.text("value")).isEqualTo("3.NBT.A.2");
        assertThat(http.get("/v1/frameworks/" + DOCUMENT, district.teacherKey).status())
                .isEqualTo(404);
    }

    static final String ADL = "http://adlnet.gov/expapi/verbs/";
    static final String QUIZ = "https://lms.example.org/activities/ratio-quiz";
    static final String TABLES = "https://lms.example.org/activities/tables-practice";

    static Map<String, Object> statement(
            String id, Map<String, Object> actor, String verb, String object, Map<String, Object> result) {
        Map<String, Object> statement = new java.util.LinkedHashMap<>();
        statement.put("id", id);
        statement.put("actor", actor);
        statement.put(
                "verb", Map.of("id", verb.startsWith("http") ? verb : ADL + verb, "display", Map.of("en-US", verb)));
        statement.put("object", Map.of("objectType", "Activity", "id", object));
        if (result != null) {
            statement.put("result", result);
        }
        statement.put("timestamp", "2026-01-15T10:00:00Z");
        return statement;
    }

    static Map<String, Object> account(String name) {
        return Map.of("objectType", "Agent", "account", Map.of("homePage", "https://lms.example.org", "name", name));
    }

    static Map<String, Object> mbox(String address) {
        return Map.of("objectType", "Agent", "mbox", "mailto:" + address);
    }

    static String uuid(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    /** TestDistrict's ratios framework, learner ana, a quiz IRI aligned to ratio.concept, an activity with an IRI. */
    TestDistrict xapiDistrict(Http http) {
        return xapiDistrictWithQuiz(context, http);
    }

    static TestDistrict xapiDistrictWithQuiz(ApplicationContext context, Http http) {
        TestDistrict district = TestDistrict.create(context, http);
        district.learner(http, "ana", 7, "north");
        Map<String, Object> practice = new java.util.HashMap<>(
                TestDistrict.activity("a-tables-xapi", "ratio.tables", "PRACTICE", "INTERACTIVE", "INDIVIDUAL"));
        practice.put("iri", TABLES);
        assertThat(http.post("/v1/activities", district.curriculumKey, List.of(practice))
                        .status())
                .isEqualTo(201);
        assertThat(http.put(
                                "/v1/xapi/alignments",
                                district.curriculumKey,
                                List.of(Map.of("iri", QUIZ, "competencyId", "ratio.concept")))
                        .status())
                .isEqualTo(200);
        return district;
    }

    @Test
    void statementsOfEachEvidenceVerbBecomeEvidenceOnceEach() {
        Http http = http();
        TestDistrict district = xapiDistrict(http);
        assertThat(http.put(
                                "/v1/xapi/actors",
                                district.platformKey,
                                List.of(Map.of("actor", mbox("Ana@Example.org"), "learnerId", "ana")))
                        .status())
                .isEqualTo(200);
        Map<String, Object> scored = statement(
                uuid(5), account("ana"), "scored", QUIZ, Map.of("score", Map.of("raw", 8, "min", 0, "max", 10)));
        scored.put(
                "object",
                Map.of("id", QUIZ, "definition", Map.of("type", "http://adlnet.gov/expapi/activities/assessment")));
        Map<String, Object> pre =
                statement(uuid(7), account("ana"), "completed", QUIZ, Map.of("score", Map.of("scaled", 0.4)));
        pre.put(
                "context",
                Map.of("extensions", Map.of("https://pathwise.dev/xapi/extensions/evidence-kind", "pre-assessment")));
        List<Object> statements = List.of(
                statement(
                        uuid(1),
                        account("ana"),
                        "passed",
                        QUIZ,
                        Map.of("score", Map.of("scaled", 0.9), "success", true)),
                statement(
                        uuid(2),
                        mbox("ana@example.org"),
                        "failed",
                        QUIZ,
                        Map.of("score", Map.of("raw", 3, "min", 0, "max", 10), "success", false)),
                statement(uuid(3), account("ana"), "completed", TABLES, Map.of("score", Map.of("scaled", 0.7))),
                statement(uuid(4), account("ana"), "answered", QUIZ, Map.of("success", true)),
                scored,
                statement(uuid(6), account("ana"), "mastered", QUIZ, null),
                pre);

        var response = http.post("/v1/xapi/statements", district.platformKey, statements, xapiHeaders());
        var again = http.post("/v1/xapi/statements", district.platformKey, statements.get(0), xapiHeaders());
        var noVersion = http.post("/v1/xapi/statements", district.platformKey, statements.get(0));

        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        JsonNode results = response.body().path("results");
        assertThat(texts(results, "status")).containsOnly("stored");
        assertThat(texts(results, "kind"))
                .containsExactly(
                        "SUMMATIVE", "SUMMATIVE", "FORMATIVE", "FORMATIVE", "SUMMATIVE", "SUMMATIVE", "PRE_ASSESSMENT");
        assertThat(texts(results, "score")).containsExactly("0.9", "0.3", "0.7", "1.0", "0.8", "1.0", "0.4");
        assertThat(results.get(2).path("activityId").asText()).isEqualTo("a-tables-xapi");
        assertThat(results.get(0).path("competencyId").asText()).isEqualTo("ratio.concept");
        assertThat(results.get(0).path("update").path("evidenceId").asText()).isEqualTo(uuid(1));
        assertThat(again.body().path("results").get(0).path("status").asText()).isEqualTo("already-stored");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.text("field")).isEqualTo("X-Experience-API-Version");
        assertThat(http.get("/v1/learners/ana", district.platformKey)
                        .body()
                        .path("evidenceCount")
                        .asLong())
                .isEqualTo(7);
    }

    @Test
    void statementsThatCannotBeMappedAreParkedListedAndStoredOnceMapped() {
        Http http = http();
        TestDistrict district = xapiDistrict(http);
        List<Object> statements = List.of(
                statement(
                        uuid(11), mbox("stranger@example.org"), "passed", QUIZ, Map.of("score", Map.of("scaled", 0.8))),
                statement(
                        uuid(12),
                        account("ana"),
                        "passed",
                        "https://lms.example.org/activities/unknown",
                        Map.of("score", Map.of("scaled", 0.8))),
                statement(uuid(13), account("ana"), "http://adlnet.gov/expapi/verbs/launched", QUIZ, null),
                statement(uuid(14), account("ana"), "completed", QUIZ, null));

        var response = http.post("/v1/xapi/statements", district.platformKey, statements, xapiHeaders());
        var parked = http.get("/v1/xapi/unmapped", district.platformKey);
        http.put(
                "/v1/xapi/actors",
                district.platformKey,
                List.of(Map.of("key", "mbox:mailto:stranger@example.org", "learnerId", "ana")));
        var retried = http.post("/v1/xapi/unmapped/retry", district.platformKey, "");

        assertThat(response.body().path("parked").asInt()).isEqualTo(4);
        assertThat(texts(response.body().path("results"), "reason"))
                .containsExactly("unknown-actor", "unknown-object", "unsupported-verb", "no-score");
        assertThat(response.body().path("results").get(0).path("detail").asText())
                .contains("mbox:mailto:stranger@example.org")
                .contains("PUT /v1/xapi/actors");
        assertThat(parked.body().path("count").asInt()).isEqualTo(4);
        assertThat(parked.body()
                        .path("statements")
                        .get(0)
                        .path("statement")
                        .path("id")
                        .asText())
                .isEqualTo(uuid(11));
        assertThat(retried.body().path("stored").asInt()).isEqualTo(1);
        assertThat(http.get("/v1/xapi/unmapped", district.platformKey)
                        .body()
                        .path("count")
                        .asInt())
                .isEqualTo(3);
        assertThat(http.get("/v1/learners/ana", district.platformKey)
                        .body()
                        .path("evidenceCount")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void voidedStatementRemovesItsEvidenceAndTheLearnerIsRebuiltFromTheRest() {
        Http http = http();
        TestDistrict district = xapiDistrict(http);
        http.post(
                "/v1/xapi/statements",
                district.platformKey,
                List.of(
                        statement(uuid(21), account("ana"), "scored", QUIZ, Map.of("score", Map.of("scaled", 0.95))),
                        statement(uuid(22), account("ana"), "scored", QUIZ, Map.of("score", Map.of("scaled", 0.1)))),
                xapiHeaders());
        Map<String, Object> voiding =
                new java.util.LinkedHashMap<>(statement(uuid(23), account("ana"), "voided", uuid(22), null));
        voiding.put("object", Map.of("objectType", "StatementRef", "id", uuid(22)));

        var voided = http.post("/v1/xapi/statements", district.platformKey, voiding, xapiHeaders());
        var twice = http.post("/v1/xapi/statements", district.platformKey, voiding, xapiHeaders());

        JsonNode result = voided.body().path("results").get(0);
        assertThat(result.path("status").asText()).isEqualTo("voided");
        assertThat(result.path("voided").path("replayed").asInt()).isEqualTo(1);
        assertThat(twice.body()
                        .path("results")
                        .get(0)
                        .path("voided")
                        .path("alreadyVoided")
                        .asBoolean())
                .isTrue();
        JsonNode concept = http.get("/v1/learners/ana/mastery", district.teacherKey)
                .body()
                .path("competencies")
                .get(1);
        assertThat(concept.path("competencyId").asText()).isEqualTo("ratio.concept");
        assertThat(concept.path("evidenceCount").asInt()).isEqualTo(1);
        assertThat(concept.path("score").asDouble()).isEqualTo(0.95);
        assertThat(http.get("/v1/learners/ana", district.platformKey)
                        .body()
                        .path("evidenceCount")
                        .asLong())
                .isEqualTo(1);
        // regression: verification replays the evidence that counts (voided evidence left out), as voiding does
        JsonNode verification =
                http.get("/v1/learners/ana/verify", district.adminKey).body();
        assertThat(verification.path("matchesReplay").asBoolean())
                .as(verification.toString())
                .isTrue();
        assertThat(verification.path("evidenceIds"))
                .extracting(JsonNode::asText)
                .containsExactly(uuid(21));
    }

    @Test
    void reportsGiveTheMasteryChartAsJsonAndCsvAndAStudentFacingPathway() {
        Http http = http();
        TestDistrict district = stateDistrict(http);
        district.learner(http, "bo", 3, "north");
        district.learner(http, "cy", 4, "south");
        String iri = item(statePackage(), "3.OA.A.1").path("uri").asText();
        var sent = http.post(
                "/v1/xapi/statements",
                district.platformKey,
                statement(uuid(31), account("ana"), "passed", iri, Map.of("score", Map.of("scaled", 0.9))),
                xapiHeaders());
        assertThat(sent.body().path("results").get(0).path("competencyId").asText())
                .isEqualTo("3.OA.A.1");

        var json = http.get("/v1/reports/mastery?school=north", district.teacherKey);
        var csv = http.get("/v1/reports/mastery.csv?school=north", district.teacherKey);
        var classChart = http.get("/v1/reports/mastery?learners=ana,cy", district.teacherKey);
        var pathway = http.get("/v1/reports/learners/ana/pathway", district.platformKey);

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body().path("standards").size()).isEqualTo(104);
        assertThat(texts(json.body().path("learners"), "learnerId")).containsExactly("ana", "bo");
        assertThat(json.body()
                        .path("learners")
                        .get(0)
                        .path("levels")
                        .path("3.OA.A.1")
                        .asText())
                .isEqualTo("APPROACHING");
        JsonNode standard = null;
        for (JsonNode s : json.body().path("standards")) {
            if (s.path("competencyId").asText().equals("3.OA.A.1")) {
                standard = s;
            }
        }
        assertThat(standard.path("code").asText()).isEqualTo("3.OA.A.1");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("learner_id,school_id,grade,MATH.3,3.OA,3.OA.A,3.OA.A.1,");
        assertThat(lines[1]).startsWith("ana,north,3,BEGINNING,BEGINNING,BEGINNING,APPROACHING,");
        assertThat(lines[1].split(",")).hasSize(3 + 104);
        assertThat(texts(classChart.body().path("learners"), "learnerId")).containsExactly("ana", "cy");
        JsonNode student = pathway.body();
        assertThat(pathway.status()).isEqualTo(200);
        assertThat(student.path("progress").path("inProgress").asInt()).isEqualTo(1);
        assertThat(texts(student.path("strands"), "competencyId")).containsExactly("MATH.3", "MATH.4", "MATH.5");
        JsonNode first = student.path("strands").get(0).path("items").get(0);
        assertThat(first.path("competencyId").asText()).isEqualTo("3.OA.A.1");
        assertThat(first.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(first.path("message").asText()).contains("approaching");
        JsonNode locked = student.path("strands").get(0).path("items").get(1);
        assertThat(locked.path("status").asText()).isEqualTo("LOCKED");
        assertThat(locked.path("message").asText()).startsWith("Opens once you master:");
        assertThat(locked.path("needsFirst").size()).isPositive();
    }

    /** Removes the item and every association that names it. */
    static void removeItem(ObjectNode pkg, String identifier) {
        removeItems(pkg, identifier);
        ArrayNode associations = pkg.withArray("CFAssociations");
        for (int i = associations.size() - 1; i >= 0; i--) {
            JsonNode a = associations.get(i);
            if (a.path("originNodeURI").path("identifier").asText().equals(identifier)
                    || a.path("destinationNodeURI").path("identifier").asText().equals(identifier)) {
                associations.remove(i);
            }
        }
    }

    /** Removes only the item, leaving its associations dangling. */
    static void removeItems(ObjectNode pkg, String identifier) {
        ArrayNode items = pkg.withArray("CFItems");
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).path("identifier").asText().equals(identifier)) {
                items.remove(i);
            }
        }
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }
}
