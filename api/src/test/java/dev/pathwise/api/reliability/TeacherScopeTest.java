package dev.pathwise.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.testing.Http;
import dev.pathwise.api.testing.TestDistrict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Object-level authorization over the whole API surface, derived from the OpenAPI document: a teacher (a person with
 * the teacher role only) aims their own key at a learner of their tenant outside their classes. Every operation that
 * names a learner answers exactly as for a learner that never existed; every list leaves that learner out; every
 * operation a teacher may not call is a 403. An operation missing from the role table fails the test.
 */
class TeacherScopeTest extends ReliabilityStack {

    Http http;
    TestDistrict a;
    String teacherKey;
    String outsider;
    String ghost;
    String otherClass;
    String otherTeacher;

    @BeforeEach
    void aTeacherAndALearnerOutsideTheirClasses() {
        http = http();
        a = TestDistrict.marked(context, http);
        outsider = "outsider-" + a.marker;
        ghost = "outsidez-" + a.marker;
        otherClass = "other-" + a.marker;
        otherTeacher = "colleague-" + a.marker;
        a.learnerInterestedIn(http, "ana", "interest-ana");
        a.learnerInterestedIn(http, outsider, "interest-" + a.marker);
        Http.expect(
                http.post(
                        "/v1/evidence",
                        a.key(Role.PLATFORM),
                        TestDistrict.evidence("ev-ana", "ana", "ratio.concept", 4)),
                200);
        Http.expect(
                http.post(
                        "/v1/evidence",
                        a.key(Role.PLATFORM),
                        TestDistrict.evidence("ev-" + a.marker, outsider, "ratio.concept", 3)),
                200);
        Http.expect(
                http.post(
                        "/v1/learners/" + outsider + "/overrides",
                        a.key(Role.TEACHER),
                        Map.of(
                                "kind",
                                "SET_LEVEL",
                                "competencyId",
                                "ratio.concept",
                                "level",
                                "APPROACHING",
                                "reason",
                                "r")),
                201);
        String admin = a.key(Role.ADMIN);
        Http.expect(
                http.post("/v1/users", admin, Map.of("username", "teacher-" + a.marker, "roles", List.of("teacher"))),
                201);
        Http.expect(http.post("/v1/users", admin, Map.of("username", otherTeacher, "roles", List.of("teacher"))), 201);
        teacherKey = Http.expect(http.post("/v1/users/teacher-" + a.marker + "/keys", admin, Map.of()), 201)
                .body()
                .path("key")
                .asText();
        Http.expect(
                http.post(
                        "/v1/classes",
                        admin,
                        Map.of(
                                "id",
                                "mine-" + a.marker,
                                "schoolId",
                                a.school,
                                "title",
                                "Mine",
                                "teacherIds",
                                List.of("teacher-" + a.marker),
                                "learnerIds",
                                List.of("ana"))),
                201);
        Http.expect(
                http.post(
                        "/v1/classes",
                        admin,
                        Map.of(
                                "id",
                                otherClass,
                                "schoolId",
                                a.school,
                                "title",
                                "Theirs",
                                "teacherIds",
                                List.of(otherTeacher),
                                "learnerIds",
                                List.of(outsider))),
                201);
    }

    @Test
    void aTeacherReachesOnlyTheLearnersOfTheirClassesOnEveryOperation() {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        Set<String> operations = openApiOperations();
        assertThat(ApiSurfaceSecurityTest.ROLES.keySet())
                .as("the role table covers the document")
                .containsAll(operations);
        for (String operation : operations) {
            String[] parts = operation.split(" ", 2);
            String method = parts[0];
            String template = parts[1];
            Set<Role> allowed = ApiSurfaceSecurityTest.ROLES.get(operation);
            String outcome;
            if (ApiSurfaceSecurityTest.OPERATOR.contains(operation)) {
                assertThat(send(method, fill(template, "ghost"), teacherKey).status())
                        .as(operation)
                        .isEqualTo(401);
                outcome = "401 operator only";
            } else if (!allowed.contains(Role.TEACHER)) {
                Http.Response refused = send(method, fill(template, outsider), teacherKey);
                assertThat(refused.status())
                        .as("%s: %s", operation, refused.text())
                        .isEqualTo(403);
                outcome = "403 role";
            } else if (template.contains("/learners/{id}")) {
                Http.Response ofOutsider = send(method, fill(template, outsider), teacherKey);
                Http.Response ofGhost = send(method, fill(template, ghost), teacherKey);
                assertThat(ofOutsider.status())
                        .as("%s: %s", operation, ofOutsider.text())
                        .isEqualTo(404);
                assertThat(ofOutsider.text().replace(outsider, "ID"))
                        .as(operation)
                        .isEqualTo(ofGhost.text().replace(ghost, "ID"));
                outcome = "404 as unknown";
            } else {
                for (Http.Response answer : lists(method, template)) {
                    assertThat(answer.status()).as(operation).isLessThan(500);
                    assertThat(answer.text())
                            .as("%s leaks the learner outside the teacher's classes", operation)
                            .doesNotContain(outsider)
                            .doesNotContain("interest-" + a.marker);
                }
                outcome = "not listed";
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        System.out.println("Teacher scope: " + operations.size() + " operations: " + outcomes);
        // what the teacher does reach
        assertThat(http.get("/v1/learners/ana/mastery", teacherKey).status()).isEqualTo(200);
        assertThat(http.get("/v1/learners", teacherKey).body().path("learners").findValuesAsText("id"))
                .containsExactly("ana");
        // the outsider's data is untouched
        assertThat(http.get("/v1/learners/" + outsider + "/overrides", a.key(Role.TEACHER))
                        .body())
                .hasSize(1);
    }

    @Test
    void aClassTheTeacherDoesNotTeachIsRefusedExactlyLikeAClassThatDoesNotExist() {
        for (String path : List.of(
                "/v1/classes/%s",
                "/v1/reports/mastery?class=%s",
                "/v1/reports/mastery.csv?class=%s",
                "/v1/groups?class=%s",
                "/v1/learners?class=%s")) {
            Http.Response theirs = http.get(String.format(path, otherClass), teacherKey);
            Http.Response none = http.get(String.format(path, "zther-" + a.marker), teacherKey);
            assertThat(theirs.status()).as(path).isIn(400, 404);
            assertThat(theirs.text().replace(otherClass, "ID"))
                    .as(path)
                    .isEqualTo(none.text().replace("zther-" + a.marker, "ID"));
        }
        assertThat(http.get("/v1/classes?teacher=" + otherTeacher, teacherKey).body())
                .isEmpty();
        assertThat(http.get("/v1/reports/mastery?learners=ana," + outsider, teacherKey)
                        .status())
                .isEqualTo(404);
    }

    /** A list operation called as a teacher would: plainly, and with the filters that could reach the outsider. */
    private List<Http.Response> lists(String method, String template) {
        List<Http.Response> answers = new ArrayList<>();
        String path = fill(template, "ghost");
        answers.add(send(method, path, teacherKey));
        if (method.equals("GET") && !template.contains("{")) {
            answers.add(send(method, path + "?school=" + a.school, teacherKey));
            answers.add(send(method, path + "?grade=7", teacherKey));
        }
        return answers;
    }

    private Http.Response send(String method, String path, String key) {
        byte[] body = method.equals("GET") || method.equals("DELETE")
                ? null
                : Http.bytes(
                        path.endsWith("/overrides")
                                ? Map.of(
                                        "kind",
                                        "SET_LEVEL",
                                        "competencyId",
                                        "ratio.concept",
                                        "level",
                                        "MASTERED",
                                        "reason",
                                        "not mine")
                                : Map.of());
        return http.send(method, path, key, body, "application/json", false);
    }

    private static String fill(String template, String learnerId) {
        return template.replace("/learners/{id}", "/learners/" + learnerId)
                .replace("{competencyId}", "ratio.concept")
                .replaceAll("\\{[A-Za-z]+}", "ghost");
    }

    private Set<String> openApiOperations() {
        var paths = http.get("/v3/api-docs", null).body().path("paths");
        Set<String> operations = new TreeSet<>();
        paths.fieldNames()
                .forEachRemaining(path -> paths.path(path).fieldNames().forEachRemaining(method -> {
                    // Signing in and out takes no key by design (SessionContractTest, SignInContract hold that
                    // contract).
                    if (List.of("get", "put", "post", "delete", "patch").contains(method)
                            && !path.startsWith("/v1/session")) {
                        operations.add(method.toUpperCase() + " " + path);
                    }
                }));
        return operations;
    }
}
