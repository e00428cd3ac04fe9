package dev.pathwise.api.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.testing.DistrictFixture;
import dev.pathwise.api.testing.Http;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * OneRoster CSV rosters through the whole stack, on the fixtures of {@code src/test/resources/oneroster} (written from
 * the 1.2 CSV binding): a bulk set, the same set again, a delta set, a 1.1 bulk set, and a set refused with every
 * problem named by file, line and column.
 */
abstract class OneRosterContract extends DistrictStack {

    static final List<String> FILES = List.of(
            "manifest.csv",
            "orgs.csv",
            "academicSessions.csv",
            "courses.csv",
            "classes.csv",
            "users.csv",
            "roles.csv",
            "enrollments.csv",
            "demographics.csv");

    /** The files of a fixture folder, zipped as a SIS exports them. */
    static byte[] zip(String folder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : FILES) {
                try (InputStream in =
                        OneRosterContract.class.getResourceAsStream("/oneroster/" + folder + "/" + file)) {
                    if (in != null) {
                        zip.putNextEntry(new ZipEntry(file));
                        in.transferTo(zip);
                        zip.closeEntry();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    Http.Response roster(String adminKey, String folder, boolean dryRun) {
        return http.postBytes(
                "/v1/rosters/oneroster" + (dryRun ? "?dryRun=true" : ""), adminKey, zip(folder), "application/zip");
    }

    /** "created=1 updated=0 ..." for one entity of a report, so a failure shows every count at once. */
    static String counts(JsonNode report, String entity) {
        JsonNode counts = report.path("counts").path(entity);
        return "created=" + counts.path("created").asInt() + " updated="
                + counts.path("updated").asInt()
                + " unchanged=" + counts.path("unchanged").asInt() + " removed="
                + counts.path("removed").asInt()
                + " skipped=" + counts.path("skipped").asInt();
    }

    static int changes(JsonNode report) {
        int changes = 0;
        for (JsonNode counts : report.path("counts")) {
            changes += counts.path("created").asInt()
                    + counts.path("updated").asInt()
                    + counts.path("removed").asInt();
        }
        return changes;
    }

    @Test
    void aOneRosterBulkSetThenADeltaSetAreImportedAndTheSameFileAgainChangesNothing() {
        String admin = bareDistrict("or-" + UUID.randomUUID().toString().substring(0, 8));
        // an existing school whose id is the org's identifier keeps its id
        Http.expect(http.post("/v1/schools", admin, Map.of("id", "lincoln-ms", "name", "Lincoln MS")), 201);

        // a dry run reports and writes nothing
        Http.Response dry = roster(admin, "bulk-1.2", true);
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        assertThat(dry.body().path("applied").asBoolean()).isFalse();
        assertThat(counts(dry.body(), "classes")).isEqualTo("created=4 updated=0 unchanged=0 removed=0 skipped=0");
        assertThat(http.get("/v1/classes", admin).body()).isEmpty();

        // the bulk set
        JsonNode bulk = Http.expect(roster(admin, "bulk-1.2", false), 200).body();
        assertThat(bulk.path("applied").asBoolean()).isTrue();
        assertThat(bulk.path("errorCount").asInt()).isZero();
        assertThat(counts(bulk, "schools")).isEqualTo("created=1 updated=1 unchanged=0 removed=0 skipped=2");
        assertThat(counts(bulk, "terms")).isEqualTo("created=3 updated=0 unchanged=0 removed=0 skipped=0");
        assertThat(counts(bulk, "courses")).isEqualTo("created=3 updated=0 unchanged=0 removed=0 skipped=0");
        assertThat(counts(bulk, "classes")).isEqualTo("created=4 updated=0 unchanged=0 removed=0 skipped=0");
        assertThat(counts(bulk, "teachers")).isEqualTo("created=3 updated=0 unchanged=0 removed=0 skipped=0");
        assertThat(counts(bulk, "learners")).isEqualTo("created=5 updated=0 unchanged=0 removed=0 skipped=1");
        assertThat(counts(bulk, "otherUsers")).isEqualTo("created=0 updated=0 unchanged=0 removed=0 skipped=2");
        assertThat(counts(bulk, "enrollments")).isEqualTo("created=5 updated=0 unchanged=0 removed=0 skipped=2");
        assertThat(counts(bulk, "classTeachers")).isEqualTo("created=4 updated=0 unchanged=0 removed=0 skipped=0");
        assertThat(counts(bulk, "demographics")).isEqualTo("created=0 updated=0 unchanged=0 removed=0 skipped=3");
        assertThat(bulk.path("skipped").findValuesAsText("message"))
                .contains(
                        "student 's-1006' in grade PK is not imported: Pathwise serves kindergarten to grade 12",
                        "enrollment of role 'administrator' is not imported (Pathwise keeps the students and the teachers"
                                + " of a class)");
        JsonNode password = bulk.path("warnings").findParents("field").stream()
                .filter(w -> "password".equals(w.path("field").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(password.path("line").asInt()).isEqualTo(8);
        assertThat(password.path("column").asInt()).isEqualTo(16);
        assertThat(password.toString()).doesNotContain("initial-pw-7781");

        JsonNode math = http.get("/v1/classes/cls-math6-p1", admin).body();
        assertThat(math.path("title").asText()).isEqualTo("Math 6, Period 1");
        assertThat(math.path("schoolId").asText()).isEqualTo("lincoln-ms");
        assertThat(math.path("courseTitle").asText()).isEqualTo("Mathematics 6");
        assertThat(math.path("teacherIds")).hasToString("[\"t-garcia\"]");
        assertThat(math.path("learnerIds")).hasToString("[\"s-1001\",\"s-1002\"]");
        assertThat(http.get("/v1/classes/cls-math6-p2", admin).body().path("termIds"))
                .hasToString("[\"fall-2026\",\"spring-2027\"]");
        assertThat(http.get("/v1/schools/lincoln-ms", admin).body().path("name").asText())
                .isEqualTo("Lincoln Middle School");
        assertThat(http.get("/v1/schools/org-roosevelt", admin)
                        .body()
                        .path("name")
                        .asText())
                .isEqualTo("Roosevelt Elementary, Campus B");
        assertThat(http.get("/v1/terms/fall-2026", admin)
                        .body()
                        .path("parentId")
                        .asText())
                .isEqualTo("sy-2027");
        JsonNode li = http.get("/v1/learners/s-1003", admin).body();
        assertThat(li.path("profile").path("givenName").asText()).isEqualTo("小龙");
        assertThat(li.path("profile").path("familyName").asText()).isEqualTo("李");
        assertThat(li.path("profile").path("grade").asInt()).isEqualTo(7);
        assertThat(li.path("profile").path("schoolId").asText()).isEqualTo("lincoln-ms");
        assertThat(http.get("/v1/learners/s-1002", admin)
                        .body()
                        .path("profile")
                        .path("familyName")
                        .asText())
                .isEqualTo("Kierkegaard, Jr.");
        assertThat(http.get("/v1/learners/s-1006", admin).status()).isEqualTo(404);
        JsonNode garcia = http.get("/v1/users/t-garcia", admin).body();
        assertThat(garcia.path("username").asText()).isEqualTo("mgarcia");
        assertThat(garcia.path("givenName").asText() + " "
                        + garcia.path("familyName").asText())
                .isEqualTo("María José García Núñez");
        assertThat(garcia.path("roles")).hasToString("[\"teacher\"]");
        assertThat(garcia.path("hasPassword").asBoolean()).isFalse();
        assertThat(garcia.path("classes")).hasToString("[\"cls-math6-p1\",\"cls-math6-p2\"]");
        assertThat(http.get("/v1/users", admin).body().findValuesAsText("id"))
                .containsExactly("t-chen", "t-garcia", "t-okafor");
        // the rostered teacher reaches the learners of her classes, and no other
        String garciaKey = Http.expect(http.post("/v1/users/t-garcia/keys", admin, Map.of()), 201)
                .text("key");
        assertThat(http.get("/v1/learners", garciaKey).body().path("learners").findValuesAsText("id"))
                .containsExactly("s-1001", "s-1002", "s-1004");
        assertThat(http.get("/v1/learners/s-1003", garciaKey).status()).isEqualTo(404);

        // the same file again changes nothing
        JsonNode again = Http.expect(roster(admin, "bulk-1.2", false), 200).body();
        assertThat(changes(again)).as("%s", again.path("counts")).isZero();
        assertThat(counts(again, "enrollments")).isEqualTo("created=0 updated=0 unchanged=5 removed=0 skipped=2");

        // the delta set: a renamed student, a new one, a student and a class and an enrollment tobedeleted
        JsonNode delta = Http.expect(roster(admin, "delta-1.2", false), 200).body();
        assertThat(counts(delta, "learners")).isEqualTo("created=1 updated=1 unchanged=0 removed=1 skipped=0");
        assertThat(counts(delta, "classes")).isEqualTo("created=0 updated=0 unchanged=0 removed=1 skipped=0");
        assertThat(counts(delta, "enrollments")).isEqualTo("created=1 updated=0 unchanged=0 removed=1 skipped=0");
        assertThat(http.get("/v1/classes/cls-math7-p3", admin).status()).isEqualTo(404);
        assertThat(http.get("/v1/classes/cls-math6-p1", admin).body().path("learnerIds"))
                .hasToString("[\"s-1001\"]");
        assertThat(http.get("/v1/classes/cls-math6-p2", admin).body().path("learnerIds"))
                .hasToString("[\"s-1007\"]");
        assertThat(http.get("/v1/learners/s-1002", admin)
                        .body()
                        .path("profile")
                        .path("familyName")
                        .asText())
                .isEqualTo("Kierkegaard");
        assertThat(http.get("/v1/learners/s-1007", admin)
                        .body()
                        .path("profile")
                        .path("familyName")
                        .asText())
                .isEqualTo("Dubois, née Lefèvre");
        assertThat(http.get("/v1/learners/s-1004", admin).status())
                .as("a removed student keeps their record")
                .isEqualTo(200);
        assertThat(http.get("/v1/learners/s-1004", garciaKey).status())
                .as("but leaves their classes")
                .isEqualTo(404);
        JsonNode deltaAgain =
                Http.expect(roster(admin, "delta-1.2", false), 200).body();
        assertThat(changes(deltaAgain)).as("%s", deltaAgain.path("counts")).isZero();
        assertThat(http.get("/v1/audit?limit=1000", admin).body().path("events").findValuesAsText("action").stream()
                        .filter("roster.imported"::equals)
                        .count())
                .isEqualTo(4);
    }

    @Test
    void aSetWithBrokenIdentifiersOrReferencesIsRefusedWholeWithEveryProblemNamed() {
        String admin = bareDistrict("rf-" + UUID.randomUUID().toString().substring(0, 8));

        Http.Response refused = roster(admin, "refused-1.2", false);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        List<String> errors = DistrictFixture.texts(refused.body().path("errors"));
        assertThat(errors)
                .as("%s", errors)
                .contains(
                        "users.csv:4: 24 values where the header has 23 columns; quote a value that holds a comma"
                                + " (\"Smith, Jr.\")",
                        "users.csv:5:15: grades: '3rd' is not a grade; use KG, 01 to 12 (or the CEDS codes [IT, PR, PK, TK,"
                                + " 13, PS, UG, Other] for learners Pathwise does not serve)",
                        "users.csv:6:2: status: 'retired' is not a status; use active or tobedeleted",
                        "enrollments.csv:4:1: sourcedId: 'e-09' is given twice in enrollments.csv",
                        "classes.csv:2:11: termSourcedIds: 'fall-2062' is neither in academicSessions.csv nor imported"
                                + " before. Maybe you meant 'fall-2026'?");
        assertThat(errors).anyMatch(e -> e.startsWith("enrollments.csv:5:6: userSourcedId: 's-1009' is refused"));
        assertThat(refused.body().path("report").path("applied").asBoolean()).isFalse();
        assertThat(http.get("/v1/classes", admin).body()).isEmpty();
        assertThat(http.get("/v1/schools", admin).body()).isEmpty();
        assertThat(http.get("/v1/learners", admin).body().path("learners")).isEmpty();
        assertThat(http.get("/v1/audit", admin).body().path("events").findValuesAsText("action"))
                .doesNotContain("roster.imported");
    }

    @Test
    void aOneRoster11BulkSetIsReadWhereItsColumnsAllow() {
        String admin = bareDistrict("v11-" + UUID.randomUUID().toString().substring(0, 8));

        JsonNode report = Http.expect(roster(admin, "bulk-1.1", false), 200).body();

        assertThat(report.path("oneRosterVersion").asText()).isEqualTo("1.1");
        assertThat(counts(report, "learners")).isEqualTo("created=2 updated=0 unchanged=0 removed=0 skipped=0");
        assertThat(counts(report, "teachers")).isEqualTo("created=1 updated=0 unchanged=0 removed=0 skipped=0");
        JsonNode ayse = http.get("/v1/learners/u-s2", admin).body().path("profile");
        assertThat(ayse.path("givenName").asText() + " "
                        + ayse.path("familyName").asText())
                .isEqualTo("Ayşe Yılmaz");
        assertThat(ayse.path("schoolId").asText())
                .as("the first school among orgSourcedIds")
                .isEqualTo("sch-1");
        assertThat(ayse.path("grade").asInt()).isEqualTo(4);
        JsonNode math = http.get("/v1/classes/k-math4", admin).body();
        assertThat(math.path("title").asText()).isEqualTo("Math 4 – Ms. Ōta");
        assertThat(math.path("teacherIds")).hasToString("[\"u-t1\"]");
        assertThat(math.path("learnerIds")).hasToString("[\"u-s1\",\"u-s2\"]");
        assertThat(http.get("/v1/users/u-t1", admin).body().path("username").asText())
                .isEqualTo("kota");
    }
}
