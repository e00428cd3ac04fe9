package dev.pathwise.api.interop.xapi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads xAPI statements; a statement that is not one is refused with the field at fault. */
final class StatementReader {

    /** The context extension that names the evidence kind: a value of {@code EvidenceKind}, such as "SUMMATIVE". */
    static final String KIND_EXTENSION = "https://pathwise.dev/xapi/extensions/evidence-kind";

    private StatementReader() {
    }

    /** A statement that cannot be read, with the field at fault. */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;

        Unreadable(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }
    }

    /**
     * @throws Unreadable when the actor, verb or object is missing or the timestamp is not ISO 8601
     */
    static Statement read(JsonNode node, ObjectMapper json) {
        if (node == null || !node.isObject()) {
            throw new Unreadable("statement", "a statement is a JSON object with actor, verb and object");
        }
        String id = text(node, "id");
        if (id == null) {
            // An LRS assigns missing ids; ours is derived from the content, so sending it again is still idempotent.
            id = UUID.nameUUIDFromBytes(canonical(node, json).getBytes(StandardCharsets.UTF_8)).toString();
        }
        JsonNode actor = node.get("actor");
        if (actor == null || !actor.isObject()) {
            throw new Unreadable("actor", "is missing; send an Agent with an account or an mbox");
        }
        List<String> actorKeys = ActorKeys.of(actor);
        if (actorKeys.isEmpty()) {
            throw new Unreadable("actor", "has no account, mbox, mbox_sha1sum or openid to identify the learner");
        }
        String verbId = text(node.path("verb"), "id");
        if (verbId == null) {
            throw new Unreadable("verb.id", "is missing; send a verb IRI such as http://adlnet.gov/expapi/verbs/passed");
        }
        JsonNode object = node.get("object");
        String objectId = object == null ? null : text(object, "id");
        if (objectId == null) {
            throw new Unreadable("object.id", "is missing; send the activity IRI (or the statement id for voided)");
        }
        String objectType = object.hasNonNull("objectType") ? object.get("objectType").asText() : "Activity";
        JsonNode score = node.path("result").path("score");
        JsonNode success = node.path("result").get("success");
        Instant timestamp = null;
        String at = text(node, "timestamp");
        if (at != null) {
            try {
                timestamp = OffsetDateTime.parse(at).toInstant();
            } catch (DateTimeParseException e) {
                throw new Unreadable("timestamp", "'" + at + "' is not an ISO 8601 time such as"
                        + " 2026-11-23T10:15:00Z");
            }
        }
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
        return new Statement(id, node, actorKeys, text(actor.path("account"), "name"), verbId, shortName(verbId),
                objectType, objectId, text(object.path("definition"), "type"), number(score, "scaled"),
                number(score, "raw"), number(score, "min"), number(score, "max"),
                success != null && success.isBoolean() ? success.asBoolean() : null, timestamp, context,
                kind == null || kind.isNull() ? null : kind.asText(), text(node.path("context"), "platform"));
    }

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
            return json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(json.convertValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the statement as JSON", e);
        }
    }
}
