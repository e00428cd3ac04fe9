package dev.pathwise.api.interop.casestandards;

import java.util.List;

/**
 * A CASE {@code CFPackage} as read from JSON: only what Pathwise uses. Every record keeps the position it had in the
 * package, so problems can name it.
 */
record CasePackage(Document document, List<Item> items, List<Association> associations) {

    static final String IS_CHILD_OF = "isChildOf";
    static final String PRECEDES = "precedes";

    /** The {@code CFDocument}: the framework as a whole. */
    record Document(String identifier, String uri, String title) {
    }

    /** One {@code CFItem}: a standard, a cluster, a domain... at {@code CFItems[index]}. */
    record Item(int index, String identifier, String uri, String fullStatement, String abbreviatedStatement,
                String humanCodingScheme, List<String> educationLevel, String itemType) {

        /** How problems name the item: its coding scheme if it has one, and its identifier. */
        String label() {
            return humanCodingScheme == null ? "'" + identifier + "'" : "'" + humanCodingScheme + "' (" + identifier
                    + ")";
        }
    }

    /** One {@code CFAssociation} at {@code CFAssociations[index]}: origin {@code associationType} destination. */
    record Association(int index, String identifier, String associationType, String originIdentifier,
                       String originUri, String destinationIdentifier, String destinationUri,
                       Integer sequenceNumber) {

        String label() {
            return "CFAssociations[" + index + "] ('" + identifier + "', " + originIdentifier + " " + associationType
                    + " " + destinationIdentifier + ")";
        }
    }
}
