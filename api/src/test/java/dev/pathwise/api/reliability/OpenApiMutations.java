package dev.pathwise.api.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The second generator of the fuzz test: it reads the service's own OpenAPI document, makes an example of every
 * operation (its request body built from the body's schema, its path and query parameters from theirs), and mutates
 * each example one place at a time: every property of the body (and of the objects and lists inside it) set to null,
 * to the wrong JSON type, to hostile text (a right-to-left override, a zero-width space, a control character, 300
 * characters, a path traversal), lists given a null item, a property removed; every parameter given hostile text. An
 * operation is thus tried with everything its document says it takes, wrong in one place.
 */
final class OpenApiMutations {

    /** One request: the operation it mutates, what was mutated, and how to send it. */
    record Mutation(String operation, String what, String method, String path, byte[] body) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] HOSTILE_TEXT = {
        "ab\u202ec", "a\u200bb", "x\u0007y", "p".repeat(300), "../../etc", "\ud800", "", " "
    };
    private static final int MAX_DEPTH = 4;

    private final JsonNode document;
    private final BiFunction<String, String, String> pathValues;

    /**
     * @param pathValues a real value for a parameter of a path (path template, parameter name; null when any example
     *                   does), so that the unmutated parts of an example address something that exists
     */
    OpenApiMutations(JsonNode document, BiFunction<String, String, String> pathValues) {
        this.document = document;
        this.pathValues = pathValues;
    }

    List<Mutation> generate() {
        List<Mutation> mutations = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                    JsonNode operation = op.getValue();
                    String name = method + " " + path.getKey();
                    List<JsonNode> parameters = new ArrayList<>();
                    operation.path("parameters").forEach(parameter -> {
                        String in = parameter.path("in").asText();
                        if ((in.equals("path") || in.equals("query"))
                                && !parameter.path("name").asText().equals("caller")) {
                            parameters.add(parameter);
                        }
                    });
                    JsonNode schema = operation
                            .path("requestBody")
                            .path("content")
                            .path("application/json")
                            .path("schema");
                    JsonNode example = schema.isMissingNode() ? null : example(schema, 0);
                    mutations.add(new Mutation(
                            name, "the example", method, url(path.getKey(), parameters, null, null), bytes(example)));
                    for (JsonNode parameter : parameters) {
                        for (String hostile : HOSTILE_TEXT) {
                            if (hostile.isEmpty()
                                    && parameter.path("in").asText().equals("path")) {
                                continue;
                            }
                            mutations.add(new Mutation(
                                    name,
                                    "parameter " + parameter.path("name").asText() + " = " + shown(hostile),
                                    method,
                                    url(
                                            path.getKey(),
                                            parameters,
                                            parameter.path("name").asText(),
                                            hostile),
                                    bytes(example)));
                        }
                    }
                    if (example != null) {
                        String url = url(path.getKey(), parameters, null, null);
                        for (Map.Entry<String, JsonNode> mutated : mutate(example, "body", 0)) {
                            mutations.add(new Mutation(name, mutated.getKey(), method, url, bytes(mutated.getValue())));
                        }
                    }
                }));
        return mutations;
    }

    /** An example value for a schema: an object with every property, a list of one item, a plain value. */
    private JsonNode example(JsonNode schema, int depth) {
        schema = resolve(schema);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < MAX_DEPTH) {
                    schema.path("properties")
                            .fields()
                            .forEachRemaining(
                                    property -> object.set(property.getKey(), example(property.getValue(), depth + 1)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH) {
                    array.add(example(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(7);
            }
            case "number" -> {
                return NODES.numberNode(0.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            case "string" -> {
                String format = schema.path("format").asText();
                return switch (format) {
                    case "date-time" ->
                        NODES.textNode(Instant.now().minusSeconds(3600).toString());
                    case "date" -> NODES.textNode("2026-09-01");
                    case "byte", "binary" -> NODES.textNode("UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==");
                    default -> NODES.textNode("fuzz-" + depth);
                };
            }
            default -> {
                return NODES.objectNode();
            }
        }
    }

    /** The example with one place changed, for every place: each with a line saying what was changed. */
    private List<Map.Entry<String, JsonNode>> mutate(JsonNode example, String where, int depth) {
        List<Map.Entry<String, JsonNode>> mutations = new ArrayList<>();
        for (JsonNode replacement : replacements(example)) {
            mutations.add(Map.entry(where + " = " + shown(replacement.toString()), replacement));
        }
        if (depth >= MAX_DEPTH) {
            return mutations;
        }
        if (example.isObject()) {
            Iterator<String> names = example.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                ObjectNode without = example.deepCopy();
                without.remove(name);
                mutations.add(Map.entry(where + "." + name + " left out", without));
                for (Map.Entry<String, JsonNode> inner : mutate(example.get(name), where + "." + name, depth + 1)) {
                    ObjectNode changed = example.deepCopy();
                    changed.set(name, inner.getValue());
                    mutations.add(Map.entry(inner.getKey(), changed));
                }
            }
        } else if (example.isArray() && !example.isEmpty()) {
            ArrayNode withNull = example.deepCopy();
            withNull.addNull();
            mutations.add(Map.entry(where + "[] with a null item", withNull));
            for (Map.Entry<String, JsonNode> inner : mutate(example.get(0), where + "[0]", depth + 1)) {
                ArrayNode changed = example.deepCopy();
                changed.set(0, inner.getValue());
                mutations.add(Map.entry(inner.getKey(), changed));
            }
        }
        return mutations;
    }

    /** What a value is replaced with: null, the other JSON types, hostile text. */
    private static List<JsonNode> replacements(JsonNode value) {
        List<JsonNode> replacements = new ArrayList<>();
        replacements.add(NODES.nullNode());
        if (!value.isObject()) {
            replacements.add(NODES.objectNode());
        }
        if (!value.isArray()) {
            ArrayNode nulls = NODES.arrayNode();
            nulls.addNull();
            replacements.add(nulls);
        }
        if (!value.isNumber()) {
            replacements.add(NODES.numberNode(-1e308));
        }
        if (!value.isBoolean()) {
            replacements.add(NODES.booleanNode(false));
        }
        for (String hostile : HOSTILE_TEXT) {
            replacements.add(NODES.textNode(hostile));
        }
        return replacements;
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref != null && ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        if (schema.has("allOf")) {
            return resolve(schema.get("allOf").get(0));
        }
        if (schema.has("oneOf")) {
            return resolve(schema.get("oneOf").get(0));
        }
        return schema;
    }

    /** The path with its parameters filled in: real values, or {@code hostile} for the one named {@code mutated}. */
    private String url(String template, List<JsonNode> parameters, String mutated, String hostile) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            String real = pathValues.apply(template, name);
            String value = name.equals(mutated)
                    ? hostile
                    : real != null ? real : example(parameter.path("schema"), 0).asText();
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            if (parameter.path("in").asText().equals("path")) {
                path = path.replace("{" + name + "}", encoded);
            } else {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(encoded);
            }
        }
        return path + query;
    }

    private static byte[] bytes(JsonNode body) {
        return body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String shown(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
