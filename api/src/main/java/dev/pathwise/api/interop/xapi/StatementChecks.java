package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.engine.spelling.Suggestions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The violations found in one statement so far, and the typed checks every part of the validator shares: allowed
 * keys (exact case), no nulls, strings where strings are required, formatted strings, language maps, extensions.
 */
final class StatementChecks {

    /** One broken rule: where ({@code result.score.scaled}), which rule, what is wrong and how to fix it. */
    record Violation(String path, String rule, String section, Object value, String message) {}

    /** Enough to name every problem of a hostile statement without answering with megabytes. */
    private static final int LIMIT = 50;

    private final List<Violation> violations = new ArrayList<>();

    List<Violation> violations() {
        return violations;
    }

    void add(String path, String rule, String section, Object value, String message) {
        if (violations.size() < LIMIT) {
            violations.add(new Violation(path, rule, section, value, path + ": " + message));
        }
    }

    static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Every key must be one the specification allows here, in its exact case, and no value may be null. */
    void keys(JsonNode object, String path, Set<String> allowed, String what, String section) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (!allowed.contains(key)) {
                String sameCase = allowed.stream()
                        .filter(k -> k.equalsIgnoreCase(key))
                        .findFirst()
                        .orElse(null);
                String hint = sameCase != null
                        ? " Keys are case-sensitive: write '" + sameCase + "'."
                        : Suggestions.idHint(key, allowed);
                add(
                        at(path, key),
                        "no-unknown-properties",
                        "Data 2.2.s4.b1.b7",
                        key,
                        "'" + key + "' is not a" + " property of " + what + "; it may have "
                                + allowed.stream().sorted().toList() + "." + hint);
            } else if (field.getValue().isNull()) {
                add(
                        at(path, key),
                        "no-null-values",
                        "Data 2.2.s4.b1.b1",
                        null,
                        "is null; leave the property out" + " instead (null is allowed only as an extension value)");
            }
        }
    }

    /** True when the node is a JSON object; else a violation naming what was expected. */
    boolean object(JsonNode node, String path, String what, String section) {
        if (node.isObject()) {
            return true;
        }
        add(
                path,
                "type-object",
                section,
                shownValue(node),
                "is " + describe(node) + "; it must be " + what + " (a JSON object)");
        return false;
    }

    /** The text of a string member, or null (with a violation if present but not a string). */
    String string(JsonNode parent, String key, String path, String section) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            add(
                    at(path, key),
                    "type-string",
                    section,
                    shownValue(value),
                    "is " + describe(value) + "; it must be a string");
            return null;
        }
        return value.textValue();
    }

    /** A required string member: missing is a violation. */
    String requiredString(JsonNode parent, String key, String path, String section, String missing) {
        if (!parent.has(key)) {
            add(at(path, key), "required-property", section, null, "is missing; " + missing);
            return null;
        }
        return string(parent, key, path, section);
    }

    /** A string member in a format ({@link XapiFormats}); returns the text when present and well formed. */
    String formatted(
            JsonNode parent, String key, String path, String rule, String section, Function<String, String> format) {
        String text = string(parent, key, path, section);
        if (text == null) {
            return null;
        }
        String wrong = format.apply(text);
        if (wrong != null) {
            add(at(path, key), rule, section, XapiFormats.shown(text), wrong);
            return null;
        }
        return text;
    }

    Boolean bool(JsonNode parent, String key, String path, String section) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            add(
                    at(path, key),
                    "type-boolean",
                    section,
                    shownValue(value),
                    "is " + describe(value) + "; it must be" + " true or false (not a string)");
            return null;
        }
        return value.booleanValue();
    }

    Double number(JsonNode parent, String key, String path, String section) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            add(
                    at(path, key),
                    "type-number",
                    section,
                    shownValue(value),
                    "is " + describe(value) + "; it must be" + " a number (not a string)");
            return null;
        }
        return value.doubleValue();
    }

    /** A language map: keys RFC 5646 tags, values strings. */
    void languageMap(JsonNode parent, String key, String path, String section) {
        JsonNode map = parent.get(key);
        if (map == null || map.isNull()) {
            return;
        }
        String here = at(path, key);
        if (!object(map, here, "a language map such as {\"en-US\": \"passed\"}", "Data 4.2")) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String tag = entry.getKey();
            String wrong = XapiFormats.languageTag(tag);
            if (wrong != null) {
                add(here + "." + tag, "language-tag", "Data 4.2", tag, wrong);
            } else if (!entry.getValue().isTextual()) {
                add(
                        here + "." + tag,
                        entry.getValue().isNull() ? "no-null-values" : "type-string",
                        "Data 4.2",
                        shownValue(entry.getValue()),
                        "is " + describe(entry.getValue()) + "; a language map holds" + " strings");
            }
        }
    }

    /** An extensions map: keys IRIs, any value (null included). */
    void extensions(JsonNode parent, String path) {
        JsonNode map = parent.get("extensions");
        if (map == null || map.isNull()) {
            return;
        }
        String here = at(path, "extensions");
        if (!object(map, here, "an extensions map keyed by IRIs", "Data 4.1")) {
            return;
        }
        map.fieldNames().forEachRemaining(key -> {
            String wrong = XapiFormats.iri(key);
            if (wrong != null) {
                add(
                        here + "[" + key + "]",
                        "extension-key-iri",
                        "Data 4.1.s3.b1",
                        XapiFormats.shown(key),
                        "the" + " keys of an extensions map must be IRIs: " + wrong);
            }
        });
    }

    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the string \"" + XapiFormats.shown(node.textValue()) + "\"";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return "the boolean " + node.asText();
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }

    static Object shownValue(JsonNode node) {
        if (node.isTextual()) {
            return XapiFormats.shown(node.textValue());
        }
        return node.isValueNode() ? node.asText() : null;
    }
}
