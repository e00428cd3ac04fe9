package dev.pathwise.api.reliability;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;

import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.tenant.TenantService;

/**
 * A fresh tenant made through the tenant-creation path (random keys, one per role), with a framework, activities
 * and a school. Every id carries the tenant's marker so that a leak into another tenant's answer can be found.
 */
final class Tenant {

    final String id;
    final String marker;
    final Map<Role, String> keys;
    final String frameworkId;
    final String school;

    private Tenant(String id, String marker, Map<Role, String> keys) {
        this.id = id;
        this.marker = marker;
        this.keys = keys;
        this.frameworkId = "fw-" + marker;
        this.school = "school-" + marker;
    }

    static Tenant create(ApplicationContext context, RawHttp http) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String id = "t-" + marker;
        Map<Role, String> keys = context.getBean(TenantService.class).createWithNewKeys(id, "Tenant " + marker);
        context.getBean(TenantService.class).addSchool(id, "school-" + marker, "School " + marker);
        Tenant tenant = new Tenant(id, marker, keys);
        expect(http.post("/v1/frameworks", tenant.key(Role.CURRICULUM), Map.of(
                "id", tenant.frameworkId, "name", "Ratios " + marker,
                "competencies", List.of(
                        Map.of("id", "ratio", "name", "Ratio reasoning"),
                        Map.of("id", "ratio.concept", "name", "Understand ratios", "parentId", "ratio"),
                        Map.of("id", "ratio.tables", "name", "Ratio tables", "parentId", "ratio",
                                "prerequisiteIds", List.of("ratio.concept")),
                        Map.of("id", "rate", "name", "Unit rates", "prerequisiteIds", List.of("ratio"))))), 201);
        expect(http.post("/v1/activities", tenant.key(Role.CURRICULUM), List.of(
                activity("a-concept-" + marker, "ratio.concept", "LESSON", "VIDEO", "INDIVIDUAL"),
                activity("a-mini-" + marker, "ratio.concept", "MINI_LESSON", "DISCUSSION", "SMALL_GROUP"),
                activity("a-tables-" + marker, "ratio.tables", "PRACTICE", "TEXT", "INDIVIDUAL"))), 201);
        return tenant;
    }

    String key(Role role) {
        return keys.get(role);
    }

    String learner(RawHttp http, String learnerId, String interest) {
        expect(http.put("/v1/learners/" + learnerId, key(Role.PLATFORM), Map.of("grade", 7, "schoolId", school,
                "interests", List.of(interest), "preferredModalities", List.of("VIDEO"),
                "planStart", "2025-09-01")), 200);
        return learnerId;
    }

    static Map<String, Object> evidence(String id, String learnerId, String competency, double raw) {
        return Map.of("id", id, "learnerId", learnerId, "competencyId", competency,
                "score", Map.of("raw", raw, "min", 0, "max", 10), "kind", "FORMATIVE", "source", "test");
    }

    static Map<String, Object> activity(String id, String competency, String kind, String modality,
                                        String grouping) {
        return Map.of("id", id, "title", id, "competencyIds", List.of(competency), "kind", kind,
                "modality", modality, "grouping", grouping, "online", true, "estimatedMinutes", 20);
    }

    static RawHttp.Response expect(RawHttp.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + response);
        }
        return response;
    }
}
