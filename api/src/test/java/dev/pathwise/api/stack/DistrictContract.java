package dev.pathwise.api.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.operator.AdminCommand;
import dev.pathwise.api.operator.OperatorKeys;
import dev.pathwise.api.testing.DistrictFixture;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import dev.pathwise.rules.DefaultPolicyPack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A real district through the whole stack, in production mode, on a real database (H2 file or PostgreSQL, per
 * subclass): bootstrapped from nothing by the operator, schools, terms, classes and people as resources, every
 * reference checked, a teacher who reads and overrides only the learners of their classes, under their own name.
 */
abstract class DistrictContract extends DistrictStack {

    /** The datasource properties of this database, for the command line run against it. */
    abstract Map<String, Object> databaseProperties();

    record Run(int exit, String out, String err) {}

    Run admin(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new AdminCommand(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        env)
                .execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String[] onTheDatabase(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        databaseProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
        return args.toArray(String[]::new);
    }

    private static String secret(String output, String prefix) {
        Matcher matcher =
                Pattern.compile("^  (" + prefix + "\\S+)$", Pattern.MULTILINE).matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group(1);
    }

    @Test
    void anOperatorBootstrapsADistrictFromNothingWithTheCommandLine() {
        // given: an operator key made on the database, as on a fresh deployment
        Run key = admin(Map.of(), onTheDatabase("operator-key", "create", "--label", "ops-cli"));
        assertThat(key.exit()).as(key.err()).isZero();
        String operator = secret(key.out(), "pwo_");
        String tenantId = "cli-" + Long.toHexString(System.nanoTime());
        Map<String, String> env = Map.of("PATHWISE_OPERATOR_KEY", operator);
        String url = "http://localhost:" + port;

        // when: the district is created through the running service
        Run created = admin(env, "--url", url, "tenant", "create", tenantId, "--name", "Valle Escondido USD");

        // then: its first admin key is printed once and works; the list shows it
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).startsWith("Created tenant '" + tenantId + "' (Valle Escondido USD).");
        String adminKey = secret(created.out(), "pw_");
        assertThat(http.get("/v1/keys", adminKey).status()).isEqualTo(200);
        assertThat(http.get("/v1/keys", adminKey).body().findValuesAsText("label"))
                .containsExactly("first-admin-key");
        Run listed = admin(Map.of(), onTheDatabase("tenant", "list"));
        assertThat(listed.out()).containsPattern(tenantId + " +active +0 +0 +0 ");
        assertThat(admin(env, "--url", url, "tenant", "create", tenantId, "--name", "Again")
                        .err())
                .contains("409: id: tenant '" + tenantId + "' already exists");

        // when: the operator disables it, its keys are refused; enabled again, accepted
        Run disabled = admin(env, "--url", url, "tenant", "disable", tenantId);
        assertThat(disabled.out()).containsPattern(tenantId + " +disabled ");
        Http.Response refused = http.get("/v1/keys", adminKey);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("detail"))
                .isEqualTo("tenant '" + tenantId + "' is disabled; its keys are refused"
                        + " until the operator of this deployment enables it again");
        admin(Map.of(), onTheDatabase("tenant", "enable", tenantId));
        assertThat(http.get("/v1/keys", adminKey).status()).isEqualTo(200);
        Http.Response audit = http.get("/v1/audit", adminKey);
        assertThat(audit.body().path("events").findValuesAsText("action"))
                .containsExactly("tenant.created", "key.created", "tenant.disabled", "tenant.enabled");
        assertThat(audit.body().path("events").get(2).path("actor").asText()).isEqualTo("operator (ops-cli)");
        assertThat(audit.body().path("events").get(3).path("actor").asText()).isEqualTo("operator (command line)");

        // and: a tenant's admin key is not an operator key, and a wrong command says what is known
        assertThat(http.exchange("GET", "/v1/operator/tenants", Map.of("X-Operator-Key", adminKey), null)
                        .status())
                .isEqualTo(401);
        Run typo = admin(env, "--url", url, "tenant", "disabel", tenantId);
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).startsWith("unknown command 'tenant disabel'. Maybe you meant 'disable'?");
    }

    @Test
    void productionModeHasNoDemoDistrictAndNoMetricsWithoutAKey() {
        Map<String, String> none = Map.of();
        assertThat(http.exchange("GET", "/actuator/health", none, null).status())
                .isEqualTo(200);
        for (String path : List.of(
                "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator")) {
            Http.Response refused = http.exchange("GET", path, none, null);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().toString()).doesNotContain("jvm_");
        }
        String metricsKey = context.getBean(OperatorKeys.class)
                .create(OperatorKeys.METRICS, "prometheus")
                .key();
        Http.Response scraped =
                http.exchange("GET", "/actuator/prometheus", Map.of("Authorization", "Bearer " + metricsKey), null);
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body().asText()).contains("jvm_memory_used_bytes");
        assertThat(http.exchange("GET", "/actuator/prometheus", Map.of("Authorization", "Bearer demo-admin-key"), null)
                        .status())
                .isEqualTo(401);
        // a metrics key reads metrics, it does not manage tenants
        assertThat(http.exchange("GET", "/v1/operator/tenants", Map.of("X-Operator-Key", metricsKey), null)
                        .status())
                .isEqualTo(403);
        // no demo district, no demo key
        assertThat(http.get("/v1/learners/nia", "demo-teacher-key").status()).isEqualTo(401);
        assertThat(http.exchange("GET", "/v1/operator/tenants", Map.of("X-Operator-Key", operatorKey), null)
                        .body()
                        .findValuesAsText("id"))
                .doesNotContain("demo-district");
    }

    @Test
    void schoolsTermsClassesAndPeopleAreResourcesAndEveryReferenceIsChecked() {
        DistrictFixture d = DistrictFixture.create(http, operatorKey);

        JsonNode schools = http.get("/v1/schools", d.platformKey).body();
        assertThat(schools.findValuesAsText("id")).containsExactly("north-middle", "south-middle");
        assertThat(schools.get(0).path("learners").asInt()).isEqualTo(3);
        assertThat(schools.get(0).path("classes").asInt()).isEqualTo(1);
        JsonNode math = http.get("/v1/classes/math-6a", d.adminKey).body();
        assertThat(math.path("teacherIds")).hasToString("[\"rivera\"]");
        assertThat(math.path("learnerIds")).hasToString("[\"leo\",\"maya\"]");
        assertThat(math.path("termIds")).hasToString("[\"2026-fall\"]");
        JsonNode rivera = http.get("/v1/users/rivera", d.adminKey).body();
        assertThat(rivera.path("classes")).hasToString("[\"math-6a\"]");
        assertThat(rivera.path("hasPassword").asBoolean()).isTrue();
        assertThat(rivera.toString()).doesNotContain("argon2").doesNotContain(DistrictFixture.RIVERA_PASSWORD);

        // a misspelt school, term, teacher or learner is refused naming the value and the closest known one
        Http.Response learner =
                http.put("/v1/learners/kim", d.platformKey, Map.of("grade", 6, "schoolId", "north-midle"));
        assertThat(learner.status()).isEqualTo(400);
        assertThat(learner.text("field")).isEqualTo("schoolId");
        assertThat(learner.text("value")).isEqualTo("north-midle");
        assertThat(learner.text("detail"))
                .isEqualTo("schoolId: school 'north-midle' does not exist in this tenant."
                        + " Maybe you meant 'north-middle'? GET /v1/schools lists the 2 schools");
        assertThat(http.get("/v1/learners/kim", d.platformKey).status()).isEqualTo(404);
        Http.Response badClass = http.put(
                "/v1/classes/art",
                d.adminKey,
                Map.of(
                        "schoolId",
                        "south-middle",
                        "title",
                        "Art",
                        "termIds",
                        List.of("2026-fal"),
                        "teacherIds",
                        List.of("rivera")));
        assertThat(badClass.text("field")).isEqualTo("termIds[0]");
        assertThat(badClass.text("detail"))
                .contains("term '2026-fal' does not exist in this tenant. Maybe you" + " meant '2026-fall'?");
        Http.Response notATeacher = http.put(
                "/v1/classes/art",
                d.adminKey,
                Map.of("schoolId", "south-middle", "title", "Art", "teacherIds", List.of("lead")));
        assertThat(notATeacher.text("detail"))
                .isEqualTo("teacherIds[0]: user 'lead' does not hold the teacher role"
                        + " (roles [curriculum]); add it with PUT /v1/users/lead");
        Http.Response unknownLearner = http.put(
                "/v1/classes/art",
                d.adminKey,
                Map.of("schoolId", "south-middle", "title", "Art", "learnerIds", List.of("zoe", "ghost")));
        assertThat(unknownLearner.text("field")).isEqualTo("learnerIds[1]");
        assertThat(http.get("/v1/classes/art", d.adminKey).status()).isEqualTo(404);
        Http.Response groups = http.get("/v1/groups?school=no-such-school", d.adminKey);
        assertThat(groups.status()).isEqualTo(400);
        assertThat(groups.text("field")).isEqualTo("school");
        assertThat(http.get("/v1/reports/mastery?school=south-midle", d.adminKey)
                        .text("detail"))
                .contains("Maybe you meant 'south-middle'?");

        // a school in use is not removed; an empty one is
        assertThat(http.delete("/v1/schools/north-middle", d.adminKey).status()).isEqualTo(409);
        expect(http.post("/v1/schools", d.adminKey, Map.of("id", "annex", "name", "Annex")), 201);
        assertThat(http.delete("/v1/schools/annex", d.adminKey).status()).isEqualTo(204);
        assertThat(http.get("/v1/schools/annex", d.adminKey).status()).isEqualTo(404);

        // a policy overlay for a school that does not exist is refused when checked and when published
        Map<String, Object> overlay =
                policy(Map.of("schools/north-midle/parameters.yaml", "bands:\n  6-8:\n    masteredThreshold: 0.75\n"));
        Http.Response check =
                http.post("/v1/policies/" + DefaultPolicyPack.POLICY_ID + "/check", d.curriculumKey, overlay);
        assertThat(check.body().path("ok").asBoolean()).isFalse();
        assertThat(check.body().path("problems").get(0).path("file").asText()).isEqualTo("schools/north-midle/");
        assertThat(check.body().path("problems").get(0).path("message").asText())
                .startsWith("school 'north-midle'" + " does not exist in this tenant. Maybe you meant 'north-middle'?");
        Http.Response publish =
                http.post("/v1/policies/" + DefaultPolicyPack.POLICY_ID + "/versions", d.curriculumKey, overlay);
        assertThat(publish.status()).isEqualTo(422);
        Http.Response good = http.post(
                "/v1/policies/" + DefaultPolicyPack.POLICY_ID + "/versions",
                d.curriculumKey,
                policy(Map.of(
                        "schools/north-middle/parameters.yaml", "bands:\n  6-8:\n    masteredThreshold:" + " 0.75\n")));
        assertThat(good.status()).as(good.toString()).isEqualTo(201);
        assertThat(good.text("author")).isEqualTo("Lee Park (lead)");
    }

    @Test
    void aTeacherReadsAndOverridesOnlyTheLearnersOfTheirClassesUnderTheirOwnName() {
        DistrictFixture d = DistrictFixture.create(http, operatorKey);
        expect(
                http.post("/v1/evidence", d.platformKey, TestDistrict.evidence("e-maya", "maya", "ratio.concept", 4)),
                200);

        // the learners of Rivera's class answer; every other learner is a 404 like a learner that never existed
        assertThat(http.get("/v1/learners/maya", d.riveraKey).status()).isEqualTo(200);
        for (String path : List.of(
                "/v1/learners/%s",
                "/v1/learners/%s/mastery",
                "/v1/learners/%s/pathway",
                "/v1/learners/%s/next-steps",
                "/v1/learners/%s/overrides",
                "/v1/learners/%s/effective-policy",
                "/v1/reports/learners/%s/pathway")) {
            Http.Response other = http.get(String.format(path, "zoe"), d.riveraKey);
            Http.Response ghost = http.get(String.format(path, "ghost"), d.riveraKey);
            assertThat(other.status()).as(path).isEqualTo(404);
            assertThat(other.body().toString().replace("zoe", "ID"))
                    .as(path)
                    .isEqualTo(ghost.body().toString().replace("ghost", "ID"));
            assertThat(http.get(String.format(path, "zoe"), d.okaforKey).status())
                    .as(path)
                    .isEqualTo(200);
        }
        Http.Response sneaky = http.post(
                "/v1/learners/zoe/overrides",
                d.riveraKey,
                Map.of(
                        "kind",
                        "SET_LEVEL",
                        "competencyId",
                        "ratio.concept",
                        "level",
                        "MASTERED",
                        "reason",
                        "not mine"));
        assertThat(sneaky.status()).isEqualTo(404);
        assertThat(http.get("/v1/learners/zoe/overrides", d.adminKey).body()).isEmpty();

        // lists hold their learners only: the learner list, groups, reports, classes
        assertThat(http.get("/v1/learners", d.riveraKey).body().path("learners").findValuesAsText("id"))
                .containsExactly("leo", "maya");
        assertThat(http.get("/v1/learners?school=north-middle", d.adminKey)
                        .body()
                        .path("learners")
                        .findValuesAsText("id"))
                .containsExactly("leo", "maya", "sol");
        assertThat(http.get("/v1/reports/mastery", d.riveraKey)
                        .body()
                        .path("learners")
                        .findValuesAsText("learnerId"))
                .containsExactly("leo", "maya");
        assertThat(http.get("/v1/reports/mastery?class=math-6a", d.adminKey)
                        .body()
                        .path("learners")
                        .findValuesAsText("learnerId"))
                .containsExactly("leo", "maya");
        assertThat(http.get("/v1/reports/mastery?learners=maya,zoe", d.riveraKey)
                        .status())
                .isEqualTo(404);
        Http.Response otherClass = http.get("/v1/reports/mastery?class=math-6b", d.riveraKey);
        assertThat(otherClass.status()).isEqualTo(400);
        assertThat(otherClass.text("detail"))
                .isEqualTo(http.get("/v1/reports/mastery?class=math-6x", d.riveraKey)
                        .text("detail")
                        .replace("math-6x", "math-6b"));
        JsonNode groups = http.get("/v1/groups?class=math-6a&competency=ratio.concept", d.riveraKey)
                .body();
        assertThat(groups.path("classId").asText()).isEqualTo("math-6a");
        assertThat(groups.path("groups").get(0).path("learnerIds")).hasToString("[\"leo\"]");
        assertThat(http.get("/v1/groups", d.riveraKey).body().toString())
                .doesNotContain("zoe")
                .doesNotContain("sol");
        assertThat(http.get("/v1/classes", d.riveraKey).body().findValuesAsText("id"))
                .containsExactly("math-6a");
        assertThat(http.get("/v1/classes/math-6b", d.riveraKey).status()).isEqualTo(404);

        // the override is recorded under Rivera's name; an author that is not her is refused
        Http.Response override = http.post(
                "/v1/learners/maya/overrides",
                d.riveraKey,
                Map.of(
                        "kind",
                        "SET_LEVEL",
                        "competencyId",
                        "ratio.concept",
                        "level",
                        "MASTERED",
                        "reason",
                        "Explained ratios in a conference"));
        assertThat(override.status()).isEqualTo(201);
        assertThat(override.body().path("override").path("author").asText()).isEqualTo("Ana María Rivera (rivera)");
        assertThat(override.body().path("override").path("authorUserId").asText())
                .isEqualTo("rivera");
        Http.Response spoofed = http.post(
                "/v1/learners/maya/overrides",
                d.riveraKey,
                Map.of(
                        "kind",
                        "SET_LEVEL",
                        "competencyId",
                        "ratio.concept",
                        "level",
                        "BEGINNING",
                        "reason",
                        "x",
                        "author",
                        "Okafor"));
        assertThat(spoofed.status()).isEqualTo(400);
        assertThat(spoofed.text("field")).isEqualTo("author");
        JsonNode history = http.get("/v1/learners/maya/overrides", d.adminKey).body();
        assertThat(history.findValuesAsText("author")).containsExactly("Ana María Rivera (rivera)");

        // moved to Okafor's class, maya leaves Rivera's reach at once
        expect(
                http.put(
                        "/v1/classes/math-6a",
                        d.adminKey,
                        Map.of("schoolId", "north-middle", "title", "Math 6 (A)", "learnerIds", List.of("leo"))),
                200);
        assertThat(http.get("/v1/learners/maya", d.riveraKey).status()).isEqualTo(404);
        // and a disabled teacher's key is refused
        expect(
                http.put(
                        "/v1/users/rivera",
                        d.adminKey,
                        Map.of("username", "rivera", "roles", List.of("teacher"), "status", "disabled")),
                200);
        assertThat(http.get("/v1/learners/leo", d.riveraKey).status()).isEqualTo(401);
        JsonNode audit = http.get("/v1/audit?limit=1000", d.adminKey).body().path("events");
        assertThat(audit.findValuesAsText("action"))
                .contains("user.created", "class.created", "class.updated", "user.updated");
        assertThat(audit.get(audit.size() - 1).path("actor").asText()).isEqualTo("first-admin-key");
    }

    @Test
    void learnersCreatedInBulkAreAllCheckedBeforeAnyIsStored() {
        DistrictFixture d = DistrictFixture.create(http, operatorKey);
        List<Map<String, Object>> batch = List.of(
                Map.of(
                        "id",
                        "b-1",
                        "grade",
                        7,
                        "schoolId",
                        "north-middle",
                        "givenName",
                        "Ñandú",
                        "familyName",
                        "Öztürk"),
                Map.of("id", "b-2", "grade", 14, "schoolId", "north-middle"),
                Map.of("id", "b-3", "grade", 7, "schoolId", "nort-middle"),
                Map.of("id", "maya", "grade", 7, "schoolId", "south-middle"));
        Http.Response refused = http.post("/v1/learners/batch", d.platformKey, batch);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(DistrictFixture.texts(refused.body().path("errors")))
                .hasSize(2)
                .anyMatch(e -> e.startsWith("[1].grade: "))
                .anyMatch(e -> e.startsWith("[2].schoolId: school 'nort-middle' does not exist in this tenant."
                        + " Maybe you meant 'north-middle'?"));
        assertThat(http.get("/v1/learners/b-1", d.platformKey).status()).isEqualTo(404);

        Http.Response stored = http.post("/v1/learners/batch", d.platformKey, List.of(batch.get(0), batch.get(3)));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body().path("created")).hasToString("[\"b-1\"]");
        assertThat(stored.body().path("updated")).hasToString("[\"maya\"]");
        JsonNode b1 = http.get("/v1/learners/b-1", d.platformKey).body();
        assertThat(b1.path("profile").path("givenName").asText()).isEqualTo("Ñandú");
        assertThat(b1.path("profile").path("familyName").asText()).isEqualTo("Öztürk");
        assertThat(http.get("/v1/learners/maya", d.platformKey)
                        .body()
                        .path("profile")
                        .path("schoolId")
                        .asText())
                .isEqualTo("south-middle");
    }

    private static Map<String, Object> policy(Map<String, String> changes) {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        DefaultPolicyPack.RULE_FILES.forEach(name -> files.put(name, DefaultPolicyPack.read(name)));
        files.put("parameters.yaml", DefaultPolicyPack.read("parameters.yaml"));
        files.putAll(changes);
        return Map.of(
                "files",
                files.entrySet().stream()
                        .map(e -> Map.of("path", e.getKey(), "content", e.getValue()))
                        .toList());
    }

    private static Http.Response expect(Http.Response response, int status) {
        return Http.expect(response, status);
    }
}
