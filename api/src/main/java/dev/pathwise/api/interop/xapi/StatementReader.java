package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Reads the parts of a valid xAPI statement that Pathwise maps to evidence. */
final class StatementReader {

    /** The context extension that names the evidence kind: a value of {@code EvidenceKind}, such as "SUMMATIVE". */
    static final String KIND_EXTENSION = "https://pathwise.dev/xapi/extensions/evidence-kind";

    private StatementReader() {}

    /** The parts Pathwise maps, read from a statement {@link StatementValidator} found valid. */
    static Statement read(JsonNode node, ObjectMapper json) {
        String id = text(node, "id");
        if (id == null) {
            // An LRS assigns missing ids; ours is derived from the content, so sending it again is still idempotent.
            id = UUID.nameUUIDFromBytes(canonical(node, json).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
        id = id.toLowerCase(Locale.ROOT);
        JsonNode actor = node.get("actor");
        String actorType = "Group".equals(text(actor, "objectType")) ? "Group" : "Agent";
        List<String> actorKeys = actorType.equals("Agent") ? ActorKeys.of(actor) : List.of();
        String verbId = text(node.path("verb"), "id");
        JsonNode object = node.get("object");
        String objectType =
                object.hasNonNull("objectType") ? object.get("objectType").asText() : "Activity";
        String objectId = text(object, "id");
        JsonNode score = node.path("result").path("score");
        JsonNode success = node.path("result").get("success");
        String at = text(node, "timestamp");
        Instant timestamp = at == null ? null : instant(at);
        List<String> context = new ArrayList<>();
        for (String kind : List.of("parent", "grouping", "category", "other")) {
            JsonNode activities = node.path("context").path("contextActivities").path(kind);
            if (activities.isObject()) {
                addId(context, activities);
            } else {
                activities.forEach(activity -> addId(context, activity));
            }
        }
        JsonNode kind = node.path("context").path("extensions").get(KIND_EXTENSION);
        return new Statement(
                id,
                node,
                actorType,
                actorKeys,
                text(actor.path("account"), "name"),
                verbId,
                shortName(verbId),
                objectType,
                objectId,
                text(object.path("definition"), "type"),
                number(score, "scaled"),
                number(score, "raw"),
                number(score, "min"),
                number(score, "max"),
                success != null && success.isBoolean() ? success.asBoolean() : null,
                timestamp,
                context,
                kind == null || kind.isNull() ? null : kind.asText(),
                text(node.path("context"), "platform"));
    }

    /** A timestamp {@link XapiFormats#timestamp} accepted: extended or basic format, UTC when it has no offset. */
    static Instant instant(String text) {
        String t = text.replace(',', '.');
        java.util.regex.Matcher basic = BASIC.matcher(t);
        if (basic.matches()) {
            t = basic.group(1) + "-" + basic.group(2) + "-" + basic.group(3) + "T" + basic.group(4) + ":"
                    + basic.group(5) + (basic.group(6) == null ? "" : ":" + basic.group(6)) + basic.group(7);
        }
        t = t.replaceAll("([+-]\\d{2})$", "$1:00")
                .replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2")
                .replaceAll("(\\.\\d{9})\\d+", "$1");
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
        }
    }

    private static final java.util.regex.Pattern BASIC =
            java.util.regex.Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2}(?:\\.\\d+)?)?(.*)$");

    /** "http://adlnet.gov/expapi/verbs/passed" is "passed". */
    static String shortName(String iri) {
        String trimmed = iri.endsWith("/") ? iri.substring(0, iri.length() - 1) : iri;
        int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('#'));
        return trimmed.substring(cut + 1).toLowerCase(Locale.ROOT);
    }

    private static void addId(List<String> into, JsonNode activity) {
        String id = text(activity, "id");
        if (id != null) {
            into.add(id);
        }
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    static String canonical(JsonNode node, ObjectMapper json) {
        try {
            return json.writer()
                    .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(json.convertValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the statement as JSON", e);
        }
    }
}
