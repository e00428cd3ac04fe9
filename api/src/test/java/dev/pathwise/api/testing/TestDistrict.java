package dev.pathwise.api.testing;

import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.tenant.TenantService;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * A fresh tenant with one key per role, made on the running service; with a small framework (four competencies of
 * ratios and rates) and activities made through the API. Two kinds: {@link #create} (framework {@code ratios},
 * schools north, south and lincoln) and {@link #marked} (every id carries the tenant's marker, so that a leak into
 * another tenant's answer can be found). Also the one way the tests write a piece of evidence: {@link #evidence}.
 */
public final class TestDistrict {

    /** The schools of a district made by {@link #create}; learners and policy overlays name them. */
    public static final List<String> SCHOOLS = List.of("north", "south", "lincoln");

    /** A random part of the tenant's id, found in every id of a {@link #marked} district. */
    public final String marker;

    public final String tenantId;
    public final String platformKey;
    public final String teacherKey;
    public final String curriculumKey;
    public final String adminKey;
    /** The framework made by {@link #create} or {@link #marked}; {@code null} in a {@link #bare} district. */
    public final String frameworkId;
    /** The school learners are put in by default. */
    public final String school;

    private TestDistrict(String marker, Map<Role, String> keys, String frameworkId, String school) {
        this.marker = marker;
        this.tenantId = "t-" + marker;
        this.platformKey = keys.get(Role.PLATFORM);
        this.teacherKey = keys.get(Role.TEACHER);
        this.curriculumKey = keys.get(Role.CURRICULUM);
        this.adminKey = keys.get(Role.ADMIN);
        this.frameworkId = frameworkId;
        this.school = school;
    }

    /** A fresh tenant with its keys and schools and nothing else: no framework, no activities, no learners. */
    public static TestDistrict bare(ApplicationContext context) {
        return bare(context, null);
    }

    private static TestDistrict bare(ApplicationContext context, String frameworkId) {
        String marker = newMarker();
        Map<Role, String> keys = new EnumMap<>(Role.class);
        keys.put(Role.PLATFORM, "platform-" + UUID.randomUUID());
        keys.put(Role.TEACHER, "teacher-" + UUID.randomUUID());
        keys.put(Role.CURRICULUM, "curriculum-" + UUID.randomUUID());
        keys.put(Role.ADMIN, "admin-" + UUID.randomUUID());
        TestDistrict district = new TestDistrict(marker, keys, frameworkId, SCHOOLS.get(0));
        TenantService tenants = context.getBean(TenantService.class);
        tenants.create(district.tenantId, "Test district", keys);
        SCHOOLS.forEach(school -> tenants.addSchool(district.tenantId, school, "School " + school));
        return district;
    }

    /** A fresh tenant with framework {@code ratios} and five activities, schools north, south and lincoln. */
    public static TestDistrict create(ApplicationContext context, Http http) {
        TestDistrict district = bare(context, "ratios");
        Http.expect(http.post("/v1/frameworks", district.curriculumKey, ratios("ratios", "Ratios")), 201);
        Http.expect(
                http.post(
                        "/v1/activities",
                        district.curriculumKey,
                        List.of(
                                activity("a-concept-video", "ratio.concept", "LESSON", "VIDEO", "INDIVIDUAL"),
                                activity("a-concept-mini", "ratio.concept", "MINI_LESSON", "DISCUSSION", "SMALL_GROUP"),
                                activity("a-tables-practice", "ratio.tables", "PRACTICE", "TEXT", "INDIVIDUAL"),
                                activity("a-tables-mini", "ratio.tables", "MINI_LESSON", "HANDS_ON", "SMALL_GROUP"),
                                activity("a-rate-project", "rate", "PROJECT", "HANDS_ON", "SMALL_GROUP"))),
                201);
        return district;
    }

    /**
     * A fresh tenant made through the tenant-creation path (random keys, one per role) whose framework
     * ({@code fw-<marker>}), activities ({@code a-...-<marker>}) and one school ({@code school-<marker>}) carry its
     * marker.
     */
    public static TestDistrict marked(ApplicationContext context, Http http) {
        String marker = newMarker();
        TenantService tenants = context.getBean(TenantService.class);
        Map<Role, String> keys = tenants.createWithNewKeys("t-" + marker, "Tenant " + marker);
        TestDistrict district = new TestDistrict(marker, keys, "fw-" + marker, "school-" + marker);
        tenants.addSchool(district.tenantId, district.school, "School " + marker);
        Http.expect(
                http.post("/v1/frameworks", district.curriculumKey, ratios(district.frameworkId, "Ratios " + marker)),
                201);
        Http.expect(
                http.post(
                        "/v1/activities",
                        district.curriculumKey,
                        List.of(
                                activity("a-concept-" + marker, "ratio.concept", "LESSON", "VIDEO", "INDIVIDUAL"),
                                activity(
                                        "a-mini-" + marker,
                                        "ratio.concept",
                                        "MINI_LESSON",
                                        "DISCUSSION",
                                        "SMALL_GROUP"),
                                activity("a-tables-" + marker, "ratio.tables", "PRACTICE", "TEXT", "INDIVIDUAL"))),
                201);
        return district;
    }

    private static String newMarker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> ratios(String id, String name) {
        return Map.of(
                "id",
                id,
                "name",
                name,
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
                                List.of("ratio.concept")),
                        Map.of("id", "rate", "name", "Unit rates", "prerequisiteIds", List.of("ratio"))));
    }

    /** The key of this role. */
    public String key(Role role) {
        return switch (role) {
            case PLATFORM -> platformKey;
            case TEACHER -> teacherKey;
            case CURRICULUM -> curriculumKey;
            case ADMIN -> adminKey;
        };
    }

    /** The key of each role. */
    public Map<Role, String> keys() {
        return Map.of(
                Role.PLATFORM,
                platformKey,
                Role.TEACHER,
                teacherKey,
                Role.CURRICULUM,
                curriculumKey,
                Role.ADMIN,
                adminKey);
    }

    /** A learner of this grade and school, who prefers videos, on a plan from 2025-09-01. */
    public void learner(Http http, String learnerId, int grade, String school) {
        Http.expect(
                http.put(
                        "/v1/learners/" + learnerId,
                        platformKey,
                        Map.of(
                                "grade",
                                grade,
                                "schoolId",
                                school,
                                "preferredModalities",
                                List.of("VIDEO"),
                                "planStart",
                                "2025-09-01")),
                200);
    }

    /** A grade-7 learner of {@link #school} with one interest, who prefers videos; the learner's id. */
    public String learnerInterestedIn(Http http, String learnerId, String interest) {
        Http.expect(
                http.put(
                        "/v1/learners/" + learnerId,
                        platformKey,
                        Map.of(
                                "grade",
                                7,
                                "schoolId",
                                school,
                                "interests",
                                List.of(interest),
                                "preferredModalities",
                                List.of("VIDEO"),
                                "planStart",
                                "2025-09-01")),
                200);
        return learnerId;
    }

    /** A formative score of {@code raw} out of 10 on a competency, sent by "test". */
    public static Map<String, Object> evidence(String id, String learnerId, String competency, double raw) {
        return Map.of(
                "id",
                id,
                "learnerId",
                learnerId,
                "competencyId",
                competency,
                "score",
                Map.of("raw", raw, "min", 0, "max", 10),
                "kind",
                "FORMATIVE",
                "source",
                "test");
    }

    /** An online activity of 20 minutes on one competency. */
    public static Map<String, Object> activity(
            String id, String competency, String kind, String modality, String grouping) {
        return Map.of(
                "id",
                id,
                "title",
                id,
                "competencyIds",
                List.of(competency),
                "kind",
                kind,
                "modality",
                modality,
                "grouping",
                grouping,
                "online",
                true,
                "estimatedMinutes",
                20);
    }
}
