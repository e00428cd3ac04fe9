package dev.pathwise.api.testing;

import static dev.pathwise.api.testing.Http.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A district made the way a real one is, through the API only: created by the operator (first admin key), then its
 * admin adds schools, a term, people (two teachers with their own keys, a curriculum lead), keys for the platform
 * and the curriculum team, a framework, learners and two classes. Rivera teaches maya and leo (class math-6a at
 * north-middle); Okafor teaches zoe (math-6b at south-middle); nobody teaches sol.
 */
public final class DistrictFixture {

    public final String tenantId;
    public final Http http;
    public final String adminKey;
    public String platformKey;
    public String curriculumKey;
    public String riveraKey;
    public String okaforKey;

    public static final String RIVERA_PASSWORD = "correct horse battery staple";

    private DistrictFixture(Http http, String tenantId, String adminKey) {
        this.http = http;
        this.tenantId = tenantId;
        this.adminKey = adminKey;
    }

    /** Creates the tenant through {@code POST /v1/operator/tenants} and everything else with its admin key. */
    public static DistrictFixture create(Http http, String operatorKey) {
        String tenantId = "d-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = http.exchange(
                "POST",
                "/v1/operator/tenants",
                Map.of("X-Operator-Key", operatorKey),
                Map.of("id", tenantId, "name", "District " + tenantId));
        expect(created, 201);
        DistrictFixture district = new DistrictFixture(
                http, tenantId, created.body().path("adminKey").path("key").asText());
        district.populate();
        return district;
    }

    private void populate() {
        expect(http.post("/v1/schools", adminKey, Map.of("id", "north-middle", "name", "North Middle School")), 201);
        expect(http.post("/v1/schools", adminKey, Map.of("id", "south-middle", "name", "South Middle School")), 201);
        expect(
                http.post(
                        "/v1/terms",
                        adminKey,
                        Map.of(
                                "id",
                                "2026-fall",
                                "title",
                                "Fall 2026",
                                "type",
                                "semester",
                                "startDate",
                                "2026-08-24",
                                "endDate",
                                "2026-12-18",
                                "schoolYear",
                                2027)),
                201);
        expect(
                http.post("/v1/users", adminKey, user("rivera", "Ana María", "Rivera", "teacher", RIVERA_PASSWORD)),
                201);
        expect(http.post("/v1/users", adminKey, user("okafor", "Chidi", "Okafor", "teacher", null)), 201);
        expect(http.post("/v1/users", adminKey, user("lead", "Lee", "Park", "curriculum", null)), 201);
        riveraKey = expect(http.post("/v1/users/rivera/keys", adminKey, Map.of()), 201)
                .text("key");
        okaforKey = expect(http.post("/v1/users/okafor/keys", adminKey, Map.of()), 201)
                .text("key");
        platformKey = expect(http.post("/v1/keys", adminKey, Map.of("role", "platform", "label", "lms")), 201)
                .text("key");
        curriculumKey = expect(http.post("/v1/users/lead/keys", adminKey, Map.of()), 201)
                .text("key");
        expect(
                http.post(
                        "/v1/frameworks",
                        curriculumKey,
                        Map.of(
                                "id",
                                "ratios",
                                "name",
                                "Ratios",
                                "competencies",
                                List.of(
                                        Map.of("id", "ratio", "name", "Ratio reasoning"),
                                        Map.of("id", "ratio.concept", "name", "Understand ratios", "parentId", "ratio"),
                                        Map.of(
                                                "id",
                                                "ratio.tables",
                                                "name",
                                                "Ratio tables",
                                                "parentId",
                                                "ratio",
                                                "prerequisiteIds",
                                                List.of("ratio.concept"))))),
                201);
        expect(
                http.post(
                        "/v1/activities",
                        curriculumKey,
                        List.of(TestDistrict.activity(
                                "a-concept-mini", "ratio.concept", "MINI_LESSON", "DISCUSSION", "SMALL_GROUP"))),
                201);
        for (String[] learner : new String[][] {
            {"maya", "north-middle"}, {"leo", "north-middle"}, {"zoe", "south-middle"}, {"sol", "north-middle"}
        }) {
            expect(
                    http.put(
                            "/v1/learners/" + learner[0],
                            platformKey,
                            Map.of("grade", 6, "schoolId", learner[1], "planStart", "2026-08-24")),
                    200);
        }
        expect(
                http.post(
                        "/v1/classes",
                        adminKey,
                        Map.of(
                                "id",
                                "math-6a",
                                "schoolId",
                                "north-middle",
                                "title",
                                "Math 6 (A)",
                                "termIds",
                                List.of("2026-fall"),
                                "teacherIds",
                                List.of("rivera"),
                                "learnerIds",
                                List.of("maya", "leo"))),
                201);
        expect(
                http.post(
                        "/v1/classes",
                        adminKey,
                        Map.of(
                                "id",
                                "math-6b",
                                "schoolId",
                                "south-middle",
                                "title",
                                "Math 6 (B)",
                                "termIds",
                                List.of("2026-fall"),
                                "teacherIds",
                                List.of("okafor"),
                                "learnerIds",
                                List.of("zoe"))),
                201);
    }

    public static Map<String, Object> user(String username, String given, String family, String role, String password) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("givenName", given);
        user.put("familyName", family);
        user.put("email", username + "@district.example.org");
        user.put("roles", List.of(role));
        if (password != null) {
            user.put("password", password);
        }
        return user;
    }

    /** The texts of a JSON array, in order. */
    public static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
