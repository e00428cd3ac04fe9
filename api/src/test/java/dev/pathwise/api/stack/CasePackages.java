package dev.pathwise.api.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathwise.api.testing.Http;

/**
 * CASE 1.0 packages written as framework servers publish them, for the contract tests: full statements of 1,000
 * characters, the older {@code educationalLevel} spelling (and levels as a comma-separated string), a {@code precedes}
 * to an item of another document, an item with two {@code isChildOf} parents, CFDefinitions and CFRubrics.
 */
final class CasePackages {

    static final String ELA_DOCUMENT = "c6a1d7e0-1f2b-4c3d-8e4f-5a6b7c8d9e01";
    /** An item of another document that RL.9-10.2 precedes. */
    static final String EXTERNAL_ITEM = "f0e1d2c3-b4a5-4968-8776-5a4b3c2d1e0f";

    private CasePackages() {}

    /** A grades 9-10 reading framework of 7 items. */
    static ObjectNode ela() {
        ObjectNode pkg = Http.JSON.createObjectNode();
        String base = "https://case.example.org/uri/";
        ObjectNode document = pkg.putObject("CFDocument");
        document.put("identifier", ELA_DOCUMENT)
                .put("uri", base + ELA_DOCUMENT)
                .put("creator", "State Board")
                .put("title", "English Language Arts, grades 9-10")
                .put("lastChangeDateTime", "2025-06-01T12:00:00Z")
                .put("subject", "ELA")
                .put("language", "en")
                .put("adoptionStatus", "Adopted");
        document.putObject("CFPackageURI")
                .put("title", "English Language Arts, grades 9-10")
                .put("identifier", ELA_DOCUMENT)
                .put("uri", base + "CFPackages/" + ELA_DOCUMENT);
        ArrayNode items = pkg.putArray("CFItems");
        item(items, 1, "RL", "Reading: Literature", null, "09,10");
        item(items, 2, "RL.9-10.1", null, statement("Cite strong and thorough textual evidence"), "[09,10]");
        item(items, 3, "RL.9-10.2", null, statement("Determine a theme or central idea of a text"), "[09,10]");
        item(items, 4, "RI", "Reading: Informational Text", null, "[09]");
        item(items, 5, "RI.9-10.1", null, statement("Cite textual evidence from informational texts"), "[09,10]");
        item(
                items,
                6,
                "RI.9-10.2",
                "Central idea",
                statement("Determine a central idea of an informational text"),
                "[10]");
        item(items, 7, "L", "Language", null, "[KG,01,02,03,04,05,06,07,08,09,10,11,12]");
        ArrayNode associations = pkg.putArray("CFAssociations");
        association(associations, 1, "isChildOf", id(1), "RL", ELA_DOCUMENT, "document", 1);
        association(associations, 2, "isChildOf", id(2), "RL.9-10.1", id(1), "RL", 1);
        association(associations, 3, "isChildOf", id(3), "RL.9-10.2", id(1), "RL", 2);
        association(associations, 4, "isChildOf", id(4), "RI", ELA_DOCUMENT, "document", 2);
        association(associations, 5, "isChildOf", id(5), "RI.9-10.1", id(4), "RI", 1);
        association(associations, 6, "isChildOf", id(5), "RI.9-10.1", id(1), "RL", 3);
        association(associations, 7, "isChildOf", id(6), "RI.9-10.2", id(4), "RI", 2);
        association(associations, 8, "precedes", id(2), "RL.9-10.1", id(3), "RL.9-10.2", null);
        association(associations, 9, "precedes", id(3), "RL.9-10.2", EXTERNAL_ITEM, "RL.11-12.2", null);
        association(associations, 10, "precedes", id(5), "RI.9-10.1", id(6), "RI.9-10.2", null);
        association(
                associations,
                11,
                "exactMatchOf",
                id(5),
                "RI.9-10.1",
                "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "CCSS.ELA-LITERACY.RI.9-10.1",
                null);
        association(associations, 12, "isChildOf", id(7), "L", ELA_DOCUMENT, "document", 3);
        ObjectNode definitions = pkg.putObject("CFDefinitions");
        definitions
                .putArray("CFItemTypes")
                .addObject()
                .put("identifier", "d1e2f3a4-0000-4000-8000-000000000001")
                .put("uri", base + "types/standard")
                .put("title", "Standard")
                .put("hierarchyCode", "2")
                .put("lastChangeDateTime", "2025-06-01T12:00:00Z");
        definitions
                .putArray("CFConcepts")
                .addObject()
                .put("identifier", "d1e2f3a4-0000-4000-8000-000000000002")
                .put("uri", base + "concepts/evidence")
                .put("title", "Evidence")
                .put("hierarchyCode", "1")
                .put("lastChangeDateTime", "2025-06-01T12:00:00Z");
        definitions
                .putArray("CFSubjects")
                .addObject()
                .put("identifier", "d1e2f3a4-0000-4000-8000-000000000003")
                .put("uri", base + "subjects/ela")
                .put("title", "English Language Arts")
                .put("hierarchyCode", "ELA")
                .put("lastChangeDateTime", "2025-06-01T12:00:00Z");
        ObjectNode rubric = pkg.putArray("CFRubrics").addObject();
        rubric.put("identifier", "d1e2f3a4-0000-4000-8000-000000000004")
                .put("uri", base + "rubrics/citing")
                .put("title", "Citing evidence")
                .put("lastChangeDateTime", "2025-06-01T12:00:00Z");
        rubric.putArray("CFRubricCriteria")
                .addObject()
                .put("identifier", "d1e2f3a4-0000-4000-8000-000000000005")
                .put("uri", base + "rubrics/citing/1")
                .put("category", "Evidence")
                .put("weight", 1.5)
                .put("position", 1)
                .put("lastChangeDateTime", "2025-06-01T12:00:00Z");
        return pkg;
    }

    static String id(int n) {
        return String.format("c6a1d7e0-0000-4000-8000-%012d", n);
    }

    /** A statement of exactly 1,000 characters that starts with the given words. */
    static String statement(String start) {
        StringBuilder text = new StringBuilder(start).append(':');
        int clause = 0;
        while (text.length() < 1_000) {
            text.append(" clause ").append(++clause).append(" of the standard, read closely in context;");
        }
        return text.substring(0, 999) + ".";
    }

    private static void item(ArrayNode items, int n, String code, String abbreviated, String full, String levels) {
        ObjectNode item = items.addObject();
        item.put("identifier", id(n))
                .put("uri", "https://case.example.org/uri/" + id(n))
                .put("fullStatement", full != null ? full : abbreviated)
                .put("humanCodingScheme", code);
        if (abbreviated != null && full != null) {
            item.put("abbreviatedStatement", abbreviated);
        }
        if (levels.startsWith("[")) {
            ArrayNode array = item.putArray("educationalLevel");
            for (String level : levels.substring(1, levels.length() - 1).split(",")) {
                array.add(level);
            }
        } else {
            item.put("educationalLevel", levels);
        }
        item.put("CFItemType", code.contains(".") ? "Standard" : "Domain");
        item.putObject("CFItemTypeURI")
                .put("title", code.contains(".") ? "Standard" : "Domain")
                .put("identifier", "d1e2f3a4-0000-4000-8000-000000000001")
                .put("uri", "https://case.example.org/uri/types/standard");
        item.put("lastChangeDateTime", "2025-06-01T12:00:00Z");
    }

    private static void association(
            ArrayNode associations,
            int n,
            String type,
            String origin,
            String originTitle,
            String destination,
            String destinationTitle,
            Integer sequence) {
        ObjectNode a = associations.addObject();
        String identifier = String.format("c6a1d7e0-0000-4000-9000-%012d", n);
        a.put("identifier", identifier).put("associationType", type);
        if (sequence != null) {
            a.put("sequenceNumber", sequence);
        }
        a.put("uri", "https://case.example.org/uri/" + identifier);
        a.putObject("originNodeURI")
                .put("title", originTitle)
                .put("identifier", origin)
                .put("uri", "https://case.example.org/uri/" + origin);
        a.putObject("destinationNodeURI")
                .put("title", destinationTitle)
                .put("identifier", destination)
                .put("uri", "https://case.example.org/uri/" + destination);
        a.put("lastChangeDateTime", "2025-06-01T12:00:00Z");
    }
}
