package dev.pathwise.api.interop.casestandards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pathwise.api.problem.ApiProblem;

/**
 * Reads a CASE {@code CFPackage} from JSON (bare or wrapped in {@code {"CFPackage": ...}}), checking what CASE
 * requires of the parts Pathwise uses: identifiers everywhere, a full statement on every item, both ends of every
 * association. Every problem is found before the package is refused, each naming the item or association.
 */
final class CasePackageReader {

    private final List<Problem> problems = new ArrayList<>();

    private CasePackageReader() {
    }

    /** One thing wrong with a package: where (a JSON path), the value at fault and what to do. */
    record Problem(String field, Object value, String message) {
    }

    /** @throws ApiProblem 400 {@code invalid-case-package} listing every problem */
    static CasePackage read(JsonNode body) {
        CasePackageReader reader = new CasePackageReader();
        CasePackage read = reader.parse(body);
        refuseIf(reader.problems);
        return read;
    }

    /** Throws the 400 for these problems, if any: field and value of the first, every message in {@code errors}. */
    static void refuseIf(List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        Problem first = problems.get(0);
        String detail = problems.size() == 1 ? first.message()
                : problems.size() + " problems in the CASE package; the first: " + first.message();
        throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-case-package", first.field(), first.value(), detail,
                problems.stream().map(Problem::message).toList());
    }

    private CasePackage parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalid("body", null, "body: send a CASE CFPackage as a JSON object with CFDocument,"
                    + " CFItems and CFAssociations");
        }
        JsonNode root = body.has("CFPackage") ? body.get("CFPackage") : body;
        JsonNode documentNode = root.get("CFDocument");
        CasePackage.Document document = null;
        if (documentNode == null || !documentNode.isObject()) {
            problems.add(new Problem("CFDocument", null, "CFDocument: is missing; a CFPackage needs its CFDocument"
                    + " (identifier, uri, title)"));
        } else {
            String identifier = text(documentNode, "identifier");
            if (identifier == null) {
                problems.add(new Problem("CFDocument.identifier", text(documentNode, "title"),
                        "CFDocument.identifier: is missing for the document titled '" + text(documentNode, "title")
                                + "'; every CASE object needs an identifier (a UUID)"));
            }
            String title = text(documentNode, "title");
            document = new CasePackage.Document(identifier, text(documentNode, "uri"),
                    title == null ? identifier : title);
        }
        List<CasePackage.Item> items = items(root.get("CFItems"));
        List<CasePackage.Association> associations = associations(root.get("CFAssociations"));
        return new CasePackage(document, items, associations);
    }

    private List<CasePackage.Item> items(JsonNode array) {
        List<CasePackage.Item> items = new ArrayList<>();
        if (array == null || !array.isArray()) {
            problems.add(new Problem("CFItems", null, "CFItems: is missing; send the items as a JSON array"));
            return items;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String at = "CFItems[" + i + "]";
            String identifier = text(node, "identifier");
            String code = text(node, "humanCodingScheme");
            String statement = text(node, "fullStatement");
            if (identifier == null) {
                Object shown = code != null ? code : statement;
                problems.add(new Problem(at + ".identifier", shown, at + ".identifier: is missing for the item "
                        + (code != null ? "coded '" + code + "'" : "'" + abbreviate(statement) + "'")
                        + "; every CFItem needs an identifier (a UUID)"));
                continue;
            }
            Integer earlier = seen.putIfAbsent(identifier, i);
            if (earlier != null) {
                problems.add(new Problem(at + ".identifier", identifier, at + ".identifier: '" + identifier
                        + "' is already the identifier of CFItems[" + earlier + "]; identifiers are unique"));
                continue;
            }
            if (statement == null) {
                problems.add(new Problem(at + ".fullStatement", identifier, at + ".fullStatement: is missing for item "
                        + (code == null ? "'" + identifier + "'" : "'" + code + "' (" + identifier + ")")
                        + "; CASE requires the full statement of every item"));
            }
            List<String> levels = new ArrayList<>();
            node.path("educationLevel").forEach(level -> levels.add(level.asText()));
            String type = text(node, "CFItemType");
            items.add(new CasePackage.Item(i, identifier, text(node, "uri"), statement,
                    text(node, "abbreviatedStatement"), code, levels, type));
        }
        return items;
    }

    private List<CasePackage.Association> associations(JsonNode array) {
        List<CasePackage.Association> associations = new ArrayList<>();
        if (array == null) {
            return associations;
        }
        if (!array.isArray()) {
            problems.add(new Problem("CFAssociations", null, "CFAssociations: send the associations as a JSON array"));
            return associations;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String at = "CFAssociations[" + i + "]";
            String identifier = text(node, "identifier");
            String type = text(node, "associationType");
            String origin = text(node.path("originNodeURI"), "identifier");
            String destination = text(node.path("destinationNodeURI"), "identifier");
            if (identifier == null) {
                problems.add(new Problem(at + ".identifier", null, at + ".identifier: is missing for the association "
                        + origin + " " + type + " " + destination + "; every CFAssociation needs an identifier"));
                continue;
            }
            Integer earlier = seen.putIfAbsent(identifier, i);
            if (earlier != null) {
                problems.add(new Problem(at + ".identifier", identifier, at + ".identifier: '" + identifier
                        + "' is already the identifier of CFAssociations[" + earlier + "]; identifiers are unique"));
                continue;
            }
            if (type == null) {
                problems.add(new Problem(at + ".associationType", identifier, at + ".associationType: is missing for"
                        + " association '" + identifier + "'; use isChildOf, precedes, isRelatedTo, ..."));
                continue;
            }
            if (origin == null || destination == null) {
                String end = origin == null ? "originNodeURI" : "destinationNodeURI";
                problems.add(new Problem(at + "." + end + ".identifier", identifier, at + "." + end
                        + ".identifier: is missing for association '" + identifier + "' (" + type
                        + "); both ends of an association need an identifier"));
                continue;
            }
            JsonNode sequence = node.get("sequenceNumber");
            associations.add(new CasePackage.Association(i, identifier, type, origin,
                    text(node.path("originNodeURI"), "uri"), destination, text(node.path("destinationNodeURI"), "uri"),
                    sequence != null && sequence.canConvertToInt() ? sequence.asInt() : null));
        }
        return associations;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "(no statement)";
        }
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
