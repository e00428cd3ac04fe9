package dev.pathwise.api.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.testing.DistrictFixture;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.scenario.CurriculumFile;
import dev.pathwise.engine.simulation.EvidenceFiles;
import dev.pathwise.engine.simulation.PolicySimulation;
import dev.pathwise.engine.simulation.SimulationReport;
import dev.pathwise.rules.DefaultPolicyPack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A learner's data through the whole stack: exported in full, then erased with nothing of them left in any table
 * (every text column of every table searched), and the district's evidence exported in the formats the policy
 * simulation reads.
 */
abstract class PrivacyContract extends DistrictStack {

    private static final Map<String, String> XAPI = Map.of("X-Experience-API-Version", "1.0.3");

    @Test
    void aLearnerIsExportedInFullThenErasedWithNothingOfThemLeftInAnyTable() {
        DistrictFixture d = DistrictFixture.create(http, operatorKey);
        // letters no id, hash or UUID holds, so a leftover cannot be a coincidence
        String marker = new java.util.Random()
                .ints(10, 'g', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        String learner = "erase-" + marker;
        String mbox = "mailto:kid-" + marker + "@example.org";
        Http.expect(
                http.put(
                        "/v1/learners/" + learner,
                        d.platformKey,
                        Map.of(
                                "grade",
                                6,
                                "schoolId",
                                "north-middle",
                                "interests",
                                List.of("kites-" + marker),
                                "givenName",
                                "Ximena-" + marker,
                                "familyName",
                                "Quispe-" + marker,
                                "goals",
                                List.of(Map.of(
                                        "id",
                                        "goal-" + marker,
                                        "description",
                                        "Fly kites " + marker,
                                        "competencyIds",
                                        List.of("ratio.concept"))))),
                200);
        Http.expect(
                http.put(
                        "/v1/classes/math-6a",
                        d.adminKey,
                        Map.of(
                                "schoolId",
                                "north-middle",
                                "title",
                                "Math 6 (A)",
                                "learnerIds",
                                List.of("maya", "leo", learner))),
                200);
        for (int i = 1; i <= 3; i++) {
            Http.expect(
                    http.post(
                            "/v1/evidence",
                            d.platformKey,
                            TestDistrict.evidence("ev-" + marker + "-" + i, learner, "ratio.concept", 5 + i)),
                    200);
        }
        Http.expect(
                http.post(
                        "/v1/learners/" + learner + "/overrides",
                        d.riveraKey,
                        Map.of(
                                "kind",
                                "SET_LEVEL",
                                "competencyId",
                                "ratio.concept",
                                "level",
                                "MASTERED",
                                "reason",
                                "Conference with " + marker)),
                201);
        Http.expect(
                http.put(
                        "/v1/xapi/actors", d.platformKey, List.of(Map.of("key", "mbox:" + mbox, "learnerId", learner))),
                200);
        String quiz = "https://lms.example.org/quizzes/ratios";
        Http.expect(
                http.put(
                        "/v1/xapi/alignments",
                        d.curriculumKey,
                        List.of(Map.of("iri", quiz, "competencyId", "ratio.tables"))),
                200);
        JsonNode statements = Http.expect(
                        http.post(
                                "/v1/xapi/statements",
                                d.platformKey,
                                List.of(
                                        statement(
                                                UUID.randomUUID().toString(),
                                                mbox,
                                                "https://lms.example.org/" + marker + "/unknown"),
                                        statement(UUID.randomUUID().toString(), mbox, quiz)),
                                XAPI),
                        200)
                .body();
        assertThat(statements.path("parked").asInt()).as("%s", statements).isEqualTo(1);
        assertThat(statements.path("stored").asInt()).as("%s", statements).isEqualTo(1);

        // the export holds everything
        JsonNode export = Http.expect(http.get("/v1/learners/" + learner + "/export", d.adminKey), 200)
                .body();
        assertThat(export.path("profile").path("givenName").asText()).isEqualTo("Ximena-" + marker);
        assertThat(export.path("profile").path("interests")).hasToString("[\"kites-" + marker + "\"]");
        List<String> evidenceIds = new ArrayList<>();
        export.path("evidence")
                .forEach(e -> evidenceIds.add(e.path("evidenceId").asText()));
        assertThat(evidenceIds)
                .hasSize(4)
                .contains("ev-" + marker + "-1", "ev-" + marker + "-2", "ev-" + marker + "-3");
        assertThat(export.path("evidence")
                        .get(0)
                        .path("evidence")
                        .path("learnerId")
                        .asText())
                .isEqualTo(learner);
        assertThat(export.path("evidence")
                        .get(0)
                        .path("result")
                        .path("masteryChanges")
                        .isArray())
                .isTrue();
        assertThat(export.path("overrides").get(0).path("reason").asText()).isEqualTo("Conference with " + marker);
        assertThat(export.path("enrollments").findValuesAsText("classId")).containsExactly("math-6a");
        assertThat(export.path("xapiActors")).hasToString("[\"mbox:" + mbox + "\"]");
        assertThat(export.path("xapiParkedStatements")).hasSize(1);
        assertThat(export.path("xapiStatements")).hasSize(2);
        assertThat(export.path("state").path("competencies").has("ratio.concept"))
                .isTrue();
        assertThat(export.path("audit").findValuesAsText("action")).containsExactly("learner.exported");
        assertThat(http.get("/v1/learners/" + learner + "/export", d.riveraKey).status())
                .isEqualTo(403);

        // a piece of evidence for the learner refused on the evidence stream, kept with its problem
        context.getBean(dev.pathwise.api.evidence.EvidenceRefusals.class)
                .record(
                        d.tenantId,
                        "ev-" + marker + "-refused",
                        learner,
                        "{\"status\": 404, \"detail\": \"learnerId: '" + learner + "' refused\"}",
                        java.time.Instant.now());

        // erased: one answer with the counts, and the learner is gone everywhere
        JsonNode erased = Http.expect(http.delete("/v1/learners/" + learner, d.adminKey), 200)
                .body();
        assertThat(erased.path("removed").path("evidence").asInt()).isEqualTo(4);
        assertThat(erased.path("removed").path("evidenceRefusals").asInt()).isEqualTo(1);
        assertThat(erased.path("removed").path("overrides").asInt()).isEqualTo(1);
        assertThat(erased.path("removed").path("enrollments").asInt()).isEqualTo(1);
        assertThat(erased.path("removed").path("xapiActors").asInt()).isEqualTo(1);
        assertThat(erased.path("removed").path("xapiParkedStatements").asInt()).isEqualTo(1);
        assertThat(erased.path("removed").path("xapiStatements").asInt()).isEqualTo(2);
        assertThat(erased.path("removed").path("learner").asInt()).isEqualTo(1);
        String erasureId = erased.path("erasureId").asText();
        assertThat(http.get("/v1/learners/" + learner, d.adminKey).status()).isEqualTo(404);
        assertThat(http.delete("/v1/learners/" + learner, d.adminKey).status()).isEqualTo(404);
        assertThat(http.get("/v1/classes/math-6a", d.adminKey).body().path("learnerIds"))
                .hasToString("[\"leo\",\"maya\"]");
        Map<String, Long> leftovers = occurrences(List.of(learner, marker, mbox));
        assertThat(leftovers)
                .as("rows still holding the learner, by table.column")
                .isEmpty();
        JsonNode audit = http.get("/v1/audit?limit=1000", d.adminKey).body().path("events");
        JsonNode tombstone = audit.get(audit.size() - 1);
        assertThat(tombstone.path("action").asText()).isEqualTo("learner.erased");
        assertThat(tombstone.path("targetId").asText()).isEqualTo(erasureId);
        assertThat(tombstone.path("actor").asText()).isEqualTo("first-admin-key");
        assertThat(audit.findParents("action").stream()
                        .filter(e -> e.path("action").asText().equals("learner.exported"))
                        .findFirst()
                        .orElseThrow()
                        .path("targetId")
                        .asText())
                .isEqualTo(erasureId);
        // the other learners keep everything
        assertThat(http.get("/v1/learners/maya", d.adminKey).status()).isEqualTo(200);
    }

    /** Every text column of every table searched for each value: "table.column" and how many rows hold one. */
    private Map<String, Long> occurrences(List<String> values) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name from"
                + " information_schema.columns where lower(table_schema) = 'public' and (lower(data_type) like"
                + " '%char%' or lower(data_type) like '%text%' or lower(data_type) like '%clob%'"
                + " or lower(data_type) like '%character%')");
        assertThat(columns).as("text columns found").hasSizeGreaterThan(40);
        Map<String, Long> found = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = String.valueOf(column.get("table_name")).toLowerCase();
            String name = String.valueOf(column.get("column_name")).toLowerCase();
            tables.add(table);
            for (String value : values) {
                Long rows = jdbc.queryForObject(
                        "select count(*) from " + table + " where " + name + " like ?", Long.class, "%" + value + "%");
                if (rows != null && rows > 0) {
                    found.merge(table + "." + name, rows, Long::sum);
                }
            }
        }
        assertThat(tables)
                .contains(
                        "learners",
                        "evidence",
                        "evidence_refusals",
                        "overrides",
                        "enrollments",
                        "xapi_actors",
                        "xapi_unmapped",
                        "xapi_statements",
                        "roster_links",
                        "audit_events");
        return found;
    }

    @Test
    void theDistrictsEvidenceIsExportedStreamedInTheFormatsThePolicySimulationReads() throws IOException {
        DistrictFixture d = DistrictFixture.create(http, operatorKey);
        List<Map<String, Object>> pieces = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> piece = new LinkedHashMap<>(
                    TestDistrict.evidence("x-" + i, i % 2 == 0 ? "maya" : "leo", "ratio.concept", 5 + i));
            piece.put("source", "lms, \"v2\"");
            pieces.add(piece);
        }
        Http.expect(http.post("/v1/evidence/batch", d.platformKey, pieces), 200);

        Http.Response ndjson = http.get("/v1/exports/evidence.ndjson", d.curriculumKey);
        Http.Response csv = http.get("/v1/exports/evidence.csv", d.curriculumKey);
        Http.Response learners = http.get("/v1/exports/learners.csv", d.curriculumKey);
        Http.Response curriculum = http.get("/v1/exports/curriculum.json", d.curriculumKey);

        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        assertThat(ndjson.text().lines().toList()).hasSize(6);
        assertThat(ndjson.text().lines().findFirst().orElseThrow())
                .isEqualTo("{\"id\":\"x-0\",\"learnerId\":"
                        + "\"maya\",\"competencyId\":\"ratio.concept\",\"raw\":5.0,\"min\":0.0,\"max\":10.0,\"kind\":"
                        + "\"FORMATIVE\",\"source\":\"lms, \\\"v2\\\"\",\"observedAt\":\""
                        + Http.JSON
                                .readTree(ndjson.text().lines().findFirst().orElseThrow())
                                .path("observedAt")
                                .asText()
                        + "\"}");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text().split("\r\n")[0]).isEqualTo(String.join(",", EvidenceFiles.EVIDENCE_COLUMNS));
        assertThat(csv.text().split("\r\n")[1])
                .startsWith("x-0,maya,ratio.concept,,5.0,0.0,10.0,FORMATIVE," + "\"lms, \"\"v2\"\"\",");
        assertThat(http.get("/v1/exports/evidence.csv", d.riveraKey).status()).isEqualTo(403);

        // as they are, the files feed a simulation of a stricter threshold
        Path folder = Files.createTempDirectory("pathwise-export-");
        Path evidenceNdjson = Files.writeString(folder.resolve("evidence.ndjson"), ndjson.text());
        Path evidenceCsv = Files.writeString(folder.resolve("evidence.csv"), csv.text());
        Path learnersCsv = Files.writeString(folder.resolve("learners.csv"), learners.text());
        Path curriculumJson = Files.writeString(folder.resolve("curriculum.json"), curriculum.text());
        List<Evidence> fromNdjson = EvidenceFiles.readEvidence(evidenceNdjson);
        assertThat(fromNdjson).isEqualTo(EvidenceFiles.readEvidence(evidenceCsv));
        assertThat(fromNdjson).hasSize(6);
        assertThat(fromNdjson.get(0).source()).isEqualTo("lms, \"v2\"");
        List<LearnerProfile> profiles = EvidenceFiles.readLearners(learnersCsv);
        assertThat(profiles).extracting(LearnerProfile::learnerId).containsExactly("leo", "maya", "sol", "zoe");
        Curriculum read = CurriculumFile.read(curriculumJson);
        assertThat(read.framework().id()).isEqualTo("ratios");
        CompiledPolicy current = new PolicyRuntime(2, 2).compile(DefaultPolicyPack.source());
        SimulationReport report = new PolicySimulation().run(current, current, read, profiles, fromNdjson, 1);
        assertThat(report.learners()).isEqualTo(4);
        assertThat(report.evidence()).isEqualTo(6);
        assertThat(report.changed()).isEmpty();
        deleteQuietly(folder);
    }

    private static Map<String, Object> statement(String id, String mbox, String object) {
        return Map.of(
                "id",
                id,
                "actor",
                Map.of("objectType", "Agent", "mbox", mbox),
                "verb",
                Map.of("id", "http://adlnet.gov/expapi/verbs/passed"),
                "object",
                Map.of("objectType", "Activity", "id", object),
                "result",
                Map.of("score", Map.of("scaled", 0.9)),
                "timestamp",
                "2026-09-15T10:00:00Z");
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
