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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read endpoints the console's views stand on, over real HTTP on H2: the mastery chart paged, sorted and
 * filtered; one cell explained; a learner's evidence timeline; the flag queue; a policy version's files; the
 * framework list. Each bad parameter is a 400 naming it.
 */
class ViewReadsContractTest extends ReliabilityStack {

    Http http;
    TestDistrict tenant;

    @BeforeEach
    void tenantWithFiveLearners() {
        http = http();
        tenant = TestDistrict.marked(context, http);
        learner("l-1", 2);
        for (String id : List.of("l-2", "l-3", "l-4", "l-5")) {
            learner(id, 7);
        }
        // Grade 6-8 masters with three pieces, the last one summative.
        evidence("e-2a", "l-2", 9);
        evidence("e-2b", "l-2", 9);
        Http.expect(
                http.post(
                        "/v1/evidence",
                        tenant.key(Role.PLATFORM),
                        Map.of(
                                "id",
                                "e-2",
                                "learnerId",
                                "l-2",
                                "competencyId",
                                "ratio.concept",
                                "score",
                                Map.of("raw", 9, "min", 0, "max", 10),
                                "kind",
                                "SUMMATIVE",
                                "source",
                                "test")),
                200);
        evidence("e-3", "l-3", 5);
        evidence("e-5", "l-5", 2);
    }

    private void learner(String id, int grade) {
        Http.expect(
                http.put(
                        "/v1/learners/" + id,
                        tenant.key(Role.PLATFORM),
                        Map.of("grade", grade, "schoolId", tenant.school, "planStart", "2025-09-01")),
                200);
    }

    private void evidence(String id, String learner, double raw) {
        Http.expect(
                http.post(
                        "/v1/evidence",
                        tenant.key(Role.PLATFORM),
                        TestDistrict.evidence(id, learner, "ratio.concept", raw)),
                200);
    }

    private JsonNode get(String path, Role role) {
        return Http.expect(http.get(path, tenant.key(role)), 200).body();
    }

    private static List<String> ids(JsonNode rows, String field) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.path(field).asText()));
        return ids;
    }

    @Test
    void theChartIsSortedByACompetencysLevelThenScoreAndPagedWhileTheSummaryCountsEveryRow() {
        JsonNode first = get("/v1/reports/mastery?sort=ratio.concept&order=desc&limit=2", Role.TEACHER);
        JsonNode second = get("/v1/reports/mastery?sort=ratio.concept&order=desc&limit=2&offset=2", Role.TEACHER);
        JsonNode last = get("/v1/reports/mastery?sort=ratio.concept&order=desc&limit=2&offset=4", Role.TEACHER);

        assertThat(ids(first.path("learners"), "learnerId")).containsExactly("l-2", "l-3");
        assertThat(ids(second.path("learners"), "learnerId")).containsExactly("l-5", "l-1");
        assertThat(ids(last.path("learners"), "learnerId")).containsExactly("l-4");
        assertThat(first.path("total").asInt()).isEqualTo(5);
        assertThat(first.path("offset").asInt()).isZero();
        assertThat(first.path("limit").asInt()).isEqualTo(2);
        JsonNode concept = first.path("summary").get(1);
        assertThat(concept.path("competencyId").asText()).isEqualTo("ratio.concept");
        assertThat(concept.path("learners").asInt()).isEqualTo(5);
        assertThat(concept.path("atLevel").path("MASTERED").asInt()).isEqualTo(1);
        assertThat(concept.path("atLevel").path("NO_EVIDENCE").asInt()).isEqualTo(2);
    }

    @Test
    void theChartFiltersByGradeBandAndLearnerIdAndWithoutALimitAnswersEveryRow() {
        JsonNode band = get("/v1/reports/mastery?gradeBand=6-8&sort=learner&order=desc", Role.TEACHER);
        JsonNode search = get("/v1/reports/mastery?q=L-3", Role.CURRICULUM);
        JsonNode byGrade = get("/v1/reports/mastery?sort=grade", Role.PLATFORM);

        assertThat(ids(band.path("learners"), "learnerId")).containsExactly("l-5", "l-4", "l-3", "l-2");
        assertThat(band.path("total").asInt()).isEqualTo(4);
        assertThat(band.path("summary").get(0).path("learners").asInt()).isEqualTo(4);
        assertThat(band.path("scope").asText()).isEqualTo("district, grade band 6-8");
        assertThat(band.has("limit")).isFalse();
        assertThat(ids(search.path("learners"), "learnerId")).containsExactly("l-3");
        assertThat(ids(byGrade.path("learners"), "learnerId")).containsExactly("l-1", "l-2", "l-3", "l-4", "l-5");
    }

    @Test
    void aBadChartParameterIsA400NamingItAndItsValue() {
        Map<String, String> cases = Map.of(
                "sort=ratio.concpet",
                        "sort: 'ratio.concpet' is neither [learner, grade, school] nor a competency of"
                                + " framework 'fw-" + tenant.marker + "'. Maybe you meant 'ratio.concept'?",
                "limit=1001", "limit: 1001 must be between 0 and 1000; page through larger charts with offset",
                "offset=-1", "offset: -1 must be 0 or more",
                "order=up", "order: 'up' is not an order; use asc or desc");
        cases.forEach((query, detail) -> {
            Http.Response response = http.get("/v1/reports/mastery?" + query, tenant.key(Role.TEACHER));
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.body().path("detail").asText()).as(query).isEqualTo(detail);
            assertThat(response.body().path("field").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
        });
        Http.Response band = http.get("/v1/reports/mastery?gradeBand=13-14", tenant.key(Role.TEACHER));
        assertThat(band.status()).isEqualTo(400);
        assertThat(band.body().path("detail").asText()).startsWith("gradeBand: ");
    }

    @Test
    void aCellIsExplainedByTheRuleAndValuesThatDecidedItThenByTheOverrideThatBeatsIt() {
        JsonNode cell = get("/v1/learners/l-2/mastery/ratio.concept", Role.TEACHER);

        assertThat(cell.path("level").asText()).isEqualTo("MASTERED");
        assertThat(cell.path("levelValue").asInt()).isEqualTo(3);
        assertThat(cell.path("score").asDouble()).isEqualTo(0.9);
        assertThat(cell.path("decidedBy").asText()).isEqualTo("rules");
        JsonNode decision = cell.path("decision");
        assertThat(decision.path("evidenceId").asText()).isEqualTo("e-2");
        assertThat(decision.path("to").asText()).isEqualTo("MASTERED");
        assertThat(decision.path("why").path("rule").asText()).isNotBlank();
        assertThat(decision.path("why").path("text").asText()).contains("0.90").contains("0.80");
        assertThat(ids(cell.path("observations"), "evidenceId")).containsExactly("e-2a", "e-2b", "e-2");
        assertThat(ids(cell.path("observations"), "kind")).containsExactly("FORMATIVE", "FORMATIVE", "SUMMATIVE");

        Http.expect(
                http.post(
                        "/v1/learners/l-2/overrides",
                        tenant.key(Role.TEACHER),
                        Map.of(
                                "kind",
                                "SET_LEVEL",
                                "competencyId",
                                "ratio.concept",
                                "level",
                                "BEGINNING",
                                "reason",
                                "Copied the answers")),
                201);
        JsonNode overridden = get("/v1/learners/l-2/mastery/ratio.concept", Role.PLATFORM);

        assertThat(overridden.path("level").asText()).isEqualTo("BEGINNING");
        assertThat(overridden.path("decidedBy").asText()).isEqualTo("override");
        assertThat(overridden.path("override").path("reason").asText()).isEqualTo("Copied the answers");
        assertThat(overridden.path("decision").path("evidenceId").asText())
                .as("the rules' verdict is kept")
                .isEqualTo("e-2");
    }

    @Test
    void aParentCellListsItsChildrenAndACellWithoutEvidenceSaysSo() {
        JsonNode parent = get("/v1/learners/l-2/mastery/ratio", Role.TEACHER);
        JsonNode empty = get("/v1/learners/l-4/mastery/ratio.tables", Role.TEACHER);
        Http.Response unknown = http.get("/v1/learners/l-4/mastery/ratio.tabels", tenant.key(Role.TEACHER));

        assertThat(ids(parent.path("children"), "competencyId")).containsExactly("ratio.concept", "ratio.tables");
        assertThat(ids(parent.path("children"), "level")).containsExactly("MASTERED", "NO_EVIDENCE");
        assertThat(empty.path("decidedBy").asText()).isEqualTo("none");
        assertThat(empty.has("decision")).isFalse();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("detail").asText()).endsWith("Maybe you meant 'ratio.tables'?");
    }

    @Test
    void theTimelinePagesNewestFirstWithWhatEachPieceChanged() {
        for (int i = 1; i <= 4; i++) {
            evidence("t-" + i, "l-4", 2 + i);
        }
        JsonNode first = get("/v1/learners/l-4/evidence?limit=3", Role.TEACHER);
        JsonNode second = get(
                "/v1/learners/l-4/evidence?limit=3&before="
                        + first.path("nextBefore").asLong(),
                Role.PLATFORM);

        assertThat(ids(first.path("evidence"), "evidenceId")).containsExactly("t-4", "t-3", "t-2");
        assertThat(first.path("total").asInt()).isEqualTo(4);
        assertThat(ids(second.path("evidence"), "evidenceId")).containsExactly("t-1");
        assertThat(second.has("nextBefore")).isFalse();
        JsonNode newest = first.path("evidence").get(0);
        assertThat(newest.path("raw").asDouble()).isEqualTo(6.0);
        assertThat(newest.path("status").asText()).isEqualTo("counted");
        assertThat(newest.path("masteryChanges").get(0).path("competencyId").asText())
                .isEqualTo("ratio.concept");
        Http.Response tooMany = http.get("/v1/learners/l-4/evidence?limit=201", tenant.key(Role.TEACHER));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("detail").asText()).isEqualTo("limit: 201 must be between 1 and 200");
    }

    @Test
    void theFlagQueueListsAStrugglingLearnerWithTheSupportAndTheRule() {
        evidence("s-1", "l-5", 1);
        evidence("s-2", "l-5", 1);

        JsonNode queue = get("/v1/flags?kind=struggling&school=" + tenant.school, Role.TEACHER);
        JsonNode all = get("/v1/flags?limit=500", Role.TEACHER);

        assertThat(queue.path("learners").asInt()).isEqualTo(5);
        assertThat(queue.path("kind").asText()).isEqualTo("STRUGGLING");
        JsonNode flag = queue.path("flags").get(0);
        assertThat(flag.path("learnerId").asText()).isEqualTo("l-5");
        assertThat(flag.path("competencyId").asText()).isEqualTo("ratio.concept");
        assertThat(flag.path("competencyName").asText()).isEqualTo("Understand ratios");
        assertThat(flag.path("gradeBand").asText()).isEqualTo("6-8");
        assertThat(flag.path("support").asText()).isNotBlank();
        assertThat(flag.path("why").path("rule").asText()).isNotBlank();
        assertThat(ids(queue.path("flags"), "kind")).containsOnly("STRUGGLING");
        int counted = 0;
        for (JsonNode n : all.path("byKind")) {
            counted += n.asInt();
        }
        assertThat(counted)
                .isEqualTo(all.path("total").asInt())
                .isEqualTo(all.path("flags").size());
        Http.Response bad = http.get("/v1/flags?kind=lazy", tenant.key(Role.TEACHER));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("detail").asText())
                .isEqualTo("kind: 'lazy' is not a flag kind; use one of [BEHIND_PACE, STRUGGLING, STALLED]");
    }

    @Test
    void aPolicyVersionIsReadWithTheContentOfEveryFile() {
        String policy = "/v1/policies/" + DefaultPolicyPack.POLICY_ID;
        JsonNode pack = get(policy + "/versions/" + DefaultPolicyPack.VERSION, Role.TEACHER);

        assertThat(pack.path("active").asBoolean()).isTrue();
        assertThat(ids(pack.path("files"), "path")).contains("mastery.drl", "parameters.yaml");
        for (JsonNode file : pack.path("files")) {
            if (file.path("path").asText().equals("mastery.drl")) {
                assertThat(file.path("content").asText()).contains("rule \"");
            }
        }
        Http.Response missing = http.get(policy + "/versions/9.9.9", tenant.key(Role.CURRICULUM));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("field").asText()).isEqualTo("version");
    }

    @Test
    void theFrameworkListNamesEachFrameworkWithItsSize() {
        JsonNode list = get("/v1/frameworks", Role.PLATFORM);

        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("id").asText()).isEqualTo(tenant.frameworkId);
        assertThat(list.get(0).path("name").asText()).isEqualTo("Ratios " + tenant.marker);
        assertThat(list.get(0).path("competencies").asInt()).isEqualTo(4);
    }
}
