package dev.pathwise.api.stack;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.tenant.TenantService;

/** A fresh tenant with one key per role, a small framework, activities and a learner, made through the API. */
final class TestDistrict {

    final String tenantId = "t-" + UUID.randomUUID().toString().substring(0, 8);
    final String platformKey = "platform-" + UUID.randomUUID();
    final String teacherKey = "teacher-" + UUID.randomUUID();
    final String curriculumKey = "curriculum-" + UUID.randomUUID();
    final String adminKey = "admin-" + UUID.randomUUID();

    /** The schools every test district has; learners and policy overlays name them. */
    static final List<String> SCHOOLS = List.of("north", "south", "lincoln");

    /** A fresh tenant with its keys and schools and nothing else: no framework, no activities, no learners. */
    static TestDistrict bare(ApplicationContext context) {
        TestDistrict district = new TestDistrict();
        Map<Role, String> keys = new EnumMap<>(Role.class);
        keys.put(Role.PLATFORM, district.platformKey);
        keys.put(Role.TEACHER, district.teacherKey);
        keys.put(Role.CURRICULUM, district.curriculumKey);
        keys.put(Role.ADMIN, district.adminKey);
        context.getBean(TenantService.class).create(district.tenantId, "Test district", keys);
        SCHOOLS.forEach(school -> context.getBean(TenantService.class).addSchool(district.tenantId, school,
                "School " + school));
        return district;
    }

    static TestDistrict create(ApplicationContext context, Http http) {
        TestDistrict district = bare(context);
        var framework = http.post("/v1/frameworks", district.curriculumKey, Map.of(
                "id", "ratios", "name", "Ratios",
                "competencies", List.of(
                        Map.of("id", "ratio", "name", "Ratio reasoning"),
                        Map.of("id", "ratio.concept", "name", "Understand ratios", "parentId", "ratio"),
                        Map.of("id", "ratio.tables", "name", "Ratio tables", "parentId", "ratio",
                                "prerequisiteIds", List.of("ratio.concept")),
                        Map.of("id", "rate", "name", "Unit rates", "prerequisiteIds", List.of("ratio")))));
        if (framework.status() != 201) {
            throw new IllegalStateException("framework: " + framework);
        }
        var activities = http.post("/v1/activities", district.curriculumKey, List.of(
                activity("a-concept-video", "ratio.concept", "LESSON", "VIDEO", "INDIVIDUAL"),
                activity("a-concept-mini", "ratio.concept", "MINI_LESSON", "DISCUSSION", "SMALL_GROUP"),
                activity("a-tables-practice", "ratio.tables", "PRACTICE", "TEXT", "INDIVIDUAL"),
                activity("a-tables-mini", "ratio.tables", "MINI_LESSON", "HANDS_ON", "SMALL_GROUP"),
                activity("a-rate-project", "rate", "PROJECT", "HANDS_ON", "SMALL_GROUP")));
        if (activities.status() != 201) {
            throw new IllegalStateException("activities: " + activities);
        }
        return district;
    }

    static Map<String, Object> activity(String id, String competency, String kind, String modality,
                                        String grouping) {
        return Map.of("id", id, "title", id, "competencyIds", List.of(competency), "kind", kind,
                "modality", modality, "grouping", grouping, "online", true, "estimatedMinutes", 20);
    }

    void learner(Http http, String learnerId, int grade, String school) {
        var response = http.put("/v1/learners/" + learnerId, platformKey, Map.of("grade", grade,
                "schoolId", school, "preferredModalities", List.of("VIDEO"), "planStart", "2025-09-01"));
        if (response.status() != 200) {
            throw new IllegalStateException("learner: " + response);
        }
    }

    static Map<String, Object> evidence(String id, String learnerId, String competency, double raw) {
        return Map.of("id", id, "learnerId", learnerId, "competencyId", competency,
                "score", Map.of("raw", raw, "min", 0, "max", 10), "kind", "FORMATIVE", "source", "test");
    }
}
