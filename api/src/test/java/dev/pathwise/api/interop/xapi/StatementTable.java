package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Statements derived from the rules of the xAPI 1.0.3 Data section, each valid or invalid with the rule it tests: a
 * valid statement of every shape the specification allows, and one violation at a time of a valid base statement.
 * An invalid case names the path and the rule the validator must report.
 */
public final class StatementTable {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String QUIZ = "https://lms.example.org/activities/ratio-quiz";
    public static final String BASE_ID = "6f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0";

    /** One row: a statement, whether it is valid, and for an invalid one where and which rule it breaks. */
    public record Case(
            String family, String description, boolean valid, String path, String rule, ObjectNode statement) {

        @Override
        public String toString() {
            return family + ": " + description + (valid ? " (valid)" : " (invalid at " + path + ", " + rule + ")");
        }
    }

    private final List<Case> cases = new ArrayList<>();
    private String family;

    private StatementTable() {}

    /** A statement every rule accepts: an account actor, an ADL verb, an Activity with a definition, result, context. */
    public static ObjectNode base() {
        return (ObjectNode) parse("""
                {"id": "%s",
                 "actor": {"objectType": "Agent", "name": "Ana", "account": {"homePage": "https://lms.example.org",
                           "name": "ana"}},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/passed", "display": {"en-US": "passed"}},
                 "object": {"objectType": "Activity", "id": "%s",
                            "definition": {"name": {"en-US": "Ratio quiz"}, "description": {"en-US": "Ten questions"},
                                           "type": "http://adlnet.gov/expapi/activities/assessment"}},
                 "result": {"score": {"scaled": 0.9, "raw": 9, "min": 0, "max": 10}, "success": true,
                            "completion": true, "duration": "PT12M"},
                 "context": {"registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7", "platform": "Example LMS",
                             "language": "en-US",
                             "contextActivities": {"parent": [{"id": "https://lms.example.org/courses/ratios"}]}},
                 "timestamp": "2026-01-15T10:00:00.000Z"}
                """.formatted(BASE_ID, QUIZ));
    }

    private static final String MBOX_AGENT = "{\"objectType\": \"Agent\", \"mbox\": \"mailto:ana@example.org\"}";
    private static final String ACCOUNT_AGENT = "{\"objectType\": \"Agent\", \"account\": {\"homePage\":"
            + " \"https://lms.example.org\", \"name\": \"bo\"}}";
    private static final String SUB_STATEMENT = "{\"objectType\": \"SubStatement\", \"actor\": " + MBOX_AGENT + ","
            + " \"verb\": {\"id\": \"http://example.com/visited\", \"display\": {\"en-US\": \"will visit\"}},"
            + " \"object\": {\"objectType\": \"Activity\", \"id\": \"http://example.com/website\"}}";
    private static final String ATTACHMENT = "{\"usageType\": \"http://example.com/attachment-usage/test\","
            + " \"display\": {\"en-US\": \"A test attachment\"}, \"description\": {\"en-US\": \"Its description\"},"
            + " \"contentType\": \"text/plain; charset=ascii\", \"length\": 27, \"sha2\":"
            + " \"495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a\","
            + " \"fileUrl\": \"http://over.there.com/file.txt\"}";

    /** Every case, in families. */
    public static List<Case> cases() {
        StatementTable t = new StatementTable();
        t.statementStructure();
        t.nullsAndTypes();
        t.uuids();
        t.actors();
        t.groups();
        t.verbs();
        t.activities();
        t.interactions();
        t.agentObjects();
        t.statementRefs();
        t.subStatements();
        t.results();
        t.contexts();
        t.timestamps();
        t.attachments();
        t.authority();
        return List.copyOf(t.cases);
    }

    private void statementStructure() {
        family = "statement";
        valid("the base statement", s -> {});
        valid("the simplest statement: actor, verb, object", s -> {
            s.remove("result");
            s.remove("context");
            s.remove("timestamp");
        });
        valid("no id: the LRS assigns one", s -> s.remove("id"));
        invalid("no actor", "actor", "required-property", s -> s.remove("actor"));
        invalid("no verb", "verb", "required-property", s -> s.remove("verb"));
        invalid("no object", "object", "required-property", s -> s.remove("object"));
        invalid("an unknown property", "extra", "no-unknown-properties", s -> s.put("extra", 1));
        invalid("'Actor' in the wrong case", "Actor", "no-unknown-properties", s -> rename(s, "actor", "Actor"));
        invalid("'iD' in the wrong case", "iD", "no-unknown-properties", s -> rename(s, "id", "iD"));
        invalid(
                "'timeStamp' in the wrong case",
                "timeStamp",
                "no-unknown-properties",
                s -> rename(s, "timestamp", "timeStamp"));
        invalid("'RESULT' in the wrong case", "RESULT", "no-unknown-properties", s -> rename(s, "result", "RESULT"));
        invalid(
                "'conText' in the wrong case",
                "conText",
                "no-unknown-properties",
                s -> rename(s, "context", "conText"));
        valid("stored set by the sender (the LRS overwrites it)", s -> s.put("stored", "2026-01-15T10:00:01.000Z"));
        invalid("stored not a timestamp", "stored", "timestamp-iso8601", s -> s.put("stored", "yesterday"));
        valid("version 1.0.0", s -> s.put("version", "1.0.0"));
        valid("version 1.0.3", s -> s.put("version", "1.0.3"));
        valid("version 1.0", s -> s.put("version", "1.0"));
        invalid("version 1.0.x in words", "version", "version-1.0.x", s -> s.put("version", "should fail"));
        invalid("version 1.1.0", "version", "version-1.0.x", s -> s.put("version", "1.1.0"));
        invalid("version 0.95", "version", "version-1.0.x", s -> s.put("version", "0.95"));
        invalid("version as a number", "version", "type-string", s -> s.put("version", 1.0));
    }

    private void nullsAndTypes() {
        family = "nulls-and-types";
        invalid("actor name null", "actor.name", "no-null-values", s -> agent(s).putNull("name"));
        invalid(
                "verb display value null",
                "verb.display.en-US",
                "no-null-values",
                s -> ((ObjectNode) s.at("/verb/display")).putNull("en-US"));
        invalid(
                "context registration null",
                "context.registration",
                "no-null-values",
                s -> context(s).putNull("registration"));
        invalid(
                "activity moreInfo null",
                "object.definition.moreInfo",
                "no-null-values",
                s -> definition(s).putNull("moreInfo"));
        invalid("result null", "result", "no-null-values", s -> s.putNull("result"));
        invalid("timestamp null", "timestamp", "no-null-values", s -> s.putNull("timestamp"));
        valid(
                "a null extension value in result",
                s -> result(s).putObject("extensions").putNull("http://example.com/null"));
        valid(
                "a null extension value in context",
                s -> context(s).putObject("extensions").putNull("http://example.com/null"));
        valid(
                "a null extension value in an activity definition",
                s -> definition(s).putObject("extensions").putNull("http://example.com/null"));
        invalid("score max as a string of digits", "result.score.max", "type-number", s -> score(s).put("max", "100"));
        invalid("score max as words", "result.score.max", "type-number", s -> score(s).put("max", "one hundred"));
        invalid(
                "success as a string",
                "result.success",
                "type-boolean",
                s -> result(s).put("success", "true"));
        invalid(
                "completion as a string",
                "result.completion",
                "type-boolean",
                s -> result(s).put("completion", "false"));
        invalid(
                "response as a number",
                "result.response",
                "type-string",
                s -> result(s).put("response", 42));
        invalid("actor name as a number", "actor.name", "type-string", s -> agent(s).put("name", 123));
        invalid(
                "actor objectType as a number",
                "actor.objectType",
                "type-string",
                s -> agent(s).put("objectType", 123));
        invalid("id as a number", "id", "type-string", s -> s.put("id", 12345));
        invalid("verb as a string", "verb", "type-object", s -> s.put("verb", "passed"));
        invalid("object as a string", "object", "type-object", s -> s.put("object", QUIZ));
        invalid(
                "score as a string",
                "result.score",
                "type-object",
                s -> result(s).put("score", "0.9"));
        invalid("context as an array", "context", "type-object", s -> s.putArray("context"));
    }

    private void uuids() {
        family = "uuid";
        invalid(
                "id with too many digits",
                "id",
                "statement-id-uuid",
                s -> s.put("id", "AA97B177-9383-4934-8543-0F91A7A028368"));
        invalid(
                "id with a letter beyond f",
                "id",
                "statement-id-uuid",
                s -> s.put("id", "MA97B177-9383-4934-8543-0F91A7A02836"));
        invalid("id empty", "id", "statement-id-uuid", s -> s.put("id", ""));
        invalid("id without dashes", "id", "statement-id-uuid", s -> s.put("id", "6f0e1d2c3b4a49588776a5b4c3d2e1f0"));
        valid("id in upper case", s -> s.put("id", "AA97B177-9383-4934-8543-0F91A7A02836"));
        valid("id of a version 1 UUID", s -> s.put("id", "6f0e1d2c-3b4a-1958-8776-a5b4c3d2e1f0"));
        invalid(
                "registration not a UUID",
                "context.registration",
                "registration-uuid",
                s -> context(s).put("registration", "not-a-uuid"));
    }

    private void actors() {
        family = "actor";
        invalid(
                "an Agent without identifier",
                "actor",
                "agent-one-ifi",
                s -> s.set("actor", parse("{\"objectType\": \"Agent\", \"name\": \"Ana\"}")));
        invalid(
                "an Agent with two identifiers",
                "actor",
                "agent-one-ifi",
                s -> agent(s).put("mbox", "mailto:ana@example.org"));
        valid("an Agent by mbox", s -> s.set("actor", parse(MBOX_AGENT)));
        valid(
                "an Agent by mbox_sha1sum",
                s -> s.set("actor", parse("{\"mbox_sha1sum\":" + " \"ebd31e95054c018b10727ccffd2ef2ec3a016ee9\"}")));
        valid("an Agent by openid", s -> s.set("actor", parse("{\"openid\": \"http://toby.openid.example.org/\"}")));
        valid("an Agent without objectType", s -> agent(s).remove("objectType"));
        invalid(
                "mbox without mailto:",
                "actor.mbox",
                "mbox-mailto-iri",
                s -> s.set("actor", parse("{\"mbox\": \"ana@example.org\"}")));
        invalid(
                "mbox without an address",
                "actor.mbox",
                "mbox-mailto-iri",
                s -> s.set("actor", parse("{\"mbox\": \"mailto:should.fail.com\"}")));
        invalid(
                "mbox as an http IRI",
                "actor.mbox",
                "mbox-mailto-iri",
                s -> s.set("actor", parse("{\"mbox\": \"http://should.fail.com\"}")));
        invalid(
                "mbox_sha1sum not a SHA-1",
                "actor.mbox_sha1sum",
                "mbox-sha1sum-hex",
                s -> s.set("actor", parse("{\"mbox_sha1sum\": \"xyz\"}")));
        invalid(
                "openid not a URI",
                "actor.openid",
                "openid-uri",
                s -> s.set("actor", parse("{\"openid\": \"ab=c://should.fail.com\"}")));
        invalid(
                "account without homePage",
                "actor.account.homePage",
                "account-home-page",
                s -> account(s).remove("homePage"));
        invalid(
                "account without name",
                "actor.account.name",
                "account-name",
                s -> account(s).remove("name"));
        invalid(
                "account name empty",
                "actor.account.name",
                "account-name",
                s -> account(s).put("name", ""));
        invalid(
                "account homePage without a scheme",
                "actor.account.homePage",
                "account-home-page-irl",
                s -> account(s).put("homePage", "lms.example.org"));
        invalid(
                "account name an object",
                "actor.account.name",
                "type-string",
                s -> account(s).putObject("name").put("key", "should fail"));
        invalid(
                "account with an unknown property",
                "actor.account.email",
                "no-unknown-properties",
                s -> account(s).put("email", "ana@example.org"));
        invalid(
                "objectType 'agent' in the wrong case",
                "actor.objectType",
                "object-type-enum",
                s -> agent(s).put("objectType", "agent"));
        invalid(
                "objectType 'Person'",
                "actor.objectType",
                "object-type-enum",
                s -> agent(s).put("objectType", "Person"));
        invalid(
                "an Agent with an unknown property",
                "actor.age",
                "no-unknown-properties",
                s -> agent(s).put("age", 12));
        invalid(
                "an Agent with members",
                "actor.member",
                "no-unknown-properties",
                s -> agent(s).putArray("member").add(parse(MBOX_AGENT)));
        invalid("actor an array", "actor", "type-object", s -> s.putArray("actor"));
    }

    private void groups() {
        family = "group";
        valid(
                "an anonymous Group as actor",
                s -> s.set(
                        "actor",
                        parse("{\"objectType\": \"Group\", \"name\":" + " \"Table 3\", \"member\": [" + MBOX_AGENT
                                + ", " + ACCOUNT_AGENT + "]}")));
        valid(
                "an identified Group with members",
                s -> s.set(
                        "actor",
                        parse("{\"objectType\": \"Group\", \"mbox\":" + " \"mailto:team@example.org\", \"member\": ["
                                + MBOX_AGENT + "]}")));
        valid(
                "an identified Group without members",
                s -> s.set(
                        "actor",
                        parse("{\"objectType\": \"Group\","
                                + " \"account\": {\"homePage\": \"https://lms.example.org\", \"name\": \"team-3\"}}")));
        invalid(
                "an anonymous Group without members",
                "actor.member",
                "anonymous-group-members",
                s -> s.set("actor", parse("{\"objectType\": \"Group\", \"name\": \"Table 3\"}")));
        invalid(
                "a Group with two identifiers",
                "actor",
                "group-one-ifi",
                s -> s.set(
                        "actor",
                        parse("{\"objectType\": \"Group\", \"mbox\": \"mailto:team@example.org\", \"openid\":"
                                + " \"http://team.example.org/\"}")));
        invalid(
                "a Group within a Group",
                "actor.member[0].objectType",
                "group-members-are-agents",
                s -> s.set(
                        "actor",
                        parse("{\"objectType\": \"Group\", \"member\": [{\"objectType\": \"Group\"," + " \"member\": ["
                                + MBOX_AGENT + "]}]}")));
        invalid(
                "a member without identifier",
                "actor.member[0]",
                "agent-one-ifi",
                s -> s.set("actor", parse("{\"objectType\": \"Group\", \"member\": [{\"name\": \"Ana\"}]}")));
        invalid(
                "a member as a string",
                "actor.member[0]",
                "type-object",
                s -> s.set("actor", parse("{\"objectType\": \"Group\", \"member\": [\"ana\"]}")));
        invalid(
                "members as an object",
                "actor.member",
                "type-array",
                s -> s.set("actor", parse("{\"objectType\": \"Group\", \"member\": " + MBOX_AGENT + "}")));
        invalid(
                "a member with an unknown property",
                "actor.member[0].role",
                "no-unknown-properties",
                s -> s.set(
                        "actor",
                        parse("{\"objectType\": \"Group\", \"member\": [{\"mbox\":"
                                + " \"mailto:ana@example.org\", \"role\": \"lead\"}]}")));
    }

    private void verbs() {
        family = "verb";
        invalid("verb without id", "verb.id", "verb-id-required", s -> ((ObjectNode) s.get("verb")).remove("id"));
        invalid("verb id not an IRI", "verb.id", "verb-id-iri", s -> verb(s).put("id", "passed"));
        invalid("verb id empty", "verb.id", "verb-id-iri", s -> verb(s).put("id", ""));
        invalid(
                "verb id with a space",
                "verb.id",
                "verb-id-iri",
                s -> verb(s).put("id", "http://adlnet.gov/expapi/verbs/pas sed"));
        invalid("display as a string", "verb.display", "type-object", s -> verb(s).put("display", "passed"));
        invalid(
                "display tag with two regions",
                "verb.display.de-419-DE",
                "language-tag",
                s -> verb(s).putObject("display").put("de-419-DE", "bestanden"));
        invalid(
                "display tag starting with a singleton",
                "verb.display.a-DE",
                "language-tag",
                s -> verb(s).putObject("display").put("a-DE", "bestanden"));
        invalid(
                "display tag repeating an extension singleton",
                "verb.display.ar-a-aaa-b-bbb-a-ccc",
                "language-tag",
                s -> verb(s).putObject("display").put("ar-a-aaa-b-bbb-a-ccc", "x"));
        invalid(
                "display value a number",
                "verb.display.en-US",
                "type-string",
                s -> verb(s).putObject("display").put("en-US", 5));
        for (String tag : List.of(
                "i-enochian",
                "ine",
                "zh-Hant",
                "sr-Latn-RS",
                "zh-cmn-Hans-CN",
                "sl-rozaj-biske",
                "de-CH-1901",
                "hy-Latn-IT-arevela",
                "az-Arab-x-AZE-derbend",
                "x-whatever")) {
            valid("display tag " + tag, s -> verb(s).putObject("display").put(tag, "passed"));
        }
        valid("no display", s -> verb(s).remove("display"));
        invalid(
                "verb with an unknown property",
                "verb.name",
                "no-unknown-properties",
                s -> verb(s).put("name", "passed"));
    }

    private void activities() {
        family = "object-activity";
        invalid(
                "activity without id",
                "object.id",
                "activity-id-required",
                s -> object(s).remove("id"));
        invalid(
                "activity id not an IRI",
                "object.id",
                "activity-id-iri",
                s -> object(s).put("id", "quiz-1"));
        invalid(
                "activity id with a BEL character",
                "object.id",
                "activity-id-iri",
                s -> object(s).put("id", QUIZ + "\u0007"));
        invalid(
                "activity id with a right-to-left override",
                "object.id",
                "activity-id-iri",
                s -> object(s).put("id", "https://lms.example.org/\u202Ezziuq"));
        invalid(
                "activity id with a zero-width space",
                "object.id",
                "activity-id-iri",
                s -> object(s).put("id", "https://lms.example.org/quiz\u200B"));
        invalid(
                "objectType 'activity' in the wrong case",
                "object.objectType",
                "object-type-enum",
                s -> object(s).put("objectType", "activity"));
        invalid(
                "objectType 'Lesson'",
                "object.objectType",
                "object-type-enum",
                s -> object(s).put("objectType", "Lesson"));
        valid("an Activity without objectType", s -> object(s).remove("objectType"));
        valid(
                "an activity IRI with non-ASCII letters",
                s -> object(s).put("id", "https://example.org/activit\u00e9s/quiz"));
        invalid(
                "activity with an unknown property",
                "object.name",
                "no-unknown-properties",
                s -> object(s).put("name", "Ratio quiz"));
        invalid(
                "definition name as a string",
                "object.definition.name",
                "type-object",
                s -> definition(s).put("name", "Ratio quiz"));
        invalid(
                "definition name with an invalid tag",
                "object.definition.name.de-419-DE",
                "language-tag",
                s -> definition(s).putObject("name").put("de-419-DE", "Quiz"));
        invalid(
                "definition description value a number",
                "object.definition.description.en-US",
                "type-string",
                s -> definition(s).putObject("description").put("en-US", 1));
        invalid(
                "definition type not an IRI",
                "object.definition.type",
                "activity-type-iri",
                s -> definition(s).put("type", "assessment"));
        invalid(
                "definition moreInfo not an IRL",
                "object.definition.moreInfo",
                "more-info-irl",
                s -> definition(s).put("moreInfo", "not an irl"));
        invalid(
                "definition with an unknown property",
                "object.definition.title",
                "no-unknown-properties",
                s -> definition(s).put("title", "Quiz"));
        invalid(
                "an extension key that is not an IRI",
                "object.definition.extensions[not-an-iri]",
                "extension-key-iri",
                s -> definition(s).putObject("extensions").put("not-an-iri", 1));
        valid(
                "an extension holding any JSON",
                s -> definition(s)
                        .putObject("extensions")
                        .set("https://example.org/ext", parse("{\"any\": [\"value\", 1, true]}")));
    }

    private void interactions() {
        family = "interaction";
        valid(
                "true-false",
                s -> definition(s)
                        .setAll(obj("{\"interactionType\": \"true-false\","
                                + " \"correctResponsesPattern\": [\"true\"]}")));
        valid(
                "choice with choices",
                s -> definition(s)
                        .setAll(
                                obj(
                                        "{\"interactionType\": \"choice\","
                                                + " \"correctResponsesPattern\": [\"golf[,]tetris\"], \"choices\": [{\"id\": \"golf\", \"description\":"
                                                + " {\"en-US\": \"Golf\"}}, {\"id\": \"tetris\", \"description\": {\"en-US\": \"Tetris\"}}]}")));
        valid(
                "likert with a scale",
                s -> definition(s)
                        .setAll(obj("{\"interactionType\": \"likert\","
                                + " \"scale\": [{\"id\": \"likert_0\"}, {\"id\": \"likert_1\"}]}")));
        valid(
                "matching with source and target",
                s -> definition(s)
                        .setAll(obj("{\"interactionType\":"
                                + " \"matching\", \"correctResponsesPattern\": [\"ben[.]3\"], \"source\": [{\"id\": \"ben\"}],"
                                + " \"target\": [{\"id\": \"3\"}]}")));
        valid(
                "performance with steps",
                s -> definition(s)
                        .setAll(obj("{\"interactionType\": \"performance\","
                                + " \"steps\": [{\"id\": \"pong\"}, {\"id\": \"dg\"}]}")));
        valid(
                "sequencing with choices",
                s -> definition(s)
                        .setAll(obj("{\"interactionType\": \"sequencing\","
                                + " \"choices\": [{\"id\": \"tim\"}, {\"id\": \"ben\"}]}")));
        valid(
                "numeric",
                s -> definition(s)
                        .setAll(obj(
                                "{\"interactionType\": \"numeric\"," + " \"correctResponsesPattern\": [\"4[:]\"]}")));
        valid(
                "fill-in",
                s -> definition(s)
                        .setAll(obj("{\"interactionType\": \"fill-in\","
                                + " \"correctResponsesPattern\": [\"{case_matters=false}Bob's your uncle\"]}")));
        valid("long-fill-in", s -> definition(s).put("interactionType", "long-fill-in"));
        valid("other", s -> definition(s).put("interactionType", "other"));
        invalid(
                "interactionType 'true-faLse'",
                "object.definition.interactionType",
                "interaction-type-enum",
                s -> definition(s).put("interactionType", "true-faLse"));
        invalid(
                "interactionType 'Choice'",
                "object.definition.interactionType",
                "interaction-type-enum",
                s -> definition(s).put("interactionType", "Choice"));
        invalid(
                "interactionType 'essay'",
                "object.definition.interactionType",
                "interaction-type-enum",
                s -> definition(s).put("interactionType", "essay"));
        invalid(
                "interactionType a number",
                "object.definition.interactionType",
                "type-string",
                s -> definition(s).put("interactionType", 5));
        invalid(
                "correctResponsesPattern without interactionType",
                "object.definition.interactionType",
                "interaction-type-required",
                s -> definition(s).putArray("correctResponsesPattern").add("true"));
        invalid(
                "choices without interactionType",
                "object.definition.interactionType",
                "interaction-type-required",
                s -> definition(s).putArray("choices").add(obj("{\"id\": \"a\"}")));
        invalid(
                "correctResponsesPattern a string",
                "object.definition.correctResponsesPattern",
                "type-array",
                s -> definition(s).put("interactionType", "true-false").put("correctResponsesPattern", "true"));
        invalid(
                "correctResponsesPattern holding a number",
                "object.definition.correctResponsesPattern[0]",
                "type-string",
                s -> definition(s)
                        .put("interactionType", "numeric")
                        .putArray("correctResponsesPattern")
                        .add(4));
        invalid(
                "two choices with one id",
                "object.definition.choices[1].id",
                "interaction-component-ids-distinct",
                s -> definition(s)
                        .put("interactionType", "choice")
                        .set("choices", parse("[{\"id\": \"golf\"}, {\"id\": \"golf\"}]")));
        invalid(
                "a choice without id",
                "object.definition.choices[0].id",
                "required-property",
                s -> definition(s)
                        .put("interactionType", "choice")
                        .set("choices", parse("[{\"description\": {\"en-US\": \"Golf\"}}]")));
        invalid(
                "a choice description with an invalid tag",
                "object.definition.choices[0].description.de-419-DE",
                "language-tag",
                s -> definition(s)
                        .put("interactionType", "choice")
                        .set("choices", parse("[{\"id\": \"golf\", \"description\": {\"de-419-DE\": \"Golf\"}}]")));
        invalid(
                "a component with an unknown property",
                "object.definition.scale[0].label",
                "no-unknown-properties",
                s -> definition(s)
                        .put("interactionType", "likert")
                        .set("scale", parse("[{\"id\": \"likert_0\", \"label\": \"none\"}]")));
    }

    private void agentObjects() {
        family = "object-agent-group";
        valid("an Agent as object", s -> {
            s.set("object", parse(MBOX_AGENT));
            context(s).remove("platform");
        });
        valid("an identified Group as object", s -> {
            s.set("object", parse("{\"objectType\": \"Group\", \"mbox\": \"mailto:team@example.org\"}"));
            context(s).remove("platform");
        });
        invalid(
                "an Agent as object without objectType (read as an Activity)",
                "object.mbox",
                "no-unknown-properties",
                s -> s.set("object", parse("{\"mbox\": \"mailto:ana@example.org\"}")));
        invalid(
                "an Agent as object with two identifiers",
                "object",
                "agent-one-ifi",
                s -> s.set(
                        "object",
                        parse("{\"objectType\": \"Agent\", \"mbox\": \"mailto:ana@example.org\", \"openid\":"
                                + " \"http://ana.openid.example.org/\"}")));
    }

    private void statementRefs() {
        family = "statement-ref";
        valid("a comment on another statement", s -> {
            verb(s).put("id", "http://example.com/commented");
            s.set(
                    "object",
                    parse("{\"objectType\": \"StatementRef\", \"id\": \"8f87ccde-bb56-4c2e-ab83-44982ef22df0\"}"));
            context(s).remove("platform");
        });
        invalid("a StatementRef without id", "object.id", "statement-ref-id", s -> {
            s.set("object", parse("{\"objectType\": \"StatementRef\"}"));
            context(s).remove("platform");
        });
        invalid("a StatementRef id not a UUID", "object.id", "statement-ref-id", s -> {
            s.set("object", parse("{\"objectType\": \"StatementRef\", \"id\": \"" + QUIZ + "\"}"));
            context(s).remove("platform");
        });
        invalid("a StatementRef with a definition", "object.definition", "no-unknown-properties", s -> {
            s.set(
                    "object",
                    parse("{\"objectType\": \"StatementRef\", \"id\": \"8f87ccde-bb56-4c2e-ab83-44982ef22df0\","
                            + " \"definition\": {}}"));
            context(s).remove("platform");
        });
        valid("a voiding statement", s -> {
            verb(s).put("id", "http://adlnet.gov/expapi/verbs/voided");
            s.set(
                    "object",
                    parse("{\"objectType\": \"StatementRef\", \"id\": \"e05aa883-acaf-40ad-bf54-02c8ce485fb0\"}"));
            s.remove("result");
            s.remove("context");
        });
        invalid(
                "a voiding statement whose object is an Activity",
                "object.objectType",
                "voiding-statement-ref",
                s -> verb(s).put("id", "http://adlnet.gov/expapi/verbs/voided"));
    }

    private void subStatements() {
        family = "sub-statement";
        valid("a SubStatement as object", s -> {
            s.set("object", parse(SUB_STATEMENT));
            context(s).remove("platform");
        });
        valid("a SubStatement with a future timestamp", s -> {
            s.set("object", parse(SUB_STATEMENT));
            object(s).put("timestamp", "2999-01-01T00:00:00Z");
            context(s).remove("platform");
        });
        valid("a SubStatement whose object is a StatementRef", s -> {
            s.set("object", parse(SUB_STATEMENT));
            object(s)
                    .set(
                            "object",
                            parse("{\"objectType\": \"StatementRef\", \"id\":"
                                    + " \"9e13cefd-53d3-4eac-b5ed-2cf6693903bb\"}"));
            context(s).remove("platform");
        });
        for (String forbidden : List.of("id", "stored", "version", "authority")) {
            invalid("a SubStatement with " + forbidden, "object." + forbidden, "no-unknown-properties", s -> {
                s.set("object", parse(SUB_STATEMENT));
                object(s)
                        .set(
                                forbidden,
                                switch (forbidden) {
                                    case "id" -> parse("\"" + BASE_ID + "\"");
                                    case "stored" -> parse("\"2026-01-15T10:00:00Z\"");
                                    case "version" -> parse("\"1.0.0\"");
                                    default -> parse(MBOX_AGENT);
                                });
                context(s).remove("platform");
            });
        }
        invalid("a SubStatement within a SubStatement", "object.object.objectType", "substatement-not-nested", s -> {
            s.set("object", parse(SUB_STATEMENT));
            object(s).set("object", parse(SUB_STATEMENT));
            context(s).remove("platform");
        });
        invalid("a SubStatement without verb", "object.verb", "required-property", s -> {
            s.set("object", parse(SUB_STATEMENT));
            object(s).remove("verb");
            context(s).remove("platform");
        });
        invalid(
                "a SubStatement verb display with an invalid tag",
                "object.verb.display.de-419-DE",
                "language-tag",
                s -> {
                    s.set("object", parse(SUB_STATEMENT));
                    ((ObjectNode) object(s).get("verb")).putObject("display").put("de-419-DE", "besucht");
                    context(s).remove("platform");
                });
        invalid("a SubStatement score out of range", "object.result.score.scaled", "score-scaled-range", s -> {
            s.set("object", parse(SUB_STATEMENT));
            object(s).set("result", parse("{\"score\": {\"scaled\": 2}}"));
            context(s).remove("platform");
        });
        invalid("a SubStatement duration not ISO 8601", "object.result.duration", "duration-iso8601", s -> {
            s.set("object", parse(SUB_STATEMENT));
            object(s).set("result", parse("{\"duration\": \"PA1H0M0S\"}"));
            context(s).remove("platform");
        });
        invalid("a SubStatement actor without identifier", "object.actor", "agent-one-ifi", s -> {
            s.set("object", parse(SUB_STATEMENT));
            object(s).set("actor", parse("{\"name\": \"Ana\"}"));
            context(s).remove("platform");
        });
    }

    private void results() {
        family = "result";
        invalid("scaled 1.5", "result.score.scaled", "score-scaled-range", s -> score(s).put("scaled", 1.5));
        invalid("scaled -1.01", "result.score.scaled", "score-scaled-range", s -> score(s).put("scaled", -1.01));
        valid("scaled -1", s -> score(s).put("scaled", -1));
        valid("scaled 1", s -> score(s).put("scaled", 1));
        invalid("raw above max", "result.score.raw", "score-raw-within-min-max", s -> score(s).put("raw", 11));
        invalid("raw below min", "result.score.raw", "score-raw-within-min-max", s -> score(s).put("raw", -1));
        invalid("min equal to max", "result.score.min", "score-min-below-max", s -> score(s).put("min", 10));
        invalid("min above max", "result.score.min", "score-min-below-max", s -> score(s).put("min", 11));
        valid("raw without min and max", s -> result(s).set("score", parse("{\"raw\": 250}")));
        invalid(
                "score with an unknown property",
                "result.score.percent",
                "no-unknown-properties",
                s -> score(s).put("percent", 90));
        invalid(
                "result with an unknown property",
                "result.grade",
                "no-unknown-properties",
                s -> result(s).put("grade", "A"));
        for (String duration :
                List.of("PT4H35M59.14S", "P3Y1M29DT4H35M59.14S", "P4W", "PT16559.14S", "P3Y", "PT1H0M0.1S")) {
            valid("duration " + duration, s -> result(s).put("duration", duration));
        }
        for (String duration : List.of("PA1H0M0S", "P4W1D", "PT", "P", "should fail", "1H")) {
            invalid(
                    "duration " + duration,
                    "result.duration",
                    "duration-iso8601",
                    s -> result(s).put("duration", duration));
        }
        invalid(
                "duration a number",
                "result.duration",
                "type-string",
                s -> result(s).put("duration", 12345));
        invalid(
                "a result extension key that is not an IRI",
                "result.extensions[key]",
                "extension-key-iri",
                s -> result(s).putObject("extensions").put("key", 1));
    }

    private void contexts() {
        family = "context";
        invalid("revision with an Agent as object", "context.revision", "context-revision-activity-only", s -> {
            s.set("object", parse(MBOX_AGENT));
            context(s).remove("platform");
            context(s).put("revision", "2");
        });
        invalid(
                "platform with a StatementRef as object",
                "context.platform",
                "context-platform-activity-only",
                s -> s.set(
                        "object",
                        parse("{\"objectType\": \"StatementRef\", \"id\":"
                                + " \"8f87ccde-bb56-4c2e-ab83-44982ef22df0\"}")));
        invalid(
                "platform with a SubStatement as object",
                "context.platform",
                "context-platform-activity-only",
                s -> s.set("object", parse(SUB_STATEMENT)));
        valid("revision with an Activity", s -> context(s).put("revision", "2.1"));
        invalid(
                "contextActivities empty",
                "context.contextActivities",
                "context-activities-not-empty",
                s -> context(s).putObject("contextActivities"));
        invalid(
                "context language an object",
                "context.language",
                "type-string",
                s -> context(s).putObject("language").put("a12345", "should fail"));
        invalid(
                "revision as a number",
                "context.revision",
                "type-string",
                s -> context(s).put("revision", 12345));
        invalid(
                "contextActivities with an unknown key",
                "context.contextActivities.parents",
                "no-unknown-properties",
                s -> ((ObjectNode) context(s).get("contextActivities"))
                        .set("parents", parse("[{\"id\": \"https://lms.example.org/courses/ratios\"}]")));
        valid(
                "a single context activity instead of an array",
                s -> ((ObjectNode) context(s).get("contextActivities"))
                        .set("parent", parse("{\"id\": \"https://lms.example.org/courses/ratios\"}")));
        valid(
                "all four kinds of context activities",
                s -> context(s)
                        .set(
                                "contextActivities",
                                parse(
                                        "{\"parent\": [{\"id\": \"https://lms.example.org/courses/ratios\"}], \"grouping\": [{\"id\":"
                                                + " \"https://lms.example.org/programs/math\"}], \"category\": [{\"id\":"
                                                + " \"https://w3id.org/xapi/cmi5/context/categories/cmi5\"}], \"other\": [{\"id\":"
                                                + " \"https://lms.example.org/books/ratios\"}]}")));
        invalid(
                "a context activity id not an IRI",
                "context.contextActivities.parent[0].id",
                "activity-id-iri",
                s -> ((ObjectNode) context(s).get("contextActivities"))
                        .set("parent", parse("[{\"id\": \"not an iri\"}]")));
        invalid(
                "an Agent as context activity",
                "context.contextActivities.grouping[0].objectType",
                "object-type-enum",
                s -> ((ObjectNode) context(s).get("contextActivities")).set("grouping", parse("[" + MBOX_AGENT + "]")));
        invalid(
                "team as an Agent",
                "context.team",
                "team-is-group",
                s -> context(s).set("team", parse(MBOX_AGENT)));
        valid(
                "team as an identified Group",
                s -> context(s)
                        .set("team", parse("{\"objectType\": \"Group\"," + " \"mbox\": \"mailto:team@example.org\"}")));
        invalid(
                "team without objectType",
                "context.team.objectType",
                "object-type-required",
                s -> context(s).set("team", parse("{\"mbox\": \"mailto:team@example.org\"}")));
        valid("instructor as an Agent", s -> context(s).set("instructor", parse(ACCOUNT_AGENT)));
        valid(
                "instructor as a Group",
                s -> context(s)
                        .set(
                                "instructor",
                                parse("{\"objectType\": \"Group\"," + " \"member\": [" + ACCOUNT_AGENT + "]}")));
        invalid(
                "instructor without identifier",
                "context.instructor",
                "agent-one-ifi",
                s -> context(s).set("instructor", parse("{\"name\": \"Ms Lee\"}")));
        invalid(
                "context statement not a StatementRef",
                "context.statement.objectType",
                "context-statement-ref",
                s -> context(s)
                        .set(
                                "statement",
                                parse("{\"objectType\": \"Activity\", \"id\":"
                                        + " \"8f87ccde-bb56-4c2e-ab83-44982ef22df0\"}")));
        valid(
                "context statement as a StatementRef",
                s -> context(s)
                        .set(
                                "statement",
                                parse("{\"objectType\":"
                                        + " \"StatementRef\", \"id\": \"8f87ccde-bb56-4c2e-ab83-44982ef22df0\"}")));
        invalid(
                "context with an unknown property",
                "context.location",
                "no-unknown-properties",
                s -> context(s).put("location", "room 4"));
        invalid(
                "context language with a space",
                "context.language",
                "context-language-tag",
                s -> context(s).put("language", "en US"));
        valid("context language tlh", s -> context(s).put("language", "tlh"));
        invalid(
                "context extensions as an array",
                "context.extensions",
                "type-object",
                s -> context(s).putArray("extensions"));
    }

    private void timestamps() {
        family = "timestamp";
        for (String time : List.of(
                "should fail",
                "01/011/2015",
                "2008-09-15T15:53:00.601-00",
                "2008-09-15T15:53:00.601-0000",
                "2008-09-15T15:53:00.601-00:00",
                "2026-02-30T10:00:00Z",
                "2026-01-15",
                "2026-01-15 10:00:00Z")) {
            invalid("timestamp " + time, "timestamp", "timestamp-iso8601", s -> s.put("timestamp", time));
        }
        for (String time : List.of(
                "2008-09-15T15:53:00.601+00:00",
                "2008-09-15T15:53:00Z",
                "2008-09-15T15:53:00.601+05:30",
                "20080915T155300Z",
                "2013-05-18T05:32:34.804",
                "2008-09-15T15:53:00.123456789Z")) {
            valid("timestamp " + time, s -> s.put("timestamp", time));
        }
    }

    private void attachments() {
        family = "attachments";
        valid("an attachment", s -> s.putArray("attachments").add(parse(ATTACHMENT)));
        for (String required : List.of("usageType", "display", "contentType", "length", "sha2")) {
            invalid(
                    "an attachment without " + required,
                    "attachments[0]." + required,
                    "attachment-required-property",
                    s -> {
                        ObjectNode attachment = obj(ATTACHMENT);
                        attachment.remove(required);
                        s.putArray("attachments").add(attachment);
                    });
        }
        invalid(
                "attachment length as a string",
                "attachments[0].length",
                "attachment-length-integer",
                s -> s.putArray("attachments").add(obj(ATTACHMENT).put("length", "27")));
        invalid("attachment display with an invalid tag", "attachments[0].display.de-419-DE", "language-tag", s -> {
            ObjectNode attachment = obj(ATTACHMENT);
            attachment.putObject("display").put("de-419-DE", "Ein Anhang");
            s.putArray("attachments").add(attachment);
        });
        invalid(
                "attachment usageType not an IRI",
                "attachments[0].usageType",
                "attachment-usage-type-iri",
                s -> s.putArray("attachments").add(obj(ATTACHMENT).put("usageType", "usage")));
        invalid(
                "attachment contentType not a media type",
                "attachments[0].contentType",
                "attachment-content-type",
                s -> s.putArray("attachments").add(obj(ATTACHMENT).put("contentType", "text")));
        invalid(
                "attachment fileUrl not an IRL",
                "attachments[0].fileUrl",
                "attachment-file-url-irl",
                s -> s.putArray("attachments").add(obj(ATTACHMENT).put("fileUrl", "not a url")));
        invalid("attachments as an object", "attachments", "type-array", s -> s.set("attachments", obj(ATTACHMENT)));
        invalid(
                "'attachmentS' in the wrong case",
                "attachmentS",
                "no-unknown-properties",
                s -> s.putArray("attachmentS").add(parse(ATTACHMENT)));
    }

    private void authority() {
        family = "authority";
        valid("an Agent as authority", s -> s.set("authority", parse(ACCOUNT_AGENT)));
        valid(
                "an OAuth application and a user as authority",
                s -> s.set(
                        "authority",
                        parse("{\"objectType\":"
                                + " \"Group\", \"member\": [{\"account\": {\"homePage\": \"http://example.com/xAPI/OAuth/Token\","
                                + " \"name\": \"oauth_consumer_x75db\"}}, {\"mbox\": \"mailto:bob@example.com\"}]}")));
        invalid(
                "a Group of three as authority",
                "authority.member",
                "authority-group-two-agents",
                s -> s.set(
                        "authority",
                        parse("{\"objectType\": \"Group\", \"member\": [" + MBOX_AGENT + ", " + ACCOUNT_AGENT
                                + ", {\"mbox\": \"mailto:bob@example.com\"}]}")));
        invalid(
                "an authority without identifier",
                "authority",
                "agent-one-ifi",
                s -> s.set("authority", parse("{\"name\": \"LMS\"}")));
        invalid(
                "an authority name as a number",
                "authority.name",
                "type-string",
                s -> s.set("authority", obj(ACCOUNT_AGENT).put("name", 123)));
    }

    private void valid(String description, Consumer<ObjectNode> change) {
        ObjectNode statement = base();
        change.accept(statement);
        cases.add(new Case(family, description, true, null, null, statement));
    }

    private void invalid(String description, String path, String rule, Consumer<ObjectNode> change) {
        ObjectNode statement = base();
        change.accept(statement);
        cases.add(new Case(family, description, false, path, rule, statement));
    }

    private static void rename(ObjectNode s, String from, String to) {
        JsonNode value = s.remove(from);
        s.set(to, value);
    }

    private static ObjectNode agent(ObjectNode s) {
        return (ObjectNode) s.get("actor");
    }

    private static ObjectNode account(ObjectNode s) {
        return (ObjectNode) s.get("actor").get("account");
    }

    private static ObjectNode verb(ObjectNode s) {
        return (ObjectNode) s.get("verb");
    }

    private static ObjectNode object(ObjectNode s) {
        return (ObjectNode) s.get("object");
    }

    private static ObjectNode definition(ObjectNode s) {
        return (ObjectNode) s.get("object").get("definition");
    }

    private static ObjectNode result(ObjectNode s) {
        return (ObjectNode) s.get("result");
    }

    private static ObjectNode score(ObjectNode s) {
        return (ObjectNode) s.get("result").get("score");
    }

    private static ObjectNode context(ObjectNode s) {
        return (ObjectNode) s.get("context");
    }

    private static ObjectNode obj(String text) {
        return (ObjectNode) parse(text);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }
}
