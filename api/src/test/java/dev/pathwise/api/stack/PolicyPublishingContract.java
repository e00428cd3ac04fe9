package dev.pathwise.api.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.policy.PolicyFolderWatcher;
import dev.pathwise.api.policy.PolicyPublishing;
import dev.pathwise.api.policy.TenantPolicies;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import dev.pathwise.rules.DefaultPolicyPack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Publishing policy versions through the whole stack on a real database: checked and tested before anything is
 * active, kept with author, message and hash, rolled back, shown per learner, published from a watched folder,
 * guarded against looping rules, and swapped atomically under continuous evidence.
 */
abstract class PolicyPublishingContract extends RunningService {

    static final String POLICY = "/v1/policies/" + DefaultPolicyPack.POLICY_ID;
    static final List<String> SCENARIOS = List.of(
            "framework.yaml",
            "grade-4-masters-at-the-district-threshold.yaml",
            "grade-7-needs-a-summative.yaml",
            "kindergarten-gets-one-step.yaml",
            "struggling-gets-a-mini-lesson-first.yaml");

    /** The default pack's files (optionally its scenarios), with some files replaced or added. */
    static Map<String, String> pack(boolean scenarios, Map<String, String> changes) {
        Map<String, String> files = new LinkedHashMap<>();
        DefaultPolicyPack.RULE_FILES.forEach(name -> files.put(name, DefaultPolicyPack.read(name)));
        files.put("parameters.yaml", DefaultPolicyPack.read("parameters.yaml"));
        if (scenarios) {
            SCENARIOS.forEach(name -> files.put("scenarios/" + name, DefaultPolicyPack.read("scenarios/" + name)));
        }
        files.putAll(changes);
        return files;
    }

    /** The district parameters with the approaching threshold changed (0.60 in the pack). */
    static String approachingAt(String threshold) {
        String yaml = DefaultPolicyPack.read("parameters.yaml");
        assertThat(yaml).contains("approachingThreshold: 0.60");
        return yaml.replace("approachingThreshold: 0.60", "approachingThreshold: " + threshold);
    }

    static Map<String, Object> body(String version, String message, Map<String, String> files) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (version != null) {
            body.put("version", version);
        }
        body.put("message", message);
        body.put(
                "files",
                files.entrySet().stream()
                        .map(e -> Map.of("path", e.getKey(), "content", e.getValue()))
                        .toList());
        return body;
    }

    static byte[] zip(String folder, Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(folder + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static JsonNode version(JsonNode history, String version) {
        for (JsonNode v : history.path("versions")) {
            if (v.path("version").asText().equals(version)) {
                return v;
            }
        }
        throw new AssertionError("no version " + version + " in " + history);
    }

    static JsonNode change(JsonNode update, String competency) {
        for (JsonNode c : update.path("masteryChanges")) {
            if (c.path("competencyId").asText().equals(competency)) {
                return c;
            }
        }
        throw new AssertionError("no mastery change of " + competency + " in " + update);
    }

    @Test
    void refusedVersionComesBackWithTheReportAndLeavesTheActiveVersion() {
        // given: a school overlay with a misspelt parameter
        Http http = http();
        TestDistrict district = TestDistrict.create(context, http);
        var refused = http.post(
                POLICY + "/versions",
                district.curriculumKey,
                body(
                        "2026.1",
                        "lower 3-5 at lincoln",
                        pack(
                                true,
                                Map.of(
                                        "schools/lincoln/parameters.yaml",
                                        "bands:\n  3-5:\n    masteredThreshhold: 0.75\n"))));

        // then: 422 with file, line, column and the fix; the default pack is still active
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.body().path("report").path("problems").get(0);
        assertThat(problem.path("file").asText()).isEqualTo("schools/lincoln/parameters.yaml");
        assertThat(problem.path("line").asInt()).isEqualTo(3);
        assertThat(problem.path("column").asInt()).isEqualTo(5);
        assertThat(problem.path("message").asText()).contains("Maybe you meant 'masteredThreshold'?");
        assertThat(refused.body().path("errors").get(0).asText())
                .startsWith("schools/lincoln/parameters.yaml:3:5: unknown parameter 'masteredThreshhold'");
        var history = http.get(POLICY + "/versions", district.teacherKey).body();
        assertThat(history.path("activeVersion").asText()).isEqualTo(DefaultPolicyPack.VERSION);
        assertThat(history.path("versions")).hasSize(1);
        assertThat(history.path("refused").get(0).path("version").asText()).isEqualTo("2026.1");
        assertThat(history.path("refused").get(0).path("report").path("ok").asBoolean())
                .isFalse();
    }

    @Test
    void failingScenarioRefusesTheVersionWithItsFirstDifference() {
        Http http = http();
        TestDistrict district = TestDistrict.create(context, http);
        String wrong = DefaultPolicyPack.read("scenarios/grade-4-masters-at-the-district-threshold.yaml")
                .replace("levels: { RP.1: mastered", "levels: { RP.1: approaching");

        var refused = http.post(
                POLICY + "/versions",
                district.curriculumKey,
                body(
                        "2026.2",
                        "wrong expectation",
                        pack(true, Map.of("scenarios/grade-4-masters-at-the-district-threshold.yaml", wrong))));

        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
        JsonNode report = refused.body().path("report");
        assertThat(report.path("problems")).isEmpty();
        assertThat(report.path("scenarios")).hasSize(4);
        JsonNode failed = report.path("scenarios").get(0);
        assertThat(failed.path("passed").asBoolean()).isFalse();
        assertThat(failed.path("difference").asText()).startsWith("level of RP.1: expected approaching, got mastered");
        assertThat(report.path("summary").asText()).endsWith("scenarios: 3 passed, 1 failed");
        assertThat(http.get(POLICY + "/versions", district.curriculumKey)
                        .body()
                        .path("activeVersion")
                        .asText())
                .isEqualTo(DefaultPolicyPack.VERSION);
    }

    @Test
    void publishedVersionIsActiveRecordedOnEveryUpdateAndCanBeRolledBack() {
        // given: ana in grade 7 at 0.5 is beginning under the pack (approaching from 0.60)
        Http http = http();
        TestDistrict district = TestDistrict.create(context, http);
        district.learner(http, "ana", 7, "north");
        var before = http.post(
                        "/v1/evidence", district.platformKey, TestDistrict.evidence("p-1", "ana", "ratio.concept", 5))
                .body();
        assertThat(before.path("policyVersion").asText()).isEqualTo("district-default@1.0.0");
        assertThat(change(before, "ratio.concept").path("to").asText()).isEqualTo("BEGINNING");

        // when: a version approaching from 0.40 is published as a zip of the folder (the struggling scenario, which
        // expects three results of 0.5 to be below approaching, is left out)
        Map<String, String> files = pack(true, Map.of("parameters.yaml", approachingAt("0.40")));
        files.remove("scenarios/struggling-gets-a-mini-lesson-first.yaml");
        var published = http.postBytes(
                POLICY + "/versions?version=2026.3&message=approaching%20from%200.40",
                district.curriculumKey,
                zip("district-policy/", files),
                "application/zip");

        // then
        assertThat(published.status()).as("%s", published.body()).isEqualTo(201);
        assertThat(published.text("version")).isEqualTo("2026.3");
        assertThat(published.text("author")).isEqualTo("curriculum-key");
        assertThat(published.text("message")).isEqualTo("approaching from 0.40");
        assertThat(published.text("contentHash")).hasSize(64);
        assertThat(published.body().path("active").asBoolean()).isTrue();
        assertThat(published.body().path("report").path("scenarios")).hasSize(3);
        var after = http.post(
                        "/v1/evidence", district.platformKey, TestDistrict.evidence("p-2", "ana", "ratio.concept", 5))
                .body();
        assertThat(after.path("policyVersion").asText()).isEqualTo("district-default@2026.3");
        assertThat(change(after, "ratio.concept").path("to").asText()).isEqualTo("APPROACHING");
        // regression: the policy list showed another hash than the history for the same version
        var listed = http.get("/v1/policies", district.teacherKey).body();
        assertThat(listed.toString()).contains(published.text("contentHash"));

        // the same content again is a no-op; the same name with other content a conflict
        var again = http.post(POLICY + "/versions", district.curriculumKey, body("2026.3", "again", files));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("outcome")).isEqualTo("unchanged");
        var conflict = http.post(
                POLICY + "/versions",
                district.curriculumKey,
                body("2026.3", "other", pack(true, Map.of("parameters.yaml", approachingAt("0.45")))));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text("field")).isEqualTo("version");

        // rollback to the pack
        var rolledBack =
                http.post(POLICY + "/versions/" + DefaultPolicyPack.VERSION + "/activate", district.curriculumKey, "");
        assertThat(rolledBack.status()).as("%s", rolledBack.body()).isEqualTo(200);
        assertThat(rolledBack.text("outcome")).isEqualTo("activated");
        var rolled = http.post(
                        "/v1/evidence", district.platformKey, TestDistrict.evidence("p-3", "ana", "ratio.concept", 5))
                .body();
        assertThat(rolled.path("policyVersion").asText()).isEqualTo("district-default@1.0.0");
        assertThat(change(rolled, "ratio.concept").path("to").asText()).isEqualTo("BEGINNING");

        var history = http.get(POLICY + "/versions", district.teacherKey).body();
        assertThat(history.path("activeVersion").asText()).isEqualTo("1.0.0");
        assertThat(history.path("versions").findValuesAsText("version")).containsExactly("1.0.0", "2026.3");
        assertThat(version(history, "2026.3").path("active").asBoolean()).isFalse();
        assertThat(version(history, "2026.3").path("files")).hasSize(8);
        assertThat(version(history, "1.0.0").path("status").asText()).isEqualTo("active");
        assertThat(http.post(POLICY + "/versions/9.9/activate", district.curriculumKey, "")
                        .status())
                .isEqualTo(404);
        assertThat(http.post(POLICY + "/versions", district.teacherKey, body("x", "", files))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void effectivePolicyNamesTheLayerFileAndLineOfEachParameterAndRuleFile() {
        Http http = http();
        TestDistrict district = TestDistrict.create(context, http);
        district.learner(http, "ana", 7, "north");
        var published = http.post(
                POLICY + "/versions",
                district.curriculumKey,
                body(
                        "2026.4",
                        "north 6-8",
                        pack(
                                false,
                                Map.of(
                                        "schools/north/parameters.yaml",
                                        "bands:\n  6-8:\n    masteredThreshold: 0.75\n",
                                        "grade-bands/6-8/pacing.drl",
                                        DefaultPolicyPack.read("pacing.drl")))));
        assertThat(published.status()).as("%s", published.body()).isEqualTo(201);

        var effective = http.get("/v1/learners/ana/effective-policy", district.teacherKey);

        assertThat(effective.status()).isEqualTo(200);
        JsonNode body = effective.body();
        assertThat(body.path("gradeBand").asText()).isEqualTo("6-8");
        assertThat(body.path("overlay").asText()).isEqualTo("north");
        assertThat(body.path("policyVersion").asText()).isEqualTo("district-default@2026.4");
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        body.path("parameters").forEach(p -> parameters.put(p.path("name").asText(), p));
        assertThat(parameters.get("masteredThreshold").path("value").asDouble()).isEqualTo(0.75);
        assertThat(parameters.get("masteredThreshold").path("layer").asText()).isEqualTo("schools/north");
        assertThat(parameters.get("masteredThreshold").path("file").asText())
                .isEqualTo("schools/north/parameters.yaml");
        assertThat(parameters.get("masteredThreshold").path("line").asInt()).isEqualTo(3);
        assertThat(parameters.get("maxOptions").path("value").asInt()).isEqualTo(5);
        assertThat(parameters.get("maxOptions").path("layer").asText()).isEqualTo("district");
        assertThat(parameters.get("approachingThreshold").path("file").asText()).isEqualTo("parameters.yaml");
        Map<String, JsonNode> files = new LinkedHashMap<>();
        body.path("ruleFiles").forEach(f -> files.put(f.path("path").asText(), f));
        assertThat(files).containsOnlyKeys("mastery.drl", "grade-bands/6-8/pacing.drl", "choice.drl");
        assertThat(files.get("grade-bands/6-8/pacing.drl").path("layer").asText())
                .isEqualTo("grade-bands/6-8");
        assertThat(files.get("grade-bands/6-8/pacing.drl").path("replaces").asText())
                .isEqualTo("district");
        assertThat(files.get("mastery.drl").path("replaces").isMissingNode()).isTrue();
        assertThat(http.get("/v1/learners/ana/effective-policy", district.platformKey)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void checkTestAndSimulateReportWithoutPublishing() {
        Http http = http();
        TestDistrict district = TestDistrict.create(context, http);
        district.learner(http, "ana", 7, "north");
        district.learner(http, "ben", 4, "south");
        http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("s-1", "ana", "ratio.concept", 5));
        http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("s-2", "ben", "ratio.concept", 9));

        var check = http.post(
                POLICY + "/check",
                district.curriculumKey,
                body(
                        null,
                        null,
                        pack(
                                false,
                                Map.of(
                                        "mastery.drl",
                                        DefaultPolicyPack.read("mastery.drl")
                                                .replace("approachingThreshold", "approachingTreshold")))));
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body().path("ok").asBoolean()).isFalse();
        assertThat(check.body().path("problems").get(0).path("file").asText()).isEqualTo("mastery.drl");
        assertThat(check.body().path("problems").get(0).path("line").asInt()).isPositive();

        var test = http.postBytes(
                POLICY + "/test", district.curriculumKey, zip("", pack(true, Map.of())), "application/zip");
        assertThat(test.status()).as("%s", test.body()).isEqualTo(200);
        assertThat(test.body().path("ok").asBoolean()).isTrue();
        assertThat(test.body().path("scenarios")).hasSize(4);

        var simulation = http.post(
                POLICY + "/simulate",
                district.curriculumKey,
                body(null, null, pack(false, Map.of("parameters.yaml", approachingAt("0.40")))));
        assertThat(simulation.status()).as("%s", simulation.body()).isEqualTo(200);
        JsonNode report = simulation.body();
        assertThat(report.path("learners").asInt()).isEqualTo(2);
        assertThat(report.path("evidence").asInt()).isEqualTo(2);
        assertThat(report.path("changed").get(0).asText()).isEqualTo("ana");
        assertThat(report.path("byGradeBand").path("6-8").path("changed").asInt())
                .isEqualTo(1);
        assertThat(report.path("byGradeBand").path("3-5").path("changed").asInt())
                .isZero();
        assertThat(report.path("bySchool").path("north").path("total").asInt()).isEqualTo(1);
        assertThat(report.path("sample")
                        .get(0)
                        .path("levels")
                        .get(0)
                        .path("whyAfter")
                        .asText())
                .contains("0.40");
        assertThat(http.get(POLICY + "/versions", district.curriculumKey).body().path("versions"))
                .hasSize(1);
    }

    /** A rule that keeps re-activating itself on any assessment of ratio.tables. */
    static final String LOOP = """
            package dev.pathwise.rules;

            import dev.pathwise.engine.facts.Assessment;

            rule "Re-checks its own assessment forever"
                ruleflow-group "mastery-classify"
            when
                $a : Assessment( competencyId == "ratio.tables" )
            then
                update( $a );
            end
            """;

    /** A rule whose consequence throws on any assessment of ratio.tables (it reads past the end of a text). */
    static final String FAILS = """
            package dev.pathwise.rules;

            import dev.pathwise.engine.facts.Assessment;

            rule "Reads past the end of the competency id"
                ruleflow-group "mastery-classify"
            when
                $a : Assessment( competencyId == "ratio.tables" )
            then
                String part = $a.getCompetencyId().substring( 99 );
            end
            """;

    @Test
    void aRuleThatFailsIsAnsweredAsAProblemTheEvidenceKeptAndLaterEvidenceApplied() {
        // given: a version whose rules throw while evaluating ratio.tables
        Http http = http();
        TestDistrict district = TestDistrict.create(context, http);
        district.learner(http, "ana", 7, "north");
        assertThat(http.post(
                                POLICY + "/versions",
                                district.curriculumKey,
                                body("fails", "a rule that throws", pack(false, Map.of("fails.drl", FAILS))))
                        .status())
                .isEqualTo(201);

        // when: evidence that makes the rule throw, the same again, then evidence the rules evaluate
        var failed =
                http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("f-1", "ana", "ratio.tables", 9));
        var retried =
                http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("f-1", "ana", "ratio.tables", 9));
        var later = http.post(
                "/v1/evidence", district.platformKey, TestDistrict.evidence("f-2", "ana", "ratio.concept", 9));

        // then: a 422 problem naming the evidence, no class name; the evidence kept, the service recovered
        assertThat(failed.status()).as("%s", failed.body()).isEqualTo(422);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.text("type")).endsWith("/evaluation-failed");
        assertThat(failed.text("detail"))
                .startsWith("evidence 'f-1' is stored but was not applied: the policy's"
                        + " rules failed while evaluating it (")
                .doesNotContain("java.")
                .doesNotContain("org.drools");
        assertThat(retried.status()).isEqualTo(422);
        assertThat(retried.text("detail")).isEqualTo(failed.text("detail"));
        assertThat(later.status()).as("%s", later.body()).isEqualTo(200);
        var learner = http.get("/v1/learners/ana", district.platformKey).body();
        assertThat(learner.path("evidenceCount").asLong()).isEqualTo(2);
        assertThat(learner.path("observationCount").asInt()).isEqualTo(1);
        var verification =
                http.get("/v1/learners/ana/verify", district.adminKey).body();
        assertThat(verification.path("matchesReplay").asBoolean())
                .as("%s", verification)
                .isTrue();
        assertThat(verification.path("evidenceIds").toString()).isEqualTo("[\"f-2\"]");
        assertThat(verification.path("evidenceRows").asLong()).isEqualTo(2);
    }

    /** A district with learner ana (grade 7, school north) whose active version's rules loop on ratio.tables. */
    private TestDistrict districtWithLoopingRules(Http http) {
        TestDistrict district = TestDistrict.create(context, http);
        district.learner(http, "ana", 7, "north");
        assertThat(http.post(
                                POLICY + "/versions",
                                district.curriculumKey,
                                body("loops", "a loop", pack(false, Map.of("loop.drl", LOOP))))
                        .status())
                .isEqualTo(201);
        return district;
    }

    @Test
    void aVersionWhoseRulesLoopInItsScenariosIsRefusedAsARuleLoopAndNothingIsActivated() {
        // given: rules that re-check every assessment forever, published with the default pack's scenarios
        Http http = http();
        TestDistrict district = TestDistrict.create(context, http);
        String loopOnEveryAssessment = LOOP.replace("Assessment( competencyId == \"ratio.tables\" )", "Assessment()");

        // when
        var refused = http.post(
                POLICY + "/versions",
                district.curriculumKey,
                body(
                        "loops-in-scenarios",
                        "a loop the scenarios meet",
                        pack(true, Map.of("loop.drl", loopOnEveryAssessment))));

        // then: 422 rule-loop naming the rule, and the default pack still the only version
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("type")).endsWith("/rule-loop");
        assertThat(refused.text("field")).isEqualTo("rules");
        assertThat(refused.body().path("rules").get(0).asText()).isEqualTo("Re-checks its own assessment forever");
        assertThat(refused.text("detail")).startsWith("the policy's scenarios were cut off, nothing was published");
        var versions = http.get(POLICY + "/versions", district.curriculumKey).body();
        assertThat(versions.toString()).doesNotContain("loops-in-scenarios");
    }

    @Test
    void loopingRulesAreCutOffTheEvidenceKeptTheStateUnchangedAndCounted() {
        Http http = http();
        TestDistrict district = districtWithLoopingRules(http);
        double loopsBefore = loops(http);
        var learnerBefore = http.get("/v1/learners/ana", district.platformKey).body();

        var cutOff =
                http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("l-1", "ana", "ratio.tables", 9));

        assertThat(cutOff.status()).as("%s", cutOff.body()).isEqualTo(422);
        assertThat(cutOff.contentType()).startsWith("application/problem+json");
        assertThat(cutOff.text("type")).endsWith("/rule-loop");
        assertThat(cutOff.body().path("rules").get(0).asText()).isEqualTo("Re-checks its own assessment forever");
        assertThat(cutOff.text("detail")).contains("\"Re-checks its own assessment forever\"");
        assertThat(loops(http)).isEqualTo(loopsBefore + 1);
        var learnerAfter = http.get("/v1/learners/ana", district.platformKey).body();
        assertThat(learnerAfter.path("evidenceCount").asLong()).isEqualTo(1);
        // the row is written once more, to account for the stored evidence; the state itself is unchanged
        assertThat(learnerAfter.path("version").asLong())
                .isEqualTo(learnerBefore.path("version").asLong() + 1);
        assertThat(learnerAfter.path("observationCount").asInt()).isZero();
        var retried =
                http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("l-1", "ana", "ratio.tables", 9));
        assertThat(retried.status()).isEqualTo(422);
        assertThat(http.post(
                                "/v1/evidence",
                                district.platformKey,
                                TestDistrict.evidence("l-2", "ana", "ratio.concept", 9))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aLoopingItemOfABatchIsStoredAndRefusedWhileTheOthersAreApplied() {
        // given: a version whose rules loop on ratio.tables
        Http http = http();
        TestDistrict district = districtWithLoopingRules(http);
        double loopsBefore = loops(http);
        var single = http.post(
                "/v1/evidence", district.platformKey, TestDistrict.evidence("bl-single", "ana", "ratio.tables", 9));
        assertThat(single.status()).isEqualTo(422);
        assertThat(loops(http)).isEqualTo(loopsBefore + 1);
        long versionBefore = http.get("/v1/learners/ana", district.platformKey)
                .body()
                .path("version")
                .asLong();

        // when: a batch with a looping piece between two that apply, the same piece again, and the single's retry
        var batch = http.post(
                "/v1/evidence/batch",
                district.platformKey,
                List.of(
                        TestDistrict.evidence("bl-1", "ana", "ratio.concept", 9),
                        TestDistrict.evidence("bl-loop", "ana", "ratio.tables", 9),
                        TestDistrict.evidence("bl-2", "ana", "ratio.concept", 8),
                        TestDistrict.evidence("bl-loop", "ana", "ratio.tables", 9),
                        TestDistrict.evidence("bl-single", "ana", "ratio.tables", 9)));

        // then: the looping piece is stored with its error and answered 422 as a single request is, the learner
        // has the two others applied (written once), and one more loop is counted
        assertThat(batch.status()).isEqualTo(200);
        List<Integer> statuses = new ArrayList<>();
        batch.body()
                .path("results")
                .forEach(result -> statuses.add(result.path("status").asInt()));
        assertThat(statuses).containsExactly(200, 422, 200, 422, 422);
        JsonNode cutOff = batch.body().path("results").get(1).path("problem");
        assertThat(cutOff.path("type").asText()).endsWith("/rule-loop");
        assertThat(cutOff.path("rules").get(0).asText()).isEqualTo("Re-checks its own assessment forever");
        assertThat(cutOff.path("detail").asText())
                .isEqualTo(single.text("detail").replace("bl-single", "bl-loop"));
        assertThat(batch.body().path("results").get(3).path("problem")).isEqualTo(cutOff);
        assertThat(batch.body()
                        .path("results")
                        .get(4)
                        .path("problem")
                        .path("detail")
                        .asText())
                .isEqualTo(single.text("detail"));
        assertThat(loops(http)).isEqualTo(loopsBefore + 2);
        var learner = http.get("/v1/learners/ana", district.platformKey).body();
        assertThat(learner.path("evidenceCount").asLong()).isEqualTo(4);
        assertThat(learner.path("observationCount").asInt()).isEqualTo(2);
        assertThat(learner.path("version").asLong()).isEqualTo(versionBefore + 1);
        var verification =
                http.get("/v1/learners/ana/verify", district.adminKey).body();
        assertThat(verification.path("matchesReplay").asBoolean())
                .as("%s", verification)
                .isTrue();
        assertThat(verification.path("evidenceIds").toString()).isEqualTo("[\"bl-1\",\"bl-2\"]");
    }

    private static double loops(Http http) {
        return http.get("/actuator/metrics/pathwise.rule.loops", null)
                .body()
                .path("measurements")
                .get(0)
                .path("value")
                .asDouble();
    }

    @Test
    void watchedFolderIsPublishedWhenItChangesAndARefusedChangeIsInTheHistory() throws IOException {
        Http http = http();
        TestDistrict district = TestDistrict.create(context, http);
        Path folder = Files.createTempDirectory("pathwise-watched-");
        write(folder, pack(true, Map.of("parameters.yaml", approachingAt("0.45"))));
        try (PolicyFolderWatcher watcher = new PolicyFolderWatcher(
                folder,
                district.tenantId,
                context.getBean(PolicyPublishing.class),
                context.getBean(TenantPolicies.class),
                Duration.ofMillis(50))) {
            watcher.start();
            // The version row is committed before the compiled version is swapped in: wait for both.
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode versions =
                        http.get(POLICY + "/versions", district.curriculumKey).body();
                return versions.path("versions").size() == 2
                        && versions.path("activeVersion")
                                .asText()
                                .equals(versions.path("versions")
                                        .get(1)
                                        .path("version")
                                        .asText());
            });
            JsonNode history =
                    http.get(POLICY + "/versions", district.curriculumKey).body();
            JsonNode watched = history.path("versions").get(1);
            assertThat(watched.path("author").asText()).isEqualTo(PolicyFolderWatcher.AUTHOR);
            assertThat(watched.path("version").asText())
                    .isEqualTo(watched.path("contentHash").asText().substring(0, 12));
            assertThat(history.path("activeVersion").asText())
                    .isEqualTo(watched.path("version").asText());

            write(folder, Map.of("schools/lincoln/parameters.yaml", "defaults:\n  maxOptionz: 2\n"));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> http.get(POLICY + "/versions", district.curriculumKey)
                                    .body()
                                    .path("refused")
                                    .size()
                            == 1);
            JsonNode after =
                    http.get(POLICY + "/versions", district.curriculumKey).body();
            assertThat(after.path("refused").get(0).path("author").asText()).isEqualTo(PolicyFolderWatcher.AUTHOR);
            assertThat(after.path("refused")
                            .get(0)
                            .path("report")
                            .path("problems")
                            .get(0)
                            .path("file")
                            .asText())
                    .isEqualTo("schools/lincoln/parameters.yaml");
            assertThat(after.path("activeVersion").asText())
                    .isEqualTo(watched.path("version").asText());
        }
    }

    private static void write(Path folder, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
    }

    @Test
    void twentyPublishesUnderContinuousEvidenceFailNoRequestAndEachUpdateIsOneVersion() throws Exception {
        // given: four learners at 0.5 on one competency: beginning when approaching starts at 0.60 (the pack, even
        // versions), approaching when it starts at 0.40 (odd versions)
        Http http = http();
        TestDistrict district = TestDistrict.create(context, http);
        int threads = 4;
        for (int t = 0; t < threads; t++) {
            district.learner(http, "load-" + t, 7, "north");
        }
        Map<String, String> low = pack(false, Map.of("parameters.yaml", approachingAt("0.40")));
        Map<String, String> pack = pack(false, Map.of());
        Set<String> lowVersions = new HashSet<>();
        Set<String> packVersions = new HashSet<>(Set.of("district-default@1.0.0"));
        ConcurrentLinkedQueue<JsonNode> updates = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean publishing = new AtomicBoolean(true);
        CountDownLatch sending = new CountDownLatch(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> senders = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String learner = "load-" + t;
                senders.add(pool.submit(() -> {
                    for (int i = 0; i < 5000 && (publishing.get() || i < 3); i++) {
                        var response = http.post(
                                "/v1/evidence",
                                district.platformKey,
                                TestDistrict.evidence(learner + "-" + i, learner, "ratio.concept", 5));
                        if (response.status() == 200) {
                            updates.add(response.body());
                        } else {
                            failures.add(response.status() + " " + response.body());
                        }
                        if (i == 0) {
                            sending.countDown();
                        }
                    }
                }));
            }
            assertThat(sending.await(60, TimeUnit.SECONDS)).isTrue();

            // when
            for (int v = 1; v <= 20; v++) {
                String version = String.format("load.%02d", v);
                boolean odd = v % 2 == 1;
                var published = http.post(
                        POLICY + "/versions",
                        district.curriculumKey,
                        body(version, odd ? "approaching from 0.40" : "the pack again", odd ? low : pack));
                assertThat(published.status()).as("%s", published.body()).isEqualTo(201);
                (odd ? lowVersions : packVersions).add("district-default@" + version);
            }
            publishing.set(false);
            for (Future<?> sender : senders) {
                sender.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // then
        assertThat(failures).isEmpty();
        assertThat(updates.size()).isGreaterThan(20);
        Set<String> seen = new HashSet<>();
        for (JsonNode update : updates) {
            String version = update.path("policyVersion").asText();
            seen.add(version);
            String level = change(update, "ratio.concept").path("to").asText();
            if (lowVersions.contains(version)) {
                assertThat(level).as("%s", update).isEqualTo("APPROACHING");
            } else {
                assertThat(packVersions).as("%s", update).contains(version);
                assertThat(level).as("%s", update).isEqualTo("BEGINNING");
            }
        }
        assertThat(seen).as("versions seen by the evidence").hasSizeGreaterThan(2);
        assertThat(http.get(POLICY + "/versions", district.curriculumKey)
                        .body()
                        .path("activeVersion")
                        .asText())
                .isEqualTo("load.20");
    }
}
