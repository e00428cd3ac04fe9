package dev.pathwise.api.interop.casestandards;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A CASE 1.0 {@code CFPackage} as read from JSON: what Pathwise uses, and every part as published ({@code body}) so
 * the package can be served back as it came. Every record keeps the position it had in the package, so problems can
 * name it by its CASE path ({@code CFItems[480].fullStatement}).
 *
 * @param definitions the {@code CFDefinitions} as published (null when absent)
 * @param rubrics     the {@code CFRubrics} as published (null when absent)
 * @param itemTypes   titles of the {@code CFItemTypes} definitions by identifier, to name an item's type
 * @param parts       how many of each definition list and of the rubrics the package has, by name
 */
record CasePackage(
        Document document,
        List<Item> items,
        List<Association> associations,
        JsonNode definitions,
        JsonNode rubrics,
        Map<String, String> itemTypes,
        Map<String, Integer> parts) {

    static final String IS_CHILD_OF = "isChildOf";
    static final String PRECEDES = "precedes";
    /** Pathwise's own ids, carried in {@code extensions} when it serves a framework, so a copy gets the same ids. */
    static final String FRAMEWORK_ID_EXTENSION = "https://pathwise.dev/case/extensions/framework-id";

    static final String COMPETENCY_ID_EXTENSION = "https://pathwise.dev/case/extensions/competency-id";

    /** The {@code CFDocument}: the framework as a whole. */
    record Document(String identifier, String uri, String title, JsonNode body) {}

    /** One {@code CFItem}: a standard, a cluster, a domain... at {@code CFItems[index]}. */
    record Item(
            int index,
            String identifier,
            String uri,
            String fullStatement,
            String abbreviatedStatement,
            String humanCodingScheme,
            List<String> educationLevel,
            String itemType,
            String competencyId,
            JsonNode body) {

        /** How problems name the item: its coding scheme if it has one, and its identifier. */
        String label() {
            return humanCodingScheme == null
                    ? "'" + identifier + "'"
                    : "'" + humanCodingScheme + "' (" + identifier + ")";
        }
    }

    /** One end of an association: a node of this package, the document, or a node elsewhere. */
    record Node(String identifier, String uri, String title) {}

    /** One {@code CFAssociation} at {@code CFAssociations[index]}: origin {@code associationType} destination. */
    record Association(
            int index,
            String identifier,
            String associationType,
            Node origin,
            Node destination,
            Integer sequenceNumber,
            JsonNode body) {

        String originIdentifier() {
            return origin.identifier();
        }

        String destinationIdentifier() {
            return destination.identifier();
        }

        String label() {
            return "CFAssociations[" + index + "] ('" + identifier + "', " + origin.identifier() + " " + associationType
                    + " " + destination.identifier() + ")";
        }
    }
}
