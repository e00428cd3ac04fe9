package dev.pathwise.api.interop.casestandards;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.framework.FrameworkService;
import dev.pathwise.api.problem.ApiProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Reads a CASE 1.0 {@code CFPackage} from JSON (bare or wrapped in {@code {"CFPackage": ...}}) as servers publish it:
 * strict on identifiers and references (every CFItem and CFAssociation has a unique identifier, every item a full
 * statement, every association two ends), lenient on the rest (statements of any length, {@code educationLevel} as an
 * array or a comma-separated string, the older {@code educationalLevel} spelling, unknown properties kept as they
 * are). {@code CFDefinitions} and {@code CFRubrics} are read: item types name items, the rest is kept and counted.
 * Every problem is found before the package is refused, each named by its CASE path.
 */
final class CasePackageReader {

    static final int IDENTIFIER = 200;
    static final int URI = 1_000;
    static final int CODE = 500;
    static final List<String> DEFINITION_LISTS =
            List.of("CFConcepts", "CFSubjects", "CFLicenses", "CFItemTypes", "CFAssociationGroupings");

    private final List<Problem> problems = new ArrayList<>();

    private CasePackageReader() {}

    /** One thing wrong with a package: where (a CASE path), the value at fault and what to do. */
    record Problem(String field, Object value, String message) {}

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
        String detail = problems.size() == 1
                ? first.message()
                : problems.size() + " problems in the CASE package; the first: " + first.message();
        throw new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "invalid-case-package",
                first.field(),
                first.value(),
                detail,
                problems.stream().map(Problem::message).limit(200).toList());
    }

    private CasePackage parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalid(
                    "body",
                    null,
                    "body: send a CASE CFPackage as a JSON object with CFDocument," + " CFItems and CFAssociations");
        }
        JsonNode root = body.has("CFPackage") ? body.get("CFPackage") : body;
        if (!root.isObject()) {
            throw ApiProblem.invalid(
                    "CFPackage",
                    null,
                    "CFPackage: send the package as a JSON object with" + " CFDocument, CFItems and CFAssociations");
        }
        CasePackage.Document document = document(root.get("CFDocument"));
        Map<String, Integer> parts = new LinkedHashMap<>();
        Map<String, String> itemTypes = new HashMap<>();
        JsonNode definitions = root.get("CFDefinitions");
        if (definitions != null && !definitions.isNull()) {
            if (!definitions.isObject()) {
                problems.add(new Problem(
                        "CFDefinitions",
                        null,
                        "CFDefinitions: send the definitions as a JSON object"
                                + " (CFItemTypes, CFConcepts, CFSubjects, CFLicenses, CFAssociationGroupings)"));
            } else {
                definitionLists(definitions, "CFDefinitions.", parts, itemTypes);
            }
        }
        // Some servers publish the definition lists beside the items rather than inside CFDefinitions.
        definitionLists(root, "", parts, itemTypes);
        JsonNode rubrics = root.get("CFRubrics");
        if (rubrics != null && rubrics.isArray()) {
            parts.put("CFRubrics", rubrics.size());
        }
        List<CasePackage.Item> items = items(root.get("CFItems"), itemTypes);
        List<CasePackage.Association> associations = associations(root.get("CFAssociations"));
        return new CasePackage(
                document,
                items,
                associations,
                definitions == null || definitions.isNull() ? null : definitions,
                rubrics == null || rubrics.isNull() ? null : rubrics,
                itemTypes,
                parts);
    }

    private CasePackage.Document document(JsonNode node) {
        if (node == null || !node.isObject()) {
            problems.add(new Problem(
                    "CFDocument",
                    null,
                    "CFDocument: is missing; a CFPackage needs its CFDocument" + " (identifier, uri, title)"));
            return new CasePackage.Document(null, null, null, null);
        }
        String identifier = identifier(node, "CFDocument");
        String title = text(node, "title", "CFDocument", Integer.MAX_VALUE);
        return new CasePackage.Document(
                identifier,
                text(node, "uri", "CFDocument", URI),
                shortened(title == null ? identifier : title, 300),
                node);
    }

    private void definitionLists(
            JsonNode parent, String at, Map<String, Integer> parts, Map<String, String> itemTypes) {
        for (String list : DEFINITION_LISTS) {
            JsonNode entries = parent.get(list);
            if (entries == null || entries.isNull()) {
                continue;
            }
            if (!entries.isArray()) {
                problems.add(new Problem(at + list, null, at + list + ": send it as a JSON array"));
                continue;
            }
            parts.merge(list, entries.size(), Integer::sum);
            if (list.equals("CFItemTypes")) {
                for (JsonNode type : entries) {
                    String identifier = type.path("identifier").asText(null);
                    String title = type.path("title").asText(null);
                    if (identifier != null && title != null) {
                        itemTypes.put(identifier, title);
                    }
                }
            }
        }
    }

    /** True for the first node of the array with this identifier; a later one is a problem naming the first. */
    private boolean firstOf(Map<String, Integer> seen, String identifier, int index, String array) {
        Integer earlier = seen.putIfAbsent(identifier, index);
        if (earlier == null) {
            return true;
        }
        String at = array + "[" + index + "].identifier";
        problems.add(new Problem(
                at,
                identifier,
                at + ": '" + identifier + "' is already the identifier of " + array + "[" + earlier
                        + "]; identifiers are unique"));
        return false;
    }

    private List<CasePackage.Item> items(JsonNode array, Map<String, String> itemTypes) {
        List<CasePackage.Item> items = new ArrayList<>();
        if (array == null || !array.isArray()) {
            problems.add(new Problem("CFItems", null, "CFItems: is missing; send the items as a JSON array"));
            return items;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String at = "CFItems[" + i + "]";
            if (!node.isObject()) {
                problems.add(new Problem(at, null, at + ": is not an object; a CFItem is a JSON object"));
                continue;
            }
            String identifier = identifier(node, at);
            String code = text(node, "humanCodingScheme", at, CODE);
            String statement = text(node, "fullStatement", at, FrameworkService.STATEMENT);
            if (identifier == null) {
                continue;
            }
            if (!firstOf(seen, identifier, i, "CFItems")) {
                continue;
            }
            if (statement == null && !node.has("fullStatement")) {
                problems.add(new Problem(
                        at + ".fullStatement",
                        identifier,
                        at + ".fullStatement: is missing for item "
                                + (code == null ? "'" + identifier + "'" : "'" + code + "' (" + identifier + ")")
                                + "; CASE requires the full statement of every item"));
            }
            String type = text(node, "CFItemType", at, CODE);
            if (type == null) {
                String typeIdentifier =
                        node.path("CFItemTypeURI").path("identifier").asText(null);
                type = typeIdentifier == null
                        ? node.path("CFItemTypeURI").path("title").asText(null)
                        : itemTypes.getOrDefault(
                                typeIdentifier,
                                node.path("CFItemTypeURI").path("title").asText(null));
            }
            JsonNode pathwiseId = node.path("extensions").get(CasePackage.COMPETENCY_ID_EXTENSION);
            items.add(new CasePackage.Item(
                    i,
                    identifier,
                    text(node, "uri", at, URI),
                    statement == null ? "" : statement,
                    text(node, "abbreviatedStatement", at, Integer.MAX_VALUE),
                    code,
                    educationLevels(node, at),
                    type == null ? null : shortened(type, CODE),
                    pathwiseId != null && pathwiseId.isTextual() ? pathwiseId.textValue() : null,
                    node));
        }
        return items;
    }

    /** {@code educationLevel} (CASE 1.0) or {@code educationalLevel} (older packages): an array or "09,10". */
    private List<String> educationLevels(JsonNode item, String at) {
        String field = item.has("educationLevel") ? "educationLevel" : "educationalLevel";
        JsonNode levels = item.get(field);
        List<String> read = new ArrayList<>();
        if (levels == null || levels.isNull()) {
            return read;
        }
        if (levels.isTextual()) {
            for (String level : levels.textValue().split(",")) {
                if (!level.isBlank()) {
                    read.add(level.strip());
                }
            }
        } else if (levels.isArray()) {
            levels.forEach(level -> {
                if (level.isValueNode() && !level.asText().isBlank()) {
                    read.add(level.asText().strip());
                }
            });
        } else {
            problems.add(new Problem(
                    at + "." + field,
                    null,
                    at + "." + field + ": send the levels as an array of" + " strings such as [\"KG\", \"01\"]"));
        }
        return read;
    }

    private List<CasePackage.Association> associations(JsonNode array) {
        List<CasePackage.Association> associations = new ArrayList<>();
        if (array == null || array.isNull()) {
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
            if (!node.isObject()) {
                problems.add(new Problem(at, null, at + ": is not an object; a CFAssociation is a JSON object"));
                continue;
            }
            String identifier = identifier(node, at);
            String type = text(node, "associationType", at, 100);
            CasePackage.Node origin = end(node, "originNodeURI", at);
            CasePackage.Node destination = end(node, "destinationNodeURI", at);
            if (identifier == null) {
                continue;
            }
            if (!firstOf(seen, identifier, i, "CFAssociations")) {
                continue;
            }
            if (type == null) {
                if (!node.has("associationType")) {
                    problems.add(new Problem(
                            at + ".associationType",
                            identifier,
                            at + ".associationType: is missing" + " for association '" + identifier
                                    + "'; use isChildOf, precedes, isRelatedTo, ..."));
                }
                continue;
            }
            if (origin == null || destination == null) {
                continue;
            }
            JsonNode sequence = node.get("sequenceNumber");
            associations.add(new CasePackage.Association(
                    i,
                    identifier,
                    type,
                    origin,
                    destination,
                    sequence != null && sequence.canConvertToInt() ? sequence.asInt() : null,
                    node));
        }
        return associations;
    }

    private CasePackage.Node end(JsonNode association, String field, String at) {
        JsonNode node = association.get(field);
        String here = at + "." + field;
        if (node == null || !node.isObject()) {
            problems.add(new Problem(
                    here,
                    null,
                    here + ": is missing; both ends of an association are given as" + " {identifier, uri, title}"));
            return null;
        }
        String identifier = identifier(node, here);
        return identifier == null
                ? null
                : new CasePackage.Node(
                        identifier, text(node, "uri", here, URI), text(node, "title", here, Integer.MAX_VALUE));
    }

    /** A required identifier: a string of at most {@value #IDENTIFIER} characters, no control characters. */
    private String identifier(JsonNode node, String at) {
        String field = at + ".identifier";
        JsonNode value = node.get("identifier");
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.textValue().isBlank())) {
            Object shown =
                    node.path("humanCodingScheme").asText(node.path("title").asText(null));
            problems.add(new Problem(
                    field,
                    shown,
                    field + ": is missing" + (shown == null ? "" : " for '" + shown + "'")
                            + "; every CASE object needs an identifier (a UUID)"));
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new Problem(
                    field, value.asText(), field + ": is not a string; a CASE identifier is a" + " UUID string"));
            return null;
        }
        String identifier = value.textValue().strip();
        if (identifier.length() > IDENTIFIER) {
            problems.add(new Problem(
                    field,
                    identifier.substring(0, 60) + "...",
                    field + ": " + identifier.length() + " characters is longer than the limit of " + IDENTIFIER
                            + " for an identifier"));
            return null;
        }
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                problems.add(new Problem(
                        field,
                        identifier,
                        field + ": holds an invisible character (U+" + String.format("%04X", (int) c) + " at position "
                                + i + "); an identifier is a UUID"));
                return null;
            }
        }
        return identifier;
    }

    /** An optional string member; a number or object where CASE has a string is a problem, a long one too. */
    private String text(JsonNode node, String field, String at, int max) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(new Problem(
                    at + "." + field,
                    value.isValueNode() ? value.asText() : null,
                    at + "." + field + ": is not a string; CASE gives " + field + " as a string"));
            return null;
        }
        String text = value.textValue().strip();
        if (text.length() > max) {
            problems.add(new Problem(
                    at + "." + field,
                    text.substring(0, 60) + "...",
                    at + "." + field + ": " + text.length() + " characters is longer than the limit of " + max));
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    /** A text cut for display, with an ellipsis; the full text is kept elsewhere. */
    static String shortened(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1).stripTrailing() + "\u2026";
    }
}
