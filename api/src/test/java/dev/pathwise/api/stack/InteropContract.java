package dev.pathwise.api.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Interoperability through the whole stack on a real database: a CASE package of 104 items (five levels: grade,
 * domain, cluster, standard, component) imported and re-imported, xAPI statements as evidence, reports out.
 */
abstract class InteropContract {

    static final String PACKAGE = "/case/example-state-math-3-5.json";
    static final String DOCUMENT = "45bc298a-232b-5525-9def-43f0e6f79375";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    Http http() {
        return new Http("http://localhost:" + port);
    }

    static ObjectNode statePackage() {
        try (InputStream in = InteropContract.class.getResourceAsStream(PACKAGE)) {
            return (ObjectNode) Http.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode item(ObjectNode pkg, String code) {
        for (JsonNode item : pkg.withArray("CFItems")) {
            if (code.equals(item.path("humanCodingScheme").asText())) {
                return (ObjectNode) item;
            }
        }
        throw new IllegalArgumentException("no item " + code);
    }

    static JsonNode competency(JsonNode framework, String id) {
        for (JsonNode c : framework.path("competencies")) {
            if (id.equals(c.path("id").asText())) {
                return c;
            }
        }
        throw new AssertionError("no competency " + id + " in " + framework.path("id"));
    }

    /** A tenant whose framework is the state package, with learner ana in grade 3. */
    TestDistrict stateDistrict(Http http) {
        TestDistrict district = TestDistrict.bare(context);
        var imported = http.post("/v1/frameworks/case", district.curriculumKey, statePackage());
        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
        district.learner(http, "ana", 3, "north");
        return district;
    }

    @Test
    void caseImportBuildsTheHierarchyAndPrerequisitesFromAStateStandardsPackage() {
        Http http = http();
        TestDistrict district = TestDistrict.bare(context);

        var imported = http.post("/v1/frameworks/case", district.curriculumKey, statePackage());

        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
        JsonNode result = imported.body();
        assertThat(result.path("status").asText()).isEqualTo("created");
        assertThat(result.path("items").asInt()).isEqualTo(104);
        assertThat(result.path("added").size()).isEqualTo(104);
        assertThat(result.path("otherAssociations").path("isRelatedTo").asInt()).isEqualTo(4);
        assertThat(result.path("otherAssociations").path("exactMatchOf").asInt()).isEqualTo(3);
        String frameworkId = result.path("frameworkId").asText();
        JsonNode framework = http.get("/v1/frameworks/" + frameworkId, district.teacherKey).body();
        assertThat(framework.path("competencies").size()).isEqualTo(104);
        JsonNode component = competency(framework, "4.NF.B.3b");
        assertThat(component.path("parentId").asText()).isEqualTo("4.NF.B.3");
        assertThat(component.path("prerequisiteIds").toString()).contains("4.NF.B.3a");
        assertThat(component.path("gradeLevel").asInt()).isEqualTo(4);
        assertThat(component.path("externalId").asText()).isEqualTo(item(statePackage(), "4.NF.B.3b")
                .path("identifier").asText());
        assertThat(competency(framework, "4.NF.A").path("prerequisiteIds").toString()).contains("3.NF.A");
        assertThat(competency(framework, "MATH.3").has("parentId")).isFalse();
        assertThat(competency(framework, "3.OA.A.1").path("prerequisiteIds").size()).isZero();
    }

    @Test
    void reimportingTheSamePackageChangesNothing() {
        Http http = http();
        TestDistrict district = stateDistrict(http);

        var again = http.post("/v1/frameworks/case", district.curriculumKey, statePackage());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("unchanged");
        assertThat(again.body().path("added").size()).isZero();
        assertThat(again.body().path("changed").size()).isZero();
    }

    @Test
    void updatedPackageChangesTheFrameworkInPlaceAndLearnersKeepTheirEvidence() {
        Http http = http();
        TestDistrict district = stateDistrict(http);
        http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("u-1", "ana", "3.OA.A.1", 9));
        http.post("/v1/evidence", district.platformKey, TestDistrict.evidence("u-2", "ana", "3.MD.A.2", 6));
        ObjectNode updated = statePackage();
        item(updated, "3.OA.A.1").put("fullStatement", "Interpret products of whole numbers, e.g. 5 x 7 as 5 groups"
                + " of 7 objects each.").put("abbreviatedStatement", "Interpret products");
        ObjectNode added = item(updated, "3.OA.A.4").deepCopy();
        added.put("identifier", "9a0f7c1e-0000-4000-8000-000000000001").put("humanCodingScheme", "3.OA.A.4x")
                .put("fullStatement", "Write an equation for a multiplication word problem.");
        updated.withArray("CFItems").add(added);
        ObjectNode link = updated.withArray("CFAssociations").get(0).deepCopy();
        link.put("identifier", "9a0f7c1e-0000-4000-8000-000000000002").put("associationType", "isChildOf");
        link.putObject("originNodeURI").put("identifier", added.path("identifier").asText());
        link.putObject("destinationNodeURI").put("identifier", item(updated, "3.OA.A").path("identifier").asText());
        updated.withArray("CFAssociations").add(link);
        String removedIdentifier = item(updated, "3.MD.A.2").path("identifier").asText();
        removeItem(updated, removedIdentifier);

        var response = http.post("/v1/frameworks/case", district.curriculumKey, updated);

        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        assertThat(response.text("status")).isEqualTo("updated");
        assertThat(response.body().path("added").toString()).isEqualTo("[\"3.OA.A.4x\"]");
        assertThat(response.body().path("changed").toString()).isEqualTo("[\"3.OA.A.1\"]");
        JsonNode removed = response.body().path("removed").get(0);
        assertThat(removed.path("competencyId").asText()).isEqualTo("3.MD.A.2");
        assertThat(removed.path("learnersWithEvidence").asInt()).isEqualTo(1);
        assertThat(removed.path("evidence").asText()).startsWith("kept");
        var mastery = http.get("/v1/learners/ana/mastery", district.teacherKey).body();
        JsonNode row = null;
        for (JsonNode r : mastery.path("competencies")) {
            if (r.path("competencyId").asText().equals("3.OA.A.1")) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("evidenceCount").asInt()).isEqualTo(1);
        assertThat(row.path("name").asText()).isEqualTo("Interpret products");
        assertThat(http.get("/v1/learners/ana", district.platformKey).body().path("evidenceCount").asLong())
                .isEqualTo(2);
    }

    @Test
    void badPackagesAreRefusedNamingTheItemOrAssociation() {
        Http http = http();
        TestDistrict district = TestDistrict.bare(context);
        ObjectNode dangling = statePackage();
        removeItems(dangling, item(dangling, "5.MD.C.5").path("identifier").asText());
        ObjectNode cycle = statePackage();
        ObjectNode back = cycle.withArray("CFAssociations").get(0).deepCopy();
        back.put("identifier", "cycle-association").put("associationType", "precedes");
        back.putObject("originNodeURI").put("identifier", item(cycle, "3.OA.A.2").path("identifier").asText());
        back.putObject("destinationNodeURI").put("identifier", item(cycle, "3.OA.A.1").path("identifier").asText());
        cycle.withArray("CFAssociations").add(back);
        ObjectNode noIdentifier = statePackage();
        item(noIdentifier, "3.NBT.A.2").remove("identifier");

        var danglingResponse = http.post("/v1/frameworks/case", district.curriculumKey, dangling);
        var cycleResponse = http.post("/v1/frameworks/case", district.curriculumKey, cycle);
        var noIdentifierResponse = http.post("/v1/frameworks/case", district.curriculumKey, noIdentifier);

        assertThat(danglingResponse.status()).isEqualTo(400);
        assertThat(danglingResponse.contentType()).startsWith("application/problem+json");
        assertThat(danglingResponse.text("field")).matches("CFAssociations\\[\\d+]\\.originNodeURI");
        assertThat(danglingResponse.text("value")).isEqualTo(item(statePackage(), "5.MD.C.5").path("identifier")
                .asText());
        assertThat(danglingResponse.text("detail")).contains("dangling");
        assertThat(cycleResponse.status()).isEqualTo(400);
        assertThat(cycleResponse.text("detail")).contains("3.OA.A.1 -> 3.OA.A.2 -> 3.OA.A.1")
                .contains("cycle-association");
        assertThat(noIdentifierResponse.status()).isEqualTo(400);
        assertThat(noIdentifierResponse.text("field")).matches("CFItems\\[\\d+]\\.identifier");
        assertThat(noIdentifierResponse.text("value")).isEqualTo("3.NBT.A.2");
        assertThat(http.get("/v1/frameworks/" + DOCUMENT, district.teacherKey).status()).isEqualTo(404);
    }

    /** Removes the item and every association that names it. */
    static void removeItem(ObjectNode pkg, String identifier) {
        removeItems(pkg, identifier);
        ArrayNode associations = pkg.withArray("CFAssociations");
        for (int i = associations.size() - 1; i >= 0; i--) {
            JsonNode a = associations.get(i);
            if (a.path("originNodeURI").path("identifier").asText().equals(identifier)
                    || a.path("destinationNodeURI").path("identifier").asText().equals(identifier)) {
                associations.remove(i);
            }
        }
    }

    /** Removes only the item, leaving its associations dangling. */
    static void removeItems(ObjectNode pkg, String identifier) {
        ArrayNode items = pkg.withArray("CFItems");
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).path("identifier").asText().equals(identifier)) {
                items.remove(i);
            }
        }
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }

    static Map<String, String> xapiHeaders() {
        return Map.of("X-Experience-API-Version", "1.0.3");
    }
}
