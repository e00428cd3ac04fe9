package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.interop.xapi.StatementChecks.Violation;
import java.util.List;
import java.util.Set;

/**
 * Validates a statement as an LRS does, against every requirement of the xAPI 1.0.3 Data section: the properties a
 * statement and each of its parts may have (exact case, no nulls outside extensions, no unknown properties), the
 * actor and its identifiers, the verb, the five kinds of object (Activity, Agent, Group, StatementRef, SubStatement),
 * the result and its score, the context and its Activity-only properties, timestamps, durations, UUIDs, IRIs,
 * language maps, extensions, attachments, version and authority. Every violation is returned, each with its path.
 *
 * <p>It stays one class on purpose: it follows the Data section of the specification part by part, in its order, so
 * that each check sits beside its neighbours and can be read against the text it cites.
 */
final class StatementValidator {

    static final String VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided";
    private static final Set<String> STATEMENT_KEYS = Set.of(
            "id",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "stored",
            "authority",
            "version",
            "attachments");
    private static final Set<String> SUBSTATEMENT_KEYS =
            Set.of("objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments");
    private static final Set<String> VERB_KEYS = Set.of("id", "display");
    private static final Set<String> STATEMENT_REF_KEYS = Set.of("objectType", "id");
    private static final Set<String> RESULT_KEYS =
            Set.of("score", "success", "completion", "response", "duration", "extensions");
    private static final Set<String> SCORE_KEYS = Set.of("scaled", "raw", "min", "max");
    private static final Set<String> CONTEXT_KEYS = Set.of(
            "registration",
            "instructor",
            "team",
            "contextActivities",
            "revision",
            "platform",
            "language",
            "statement",
            "extensions");
    private static final Set<String> CONTEXT_ACTIVITY_KEYS = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> ATTACHMENT_KEYS =
            Set.of("usageType", "display", "description", "contentType", "length", "sha2", "fileUrl");
    private static final List<String> OBJECT_TYPES =
            List.of("Activity", "Agent", "Group", "StatementRef", "SubStatement");

    private final StatementChecks checks = new StatementChecks();
    private final AgentRules agents = new AgentRules(checks);
    private final ActivityRules activities = new ActivityRules(checks);

    private StatementValidator() {}

    /** Every violation of the statement, paths relative to it ({@code result.score.scaled}); empty when valid. */
    static List<Violation> validate(JsonNode statement) {
        StatementValidator validator = new StatementValidator();
        validator.statement(statement, "", false);
        return validator.checks.violations();
    }

    private void statement(JsonNode node, String path, boolean sub) {
        String what = sub ? "a SubStatement" : "a statement";
        if (!checks.object(
                node, path.isEmpty() ? "statement" : path, what + " {actor, verb, object, ...}", "Data 2.4")) {
            return;
        }
        checks.keys(
                node, path, sub ? SUBSTATEMENT_KEYS : STATEMENT_KEYS, what, sub ? "Data 2.4.4.3.s8.b3" : "Data 2.4");
        if (!sub) {
            checks.formatted(node, "id", path, "statement-id-uuid", "Data 2.4.1", XapiFormats::uuid);
            checks.formatted(node, "stored", path, "timestamp-iso8601", "Data 2.4.8", XapiFormats::timestamp);
            String version = checks.string(node, "version", path, "Data 2.4.10");
            if (version != null && !version.matches("1\\.0(\\.\\d+)?")) {
                checks.add(
                        StatementChecks.at(path, "version"),
                        "version-1.0.x",
                        "Data 2.4.10.s3.b2",
                        version,
                        "'"
                                + version
                                + "' is not 1.0 or a 1.0.x version; this LRS takes xAPI 1.0.x statements (or leave"
                                + " version out)");
            }
            JsonNode authority = node.get("authority");
            if (authority != null && !authority.isNull()) {
                agents.agentOrGroup(authority, StatementChecks.at(path, "authority"), AgentRules.Role.AUTHORITY);
            }
        }
        required(
                node,
                path,
                "actor",
                "send the Agent who did it, such as {\"account\": {\"homePage\":"
                        + " \"https://lms.example.org\", \"name\": \"nia\"}}");
        required(node, path, "verb", "send the verb, such as {\"id\": \"http://adlnet.gov/expapi/verbs/passed\"}");
        required(node, path, "object", "send what was acted on, such as {\"id\": \"https://lms.example.org/quiz\"}");
        if (node.hasNonNull("actor")) {
            agents.agentOrGroup(node.get("actor"), StatementChecks.at(path, "actor"), AgentRules.Role.ACTOR);
        }
        String verb = node.hasNonNull("verb") ? verb(node.get("verb"), StatementChecks.at(path, "verb")) : null;
        String objectType =
                node.hasNonNull("object") ? object(node.get("object"), StatementChecks.at(path, "object"), sub) : null;
        if (VOIDED_VERB.equals(verb) && objectType != null && !objectType.equals("StatementRef")) {
            checks.add(
                    StatementChecks.at(path, "object.objectType"),
                    "voiding-statement-ref",
                    "Data 2.3.2.s2.b1",
                    objectType,
                    "a statement with the verb voided names the statement it voids: its object must be"
                            + " {\"objectType\": \"StatementRef\", \"id\": <statement id>}");
        }
        if (node.hasNonNull("result")) {
            result(node.get("result"), StatementChecks.at(path, "result"));
        }
        if (node.hasNonNull("context")) {
            context(node.get("context"), StatementChecks.at(path, "context"), objectType);
        }
        checks.formatted(node, "timestamp", path, "timestamp-iso8601", "Data 2.4.7", XapiFormats::timestamp);
        if (node.hasNonNull("attachments")) {
            attachments(node.get("attachments"), StatementChecks.at(path, "attachments"));
        }
    }

    private void required(JsonNode node, String path, String key, String how) {
        if (!node.has(key)) {
            checks.add(
                    StatementChecks.at(path, key), "required-property", "Data 2.2.s2.b3", null, "is missing; " + how);
        }
    }

    /** @return the verb IRI when it is well formed */
    private String verb(JsonNode node, String path) {
        if (!checks.object(node, path, "a verb {id, display}", "Data 2.4.3")) {
            return null;
        }
        checks.keys(node, path, VERB_KEYS, "a verb", "Data 2.4.3");
        checks.languageMap(node, "display", path, "Data 2.4.3.s3.table1.row2");
        if (!node.has("id")) {
            checks.add(
                    StatementChecks.at(path, "id"),
                    "verb-id-required",
                    "Data 2.4.3.s3.table1.row1",
                    null,
                    "is missing; a verb is its IRI, such as http://adlnet.gov/expapi/verbs/passed");
            return null;
        }
        return checks.formatted(node, "id", path, "verb-id-iri", "Data 2.4.3.s3.table1.row1", XapiFormats::iri);
    }

    /** @return the object's type (Activity when not given), or null when it is not readable */
    private String object(JsonNode node, String path, boolean sub) {
        if (!checks.object(node, path, "an Activity, Agent, Group, StatementRef or SubStatement", "Data 2.4.4")) {
            return null;
        }
        JsonNode typeNode = node.get("objectType");
        String type = typeNode == null ? "Activity" : checks.string(node, "objectType", path, "Data 2.4.4");
        if (type == null) {
            return null;
        }
        switch (type) {
            case "Activity" -> activities.activity(node, path);
            case "Agent", "Group" -> agents.agentOrGroup(node, path, AgentRules.Role.OBJECT);
            case "StatementRef" -> statementRef(node, path);
            case "SubStatement" -> {
                if (sub) {
                    checks.add(
                            StatementChecks.at(path, "objectType"),
                            "substatement-not-nested",
                            "Data 2.4.4.3.s8.b4",
                            type,
                            "a SubStatement may not contain a SubStatement");
                } else {
                    statement(node, path, true);
                }
            }
            default -> {
                checks.add(
                        StatementChecks.at(path, "objectType"),
                        "object-type-enum",
                        "Data 2.4.4.s2",
                        type,
                        "'" + type + "' is not an objectType; use one of " + OBJECT_TYPES
                                + " exactly (the case matters)");
                return null;
            }
        }
        return type;
    }

    private void statementRef(JsonNode node, String path) {
        checks.keys(node, path, STATEMENT_REF_KEYS, "a StatementRef", "Data 2.4.4.3.s4");
        if (!node.has("id")) {
            checks.add(
                    StatementChecks.at(path, "id"),
                    "statement-ref-id",
                    "Data 2.4.4.3.s4.b2",
                    null,
                    "is missing; a" + " StatementRef names a statement by its UUID");
        } else {
            checks.formatted(node, "id", path, "statement-ref-id", "Data 2.4.4.3.s4.b2", XapiFormats::uuid);
        }
    }

    private void result(JsonNode node, String path) {
        if (!checks.object(node, path, "a result {score, success, completion, ...}", "Data 2.4.5")) {
            return;
        }
        checks.keys(node, path, RESULT_KEYS, "a result", "Data 2.4.5");
        checks.bool(node, "success", path, "Data 2.4.5.s2.table1.row2");
        checks.bool(node, "completion", path, "Data 2.4.5.s2.table1.row3");
        checks.string(node, "response", path, "Data 2.4.5.s2.table1.row4");
        checks.formatted(node, "duration", path, "duration-iso8601", "Data 4.6", XapiFormats::duration);
        checks.extensions(node, path);
        JsonNode score = node.get("score");
        if (score != null && !score.isNull()) {
            score(score, StatementChecks.at(path, "score"));
        }
    }

    private void score(JsonNode node, String path) {
        if (!checks.object(node, path, "a score {scaled, raw, min, max}", "Data 2.4.5.1")) {
            return;
        }
        checks.keys(node, path, SCORE_KEYS, "a score", "Data 2.4.5.1");
        Double scaled = checks.number(node, "scaled", path, "Data 2.4.5.1");
        Double raw = checks.number(node, "raw", path, "Data 2.4.5.1");
        Double min = checks.number(node, "min", path, "Data 2.4.5.1");
        Double max = checks.number(node, "max", path, "Data 2.4.5.1");
        if (scaled != null && (scaled < -1 || scaled > 1)) {
            checks.add(
                    StatementChecks.at(path, "scaled"),
                    "score-scaled-range",
                    "Data 2.4.5.1.s2.table1.row1",
                    scaled,
                    scaled + " is outside -1..1; scaled is a decimal between -1 and 1 inclusive");
        }
        if (min != null && max != null && min >= max) {
            checks.add(
                    StatementChecks.at(path, "min"),
                    "score-min-below-max",
                    "Data 2.4.5.1.s2.table1.row3",
                    min,
                    "min " + min + " is not less than max " + max + "; min must be less than max");
        }
        if (raw != null && min != null && raw < min) {
            checks.add(
                    StatementChecks.at(path, "raw"),
                    "score-raw-within-min-max",
                    "Data 2.4.5.1.s2.table1.row2",
                    raw,
                    "raw " + raw + " is below min " + min + "; raw lies between min and max inclusive");
        }
        if (raw != null && max != null && raw > max) {
            checks.add(
                    StatementChecks.at(path, "raw"),
                    "score-raw-within-min-max",
                    "Data 2.4.5.1.s2.table1.row2",
                    raw,
                    "raw " + raw + " is above max " + max + "; raw lies between min and max inclusive");
        }
    }

    private void context(JsonNode node, String path, String objectType) {
        if (!checks.object(node, path, "a context {registration, contextActivities, ...}", "Data 2.4.6")) {
            return;
        }
        checks.keys(node, path, CONTEXT_KEYS, "a context", "Data 2.4.6");
        checks.formatted(
                node, "registration", path, "registration-uuid", "Data 2.4.6.s3.table1.row1", XapiFormats::uuid);
        if (node.hasNonNull("instructor")) {
            agents.agentOrGroup(
                    node.get("instructor"), StatementChecks.at(path, "instructor"), AgentRules.Role.INSTRUCTOR);
        }
        if (node.hasNonNull("team")) {
            agents.agentOrGroup(node.get("team"), StatementChecks.at(path, "team"), AgentRules.Role.TEAM);
        }
        String revision = checks.string(node, "revision", path, "Data 2.4.6.s3.table1.row5");
        String platform = checks.string(node, "platform", path, "Data 2.4.6.s3.table1.row6");
        boolean activity = objectType == null || objectType.equals("Activity");
        if (revision != null && !activity) {
            checks.add(
                    StatementChecks.at(path, "revision"),
                    "context-revision-activity-only",
                    "Data 2.4.6.s4.b1",
                    revision,
                    "revision may be used only when the statement's object is an Activity; this object is" + " a "
                            + objectType);
        }
        if (platform != null && !activity) {
            checks.add(
                    StatementChecks.at(path, "platform"),
                    "context-platform-activity-only",
                    "Data 2.4.6.s4.b2",
                    platform,
                    "platform may be used only when the statement's object is an Activity; this object is" + " a "
                            + objectType);
        }
        String language = checks.string(node, "language", path, "Data 2.4.6.s3.table1.row7");
        if (language != null && !language.matches("[A-Za-z0-9]+(-[A-Za-z0-9]+)*")) {
            checks.add(
                    StatementChecks.at(path, "language"),
                    "context-language-tag",
                    "Data 2.4.6.s3.table1.row7",
                    XapiFormats.shown(language),
                    "'" + XapiFormats.shown(language) + "' is not a language tag"
                            + " (subtags of letters and digits joined by '-', such as en-US)");
        }
        JsonNode statement = node.get("statement");
        if (statement != null && !statement.isNull()) {
            String here = StatementChecks.at(path, "statement");
            if (checks.object(statement, here, "a StatementRef", "Data 2.4.6.s3.table1.row8")) {
                String type = checks.string(statement, "objectType", here, "Data 2.4.6.s3.table1.row8");
                if (!"StatementRef".equals(type)) {
                    checks.add(
                            StatementChecks.at(here, "objectType"),
                            "context-statement-ref",
                            "Data 2.4.4.3.s4.b1",
                            type,
                            "context.statement is a StatementRef: it must say" + " \"objectType\": \"StatementRef\"");
                }
                statementRef(statement, here);
            }
        }
        checks.extensions(node, path);
        JsonNode contextActivities = node.get("contextActivities");
        if (contextActivities != null && !contextActivities.isNull()) {
            contextActivities(contextActivities, StatementChecks.at(path, "contextActivities"));
        }
    }

    private void contextActivities(JsonNode node, String path) {
        if (!checks.object(node, path, "a contextActivities map {parent, grouping, category, other}", "Data 2.4.6.2")) {
            return;
        }
        checks.keys(node, path, CONTEXT_ACTIVITY_KEYS, "contextActivities", "Data 2.4.6.2.s4.b1");
        if (node.isEmpty()) {
            checks.add(
                    path,
                    "context-activities-not-empty",
                    "Data 2.4.6.2.s3",
                    null,
                    "is empty; give at least one"
                            + " of parent, grouping, category or other, or leave contextActivities out");
        }
        for (String kind : CONTEXT_ACTIVITY_KEYS) {
            JsonNode value = node.get(kind);
            if (value == null || value.isNull()) {
                continue;
            }
            String here = StatementChecks.at(path, kind);
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    activities.activity(value.get(i), here + "[" + i + "]");
                }
            } else {
                activities.activity(value, here);
            }
        }
    }

    private void attachments(JsonNode node, String path) {
        if (!node.isArray()) {
            checks.add(
                    path,
                    "type-array",
                    "Data 2.4.11",
                    StatementChecks.shownValue(node),
                    "is " + StatementChecks.describe(node) + "; it must be an array of Attachment objects");
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode attachment = node.get(i);
            String here = path + "[" + i + "]";
            if (!checks.object(attachment, here, "an Attachment", "Data 2.4.11")) {
                continue;
            }
            checks.keys(attachment, here, ATTACHMENT_KEYS, "an Attachment", "Data 2.4.11.s2");
            requiredPresent(attachment, here, "usageType", "an IRI naming what the attachment is for");
            checks.formatted(
                    attachment,
                    "usageType",
                    here,
                    "attachment-usage-type-iri",
                    "Data 2.4.11.s2.table1.row1",
                    XapiFormats::iri);
            requiredPresent(attachment, here, "display", "a language map giving its title");
            checks.languageMap(attachment, "display", here, "Data 2.4.11.s2.table1.row2");
            checks.languageMap(attachment, "description", here, "Data 2.4.11.s2.table1.row3");
            requiredPresent(attachment, here, "contentType", "its Internet media type, such as application/pdf");
            checks.formatted(
                    attachment,
                    "contentType",
                    here,
                    "attachment-content-type",
                    "Data 2.4.11.s2.table1.row4",
                    XapiFormats::mediaType);
            requiredPresent(attachment, here, "length", "its length in octets");
            JsonNode length = attachment.get("length");
            if (length != null && !length.isNull() && !(length.isIntegralNumber() && length.asLong() >= 0)) {
                checks.add(
                        StatementChecks.at(here, "length"),
                        "attachment-length-integer",
                        "Data 2.4.11.s2.table1.row5",
                        StatementChecks.shownValue(length),
                        "is " + StatementChecks.describe(length) + "; it must be a whole number of octets, 0 or more");
            }
            requiredPresent(attachment, here, "sha2", "the SHA-2 hash of its data, in hex");
            checks.formatted(
                    attachment, "sha2", here, "attachment-sha2", "Data 2.4.11.s2.table1.row6", XapiFormats::sha2);
            checks.formatted(
                    attachment,
                    "fileUrl",
                    here,
                    "attachment-file-url-irl",
                    "Data 2.4.11.s2.table1.row7",
                    XapiFormats::iri);
        }
    }

    private void requiredPresent(JsonNode node, String path, String key, String what) {
        if (!node.has(key)) {
            checks.add(
                    StatementChecks.at(path, key),
                    "attachment-required-property",
                    "Data 2.4.11.s2",
                    null,
                    "is missing; an Attachment needs " + what);
        }
    }
}
