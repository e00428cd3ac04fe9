package dev.pathwise.api.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathwise.api.interop.xapi.StatementTable;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Standards on real data through the whole stack: CASE packages as servers publish them (long statements, external
 * references, several parents, definitions), read back as CFPackages, frameworks side by side, activities retired,
 * and the xAPI statement table: every invalid statement refused with nothing changed, every valid one kept.
 */
abstract class StandardsContract extends RunningService {

    static Map<String, String> xapiHeaders() {
        return Map.of("X-Experience-API-Version", "1.0.3");
    }

    /** Rows per table of the tenant, for every table that has a tenant_id. */
    Map<String, Integer> rows(String tenantId) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.columns where"
                        + " lower(column_name) = 'tenant_id' and lower(table_schema) = 'public'",
                String.class);
        Map<String, Integer> rows = new TreeMap<>();
        for (String table : tables) {
            rows.put(
                    table.toLowerCase(),
                    jdbc.queryForObject(
                            "select count(*) from " + table + " where tenant_id = ?", Integer.class, tenantId));
        }
        return rows;
    }

    @Test
    void aCasePackageAsPublishedImportsAndReadsBackExactly() {
        Http http = http();
        TestDistrict district = TestDistrict.bare(context);
        ObjectNode ela = CasePackages.ela();

        var imported = http.post("/v1/frameworks/case", district.curriculumKey, ela);
        var again = http.post("/v1/frameworks/case", district.curriculumKey, ela);
        var framework = http.get("/v1/frameworks/" + CasePackages.ELA_DOCUMENT, district.teacherKey);
        var served = http.get("/ims/case/v1p0/CFPackages/" + CasePackages.ELA_DOCUMENT, district.platformKey);

        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
        JsonNode result = imported.body();
        assertThat(result.path("items").asInt()).isEqualTo(7);
        assertThat(result.path("hierarchyLinks").asInt()).isEqualTo(4);
        assertThat(result.path("prerequisiteLinks").asInt()).isEqualTo(2);
        assertThat(result.path("externalReferences")).hasSize(1);
        assertThat(result.path("externalReferences").get(0).path("path").asText())
                .isEqualTo("CFAssociations[8].destinationNodeURI");
        assertThat(result.path("externalReferences").get(0).path("outside").asText())
                .isEqualTo(CasePackages.EXTERNAL_ITEM);
        assertThat(result.path("otherParents").get(0).path("competencyId").asText())
                .isEqualTo("RI.9-10.1");
        assertThat(result.path("otherParents").get(0).path("parentId").asText()).isEqualTo("RI");
        assertThat(result.path("otherParents").get(0).path("otherParentIds").toString())
                .isEqualTo("[\"RL\"]");
        assertThat(result.path("otherAssociations").path("exactMatchOf").asInt())
                .isEqualTo(1);
        assertThat(result.path("definitions").path("CFItemTypes").path("count").asInt())
                .isEqualTo(1);
        assertThat(result.path("definitions").path("CFRubrics").path("use").asText())
                .startsWith("kept");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("unchanged");

        JsonNode cite = InteropContract.competency(framework.body(), "RL.9-10.1");
        assertThat(cite.path("statement").asText())
                .hasSize(1_000)
                .isEqualTo(CasePackages.statement("Cite strong and thorough textual evidence"));
        assertThat(cite.path("name").asText()).hasSize(200).endsWith("\u2026");
        assertThat(cite.path("gradeLevel").asInt()).isEqualTo(9);
        assertThat(InteropContract.competency(framework.body(), "RL")
                        .path("gradeLevel")
                        .asInt())
                .isEqualTo(9);
        assertThat(InteropContract.competency(framework.body(), "L")
                        .path("gradeLevel")
                        .asInt())
                .isZero();
        JsonNode theme = InteropContract.competency(framework.body(), "RL.9-10.2");
        assertThat(theme.path("prerequisiteIds").toString()).isEqualTo("[\"RL.9-10.1\"]");
        assertThat(theme.path("externalReferences").get(0).path("identifier").asText())
                .isEqualTo(CasePackages.EXTERNAL_ITEM);
        assertThat(InteropContract.competency(framework.body(), "RI.9-10.1")
                        .path("parentId")
                        .asText())
                .isEqualTo("RI");
        assertThat(InteropContract.competency(framework.body(), "RI.9-10.2")
                        .path("name")
                        .asText())
                .isEqualTo("Central idea");

        assertThat(served.status()).as("%s", served.body()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(ela);
    }

    @Test
    void theServedPackageImportedIntoAFreshTenantGivesTheSameFramework() {
        Http http = http();
        TestDistrict first = TestDistrict.create(context, http);
        http.post("/v1/frameworks/case", first.curriculumKey, CasePackages.ela());
        TestDistrict fresh = TestDistrict.bare(context);
        List<JsonNode> frameworks = new ArrayList<>();
        http.get("/v1/frameworks", first.teacherKey).body().forEach(frameworks::add);

        for (JsonNode summary : frameworks) {
            JsonNode served = http.get(
                            "/ims/case/v1p0/CFPackages/"
                                    + summary.path("caseDocumentIdentifier").asText(),
                            first.platformKey)
                    .body();
            var copied = http.post("/v1/frameworks/case", fresh.curriculumKey, served);

            assertThat(copied.status()).as("%s", copied.body()).isEqualTo(201);
            assertThat(copied.text("frameworkId")).isEqualTo(summary.path("id").asText());
            JsonNode original = http.get("/v1/frameworks/" + summary.path("id").asText(), first.teacherKey)
                    .body();
            JsonNode copy = http.get("/v1/frameworks/" + summary.path("id").asText(), fresh.teacherKey)
                    .body();
            assertThat(copy.path("name")).isEqualTo(original.path("name"));
            assertThat(copy.path("competencies")).hasSameSizeAs(original.path("competencies"));
            for (int i = 0; i < original.path("competencies").size(); i++) {
                JsonNode a = original.path("competencies").get(i);
                JsonNode b = copy.path("competencies").get(i);
                for (String field : List.of(
                        "id",
                        "name",
                        "parentId",
                        "prerequisiteIds",
                        "gradeLevel",
                        "otherParentIds",
                        "externalReferences")) {
                    assertThat(b.path(field)).as("%s.%s", a.path("id"), field).isEqualTo(a.path(field));
                }
            }
        }
        assertThat(frameworks)
                .extracting(f -> f.path("id").asText())
                .containsExactly("ratios", CasePackages.ELA_DOCUMENT);
    }

    @Test
    void twoFrameworksSideBySideAreEvaluatedReportedAndPlannedTogether() {
        Http http = http();
        TestDistrict district = TestDistrict.create(context, http);
        district.learner(http, "ana", 9, "north");
        http.post("/v1/frameworks/case", district.curriculumKey, CasePackages.ela());
        var spanning = http.post(
                "/v1/activities",
                district.curriculumKey,
                List.of(TestDistrict.activity("ela-ri-lesson", "RI.9-10.1", "LESSON", "TEXT", "INDIVIDUAL")));
        var clash = http.post(
                "/v1/frameworks",
                district.curriculumKey,
                Map.of(
                        "id",
                        "science",
                        "name",
                        "Science",
                        "competencies",
                        List.of(Map.of("id", "ratio.tables", "name", "Tables of data"))));

        var math = http.post(
                "/v1/evidence", district.platformKey, TestDistrict.evidence("m-1", "ana", "ratio.concept", 9));
        var reading =
                http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("e-1", "ana", "RL.9-10.1", 9));
        var listed = http.get("/v1/frameworks", district.teacherKey);
        var report = http.get("/v1/reports/mastery", district.teacherKey);
        var next = http.get("/v1/learners/ana/next-steps", district.platformKey);

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.text("type")).endsWith("competency-id-taken");
        assertThat(clash.body().path("errors").get(0).asText())
                .isEqualTo("competency 'ratio.tables' is already in framework 'ratios'");
        assertThat(math.status()).as("%s", math.body()).isEqualTo(200);
        assertThat(reading.status()).as("%s", reading.body()).isEqualTo(200);
        assertThat(listed.body())
                .extracting(f ->
                        f.path("id").asText() + ":" + f.path("competencies").asInt())
                .containsExactly("ratios:4", CasePackages.ELA_DOCUMENT + ":7");
        assertThat(report.body().path("standards")).hasSize(11);
        assertThat(report.body()
                        .path("learners")
                        .get(0)
                        .path("levels")
                        .path("RL.9-10.1")
                        .asText())
                .isNotEqualTo("NO_EVIDENCE");
        assertThat(report.body()
                        .path("learners")
                        .get(0)
                        .path("levels")
                        .path("ratio.concept")
                        .asText())
                .isNotEqualTo("NO_EVIDENCE");
        assertThat(report.body()
                        .path("learners")
                        .get(0)
                        .path("levels")
                        .path("RI.9-10.1")
                        .asText())
                .isEqualTo("NO_EVIDENCE");
        assertThat(spanning.status()).as("%s", spanning.body()).isEqualTo(201);
        assertThat(next.status()).as("%s", next.body()).isEqualTo(200);
        assertThat(next.body().toString()).contains("ela-ri-lesson").contains("a-concept-");
    }

    @Test
    void activitiesAreUpdatedAndRetiredWithTheirEvidenceKept() {
        Http http = http();
        TestDistrict district = TestDistrict.create(context, http);
        district.learner(http, "ana", 7, "north");
        Map<String, Object> evidence = new java.util.HashMap<>(TestDistrict.evidence("a-1", "ana", "ratio.concept", 8));
        evidence.put("activityId", "a-concept-video");
        http.post("/v1/evidence", district.platformKey, evidence);
        Map<String, Object> changed = new java.util.HashMap<>(
                TestDistrict.activity("a-concept-video", "ratio.tables", "LESSON", "VIDEO", "INDIVIDUAL"));
        changed.put("iri", "https://lms.example.org/videos/ratios");

        var updated = http.put("/v1/activities/a-concept-video", district.curriculumKey, changed);
        var retired = http.delete("/v1/activities/a-concept-video", district.curriculumKey);
        var offered = http.get("/v1/activities", district.teacherKey);
        var all = http.get("/v1/activities?retired=true", district.teacherKey);
        var statement = http.post(
                "/v1/xapi/statements",
                district.platformKey,
                InteropContract.statement(
                        InteropContract.uuid(901),
                        InteropContract.account("ana"),
                        "completed",
                        "https://lms.example.org/videos/ratios",
                        Map.of("score", Map.of("scaled", 0.7))),
                xapiHeaders());
        var unknown = http.delete("/v1/activities/a-concpt-video", district.curriculumKey);

        assertThat(updated.status()).as("%s", updated.body()).isEqualTo(200);
        assertThat(updated.body().path("competencyIds").toString()).isEqualTo("[\"ratio.tables\"]");
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.body().path("retiredAt").asText()).isNotEmpty();
        assertThat(offered.body()).extracting(a -> a.path("id").asText()).doesNotContain("a-concept-video");
        assertThat(all.body()).extracting(a -> a.path("id").asText()).contains("a-concept-video");
        assertThat(statement.body().path("results").get(0).path("reason").asText())
                .isEqualTo("unknown-object");
        assertThat(http.get("/v1/learners/ana", district.platformKey)
                        .body()
                        .path("evidenceCount")
                        .asLong())
                .isEqualTo(1);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("detail")).contains("Maybe you meant 'a-concept-video'?");
    }

    @Test
    void theStatementTableInvalidOnesChangeNothingValidOnesAreKept() {
        Http http = http();
        TestDistrict district = InteropContract.xapiDistrictWithQuiz(context, http);
        Map<String, Integer> before = rows(district.tenantId);
        List<String> wrong = new ArrayList<>();
        int valid = 0;
        for (StatementTable.Case row : StatementTable.cases()) {
            ObjectNode statement = row.statement().deepCopy();
            if (StatementTable.BASE_ID.equals(statement.path("id").asText())) {
                statement.put("id", UUID.randomUUID().toString());
            }
            var response = http.post("/v1/xapi/statements", district.platformKey, statement, xapiHeaders());
            if (row.valid()) {
                valid++;
                String status =
                        response.body().path("results").path(0).path("status").asText();
                if (response.status() != 200
                        || !List.of("stored", "voided", "parked").contains(status)) {
                    wrong.add(row + " -> " + response.status() + " " + response.body());
                }
            } else {
                boolean named = false;
                for (JsonNode v : response.body().path("violations")) {
                    named |= v.path("path").asText().equals(row.path())
                            && v.path("rule").asText().equals(row.rule());
                }
                Map<String, Integer> after = rows(district.tenantId);
                if (response.status() != 400
                        || !response.contentType().startsWith("application/problem+json")
                        || !named
                        || !after.equals(before)) {
                    wrong.add(row + " -> " + response.status() + " " + response.body() + " rows " + after);
                }
            }
            before = rows(district.tenantId);
        }
        assertThat(wrong).isEmpty();
        assertThat(valid).isGreaterThan(50);
    }

    @Test
    void anArrayWithOneInvalidStatementIsRefusedWholeNamingItsIndex() {
        Http http = http();
        TestDistrict district = InteropContract.xapiDistrictWithQuiz(context, http);
        ObjectNode good = StatementTable.base();
        ObjectNode bad = StatementTable.base().put("id", UUID.randomUUID().toString());
        ((ObjectNode) bad.at("/result/score")).put("scaled", 1.5);
        Map<String, Integer> before = rows(district.tenantId);

        var response = http.post("/v1/xapi/statements", district.platformKey, List.of(good, bad), xapiHeaders());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("[1].result.score.scaled");
        assertThat(response.text("rule")).isEqualTo("score-scaled-range");
        assertThat(response.text("detail")).contains("1.5").contains("Nothing of this request was stored");
        assertThat(rows(district.tenantId)).isEqualTo(before);
    }

    @Test
    void aStatementIsReadBackAsItWasReceived() {
        Http http = http();
        TestDistrict district = InteropContract.xapiDistrictWithQuiz(context, http);
        String id = "0b7f3c4e-1a2d-4e5f-8a9b-0c1d2e3f4a5b";
        String sent = "{\"id\":\"" + id + "\",\"actor\":{\"account\":{\"homePage\":\"https://lms.example.org\","
                + "\"name\":\"ana\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/scored\"},\"object\":{\"id\":\""
                + StatementTable.QUIZ + "\"},\"result\":{\"score\":{\"scaled\":0.90,\"raw\":9.0,\"min\":0,\"max\":10}},"
                + "\"context\":{\"extensions\":{\"https://example.org/x\":{\"b\":1,\"a\":[null,1.50]}}}}";

        var stored = http.post("/v1/xapi/statements", district.platformKey, sent, xapiHeaders());
        var read = http.get("/v1/xapi/statements?statementId=" + id, district.platformKey);
        var voiding = http.post(
                "/v1/xapi/statements",
                district.platformKey,
                "{\"id\":\"" + UUID.randomUUID()
                        + "\",\"actor\":{\"mbox\":\"mailto:lms@example.org\"},\"verb\":{\"id\":"
                        + "\"http://adlnet.gov/expapi/verbs/voided\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":\""
                        + id + "\"}}",
                xapiHeaders());
        var afterVoiding = http.get("/v1/xapi/statements?statementId=" + id, district.platformKey);
        var voided = http.get("/v1/xapi/statements?voidedStatementId=" + id, district.platformKey);
        var unknown = http.get("/v1/xapi/statements?statementId=" + UUID.randomUUID(), district.platformKey);

        assertThat(stored.body().path("results").get(0).path("status").asText()).isEqualTo("stored");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text()).isEqualTo(sent);
        assertThat(voiding.body().path("results").get(0).path("status").asText())
                .isEqualTo("voided");
        assertThat(afterVoiding.status()).isEqualTo(404);
        assertThat(afterVoiding.text("detail")).contains("voidedStatementId=" + id);
        assertThat(voided.text()).isEqualTo(sent);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void validStatementsPathwiseCannotMapAreParkedWithTheirReason() {
        Http http = http();
        TestDistrict district = InteropContract.xapiDistrictWithQuiz(context, http);
        StatementTable.Case group = find("an anonymous Group as actor");
        StatementTable.Case sub = find("a SubStatement as object");

        var response = http.post(
                "/v1/xapi/statements",
                district.platformKey,
                List.of(
                        group.statement(),
                        sub.statement().put("id", UUID.randomUUID().toString())),
                xapiHeaders());

        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        assertThat(InteropContract.texts(response.body().path("results"), "reason"))
                .containsExactly("group-actor", "unsupported-object");
        assertThat(http.get("/v1/xapi/unmapped", district.platformKey)
                        .body()
                        .path("count")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aParkedStatementSentTwentyTimesAtOnceIsParkedOnce() throws Exception {
        Http http = http();
        TestDistrict district = InteropContract.xapiDistrictWithQuiz(context, http);
        ObjectNode statement = StatementTable.base();
        ((ObjectNode) statement.get("actor"))
                .set(
                        "account",
                        Http.JSON
                                .createObjectNode()
                                .put("homePage", "https://lms.example.org")
                                .put("name", "nobody"));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Http.Response>> sends = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                sends.add(pool.submit(
                        () -> http.post("/v1/xapi/statements", district.platformKey, statement, xapiHeaders())));
            }
            for (Future<Http.Response> send : sends) {
                Http.Response response = send.get();
                assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
                assertThat(response.body().path("results").get(0).path("status").asText())
                        .isEqualTo("parked");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(http.get("/v1/xapi/unmapped", district.platformKey)
                        .body()
                        .path("count")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void mappingsRefuseOverAThousandItemsAndInvisibleCharactersNamingTheField() {
        Http http = http();
        TestDistrict district = InteropContract.xapiDistrictWithQuiz(context, http);
        List<Map<String, Object>> actors = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            actors.add(Map.of("key", "mbox:mailto:learner" + i + "@example.org", "learnerId", "ana"));
        }

        var tooMany = http.put("/v1/xapi/actors", district.platformKey, actors);
        var bell = http.put(
                "/v1/xapi/alignments",
                district.curriculumKey,
                List.of(Map.of("iri", "https://lms.example.org/q\u0007", "competencyId", "ratio.concept")));
        var rtl = http.put(
                "/v1/xapi/alignments",
                district.curriculumKey,
                List.of(Map.of("iri", "https://lms.example.org/\u202Eziuq", "competencyId", "ratio.concept")));
        var zeroWidth = http.put(
                "/v1/xapi/alignments",
                district.curriculumKey,
                List.of(Map.of("iri", "https://lms.example.org/quiz", "activityId", "a-concept\u200B-video")));
        var badKey = http.put(
                "/v1/xapi/actors",
                district.platformKey,
                List.of(Map.of("key", "mbox:ana@example.org", "learnerId", "ana")));

        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.text("field")).isEqualTo("body");
        assertThat(bell.status()).isEqualTo(400);
        assertThat(bell.text("field")).isEqualTo("[0].iri");
        assertThat(bell.text("detail")).contains("control character");
        assertThat(rtl.status()).isEqualTo(400);
        assertThat(rtl.text("detail")).contains("invisible formatting character");
        assertThat(zeroWidth.status()).isEqualTo(400);
        assertThat(zeroWidth.text("field")).isEqualTo("[0].activityId");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.text("field")).isEqualTo("[0].key");
        assertThat(http.get("/v1/xapi/actors", district.platformKey).body()).isEmpty();
    }

    private static StatementTable.Case find(String description) {
        return StatementTable.cases().stream()
                .filter(c -> c.description().equals(description))
                .findFirst()
                .orElseThrow();
    }
}
