package dev.pathwise.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.api.tenant.ApiKeys;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.tenant.TenantService;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** API keys: hashed at rest, shown once, revocable. Logs: never a key, never a learner's personal data. */
@ExtendWith(OutputCaptureExtension.class)
class KeysAndLogsTest extends ReliabilityStack {

    /** The demo district's keys, as the README documents them. */
    private static final Map<Role, String> DEMO_KEYS = Map.of(
            Role.PLATFORM,
            "demo-platform-key",
            Role.TEACHER,
            "demo-teacher-key",
            Role.CURRICULUM,
            "demo-curriculum-key",
            Role.ADMIN,
            "demo-admin-key");

    @Test
    void aNewKeyIsShownOnceStoredOnlyAsItsHashAndRefusedOnceRevoked() {
        Http http = http();
        TestDistrict tenant = TestDistrict.marked(context, http);

        var created = Http.expect(
                        http.post("/v1/keys", tenant.key(Role.ADMIN), Map.of("role", "platform", "label", "lms")), 201)
                .body();
        String secret = created.path("key").asText();
        String id = created.path("id").asText();
        var listed = http.get("/v1/keys", tenant.key(Role.ADMIN));

        assertThat(secret).startsWith("pw_").hasSizeGreaterThan(40);
        assertThat(listed.text()).contains(id).doesNotContain(secret).doesNotContain("\"key\"");
        assertThat(jdbc.queryForList("select * from api_keys").toString())
                .doesNotContain(secret)
                .contains(ApiKeys.hash(secret));
        assertThat(http.get("/v1/activities", secret).status()).isEqualTo(200);
        assertThat(http.delete("/v1/keys/" + id, tenant.key(Role.ADMIN))
                        .body()
                        .path("revokedAt")
                        .isTextual())
                .isTrue();
        var refused = http.get("/v1/activities", secret);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
        assertThat(http.get("/v1/keys", tenant.key(Role.PLATFORM)).status()).isEqualTo(403);
    }

    @Test
    void logsNeverHoldAKeyOrALearnersPersonalData(CapturedOutput output) {
        Http http = http();
        if (jdbc.queryForObject("select count(*) from tenants where id = ?", Long.class, "demo-district") == 0) {
            context.getBean(TenantService.class).create("demo-district", "Demo", DEMO_KEYS);
        }
        TestDistrict tenant = TestDistrict.marked(context, http);
        context.getBean(TenantService.class).addSchool("demo-district", tenant.school, "School " + tenant.marker);
        String secret = http.post("/v1/keys", tenant.key(Role.ADMIN), Map.of("role", "teacher"))
                .body()
                .path("key")
                .asText();
        List<String> personal = List.of("Zanzibar-violin", "wants-to-be-astronaut", "Goal: read Moby Dick");
        var profile = Map.of(
                "grade",
                5,
                "schoolId",
                tenant.school,
                "interests",
                List.of(personal.get(0)),
                "strengths",
                List.of(personal.get(1)),
                "goals",
                List.of(Map.of("id", "g1", "description", personal.get(2), "competencyIds", List.of("ratio.concept"))),
                "planStart",
                "2025-09-01");
        for (String key : List.of(tenant.key(Role.PLATFORM), DEMO_KEYS.get(Role.PLATFORM))) {
            Http.expect(http.put("/v1/learners/private-kid", key, profile), 200);
            http.post("/v1/evidence", key, TestDistrict.evidence("log-1", "private-kid", "ratio.concept", 7));
            http.post("/v1/evidence", key, TestDistrict.evidence("log-1", "private-kid", "ratio.concept", 3));
            http.put("/v1/learners/private-kid", key, Map.of("grade", 99, "interests", List.of(personal.get(0))));
            http.put(
                    "/v1/learners/private-kid",
                    key,
                    "{\"grade\": 5, \"interests\": [\"" + personal.get(0) + "\u0000\"]}");
            http.post("/v1/evidence", key, "{\"id\": \"" + personal.get(1) + "\", ");
        }
        for (Role role : Role.values()) {
            http.get("/v1/learners/private-kid", DEMO_KEYS.get(role));
            http.get("/v1/groups", DEMO_KEYS.get(role));
        }
        http.get("/v1/learners/private-kid", secret);
        http.get("/v1/learners/private-kid", secret + "-wrong");
        http.post("/v1/activities", "pw_not-a-key-" + personal.get(0), "{}");

        String logs = output.getAll();
        for (String key : DEMO_KEYS.values()) {
            assertThat(logs).as("demo key in logs").doesNotContain(key);
        }
        for (String key : tenant.keys().values()) {
            assertThat(logs).as("tenant key in logs").doesNotContain(key);
        }
        assertThat(logs).doesNotContain(secret);
        for (String data : personal) {
            assertThat(logs).as("personal data in logs").doesNotContain(data);
        }
    }
}
