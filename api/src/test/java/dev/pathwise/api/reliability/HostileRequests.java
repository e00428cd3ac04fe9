package dev.pathwise.api.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pathwise.api.testing.Http;
import dev.pathwise.rules.DefaultPolicyPack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates malformed and hostile requests, reproducibly from a seed. Every write it generates is one the service
 * must refuse (or, for a random mutation, one addressed to a learner that does not exist), so after any number of
 * them no stored state may have changed.
 */
final class HostileRequests {

    /** One request: what it is (its category), and how to send it. */
    record Hostile(
            String category,
            String method,
            String path,
            String key,
            byte[] body,
            String contentType,
            boolean chunked) {}

    static final String GHOST = "ghost-learner";

    /** The policy id of a tenant that never published under another. */
    static final String POLICY_ID = DefaultPolicyPack.POLICY_ID;

    private static final String[] UNICODE = {
        "\u00e9l\u00e8ve",
        "\u5b66\u751f",
        "\ud83d\ude00\ud83d\udd25",
        "\u202eevil\u202c",
        "a\u0301\u0302\u0303",
        "\u200b\u200c\u200d",
        "\ufeff",
        "\uffff",
        "\u2028\u2029",
        "\u0000",
        "\u0007bell",
        "\ud800",
        "\udfff",
        "null",
        "../../etc/passwd",
        "'; drop table evidence; --",
        "<script>alert(1)</script>",
        "%00",
        "${jndi:ldap://x}",
        "\\u0000"
    };
    private static final String[] HOSTILE_NUMBERS = {
        "1e400",
        "-1e400",
        "1e308",
        "-1e308",
        "1e309",
        "123456789012345678901234567890",
        "99999999999999999999999999999999999999999999999999999999999999999999999",
        "\"NaN\"",
        "\"Infinity\"",
        "\"-Infinity\"",
        "NaN",
        "Infinity",
        "-Infinity",
        "0x10",
        "1.",
        ".5",
        "+1",
        "01",
        "1e",
        "--1",
        "\"1e400\"",
        "11",
        "-0.0001",
        "10.000001"
    };
    private static final String[] WRONG_TYPES = {"[]", "{}", "[1,2]", "{\"a\":{}}", "[[]]", "[\"x\"]"};
    private static final String[] FIELDS = {
        "id", "learnerId", "competencyId", "activityId", "score", "kind", "source", "observedAt"
    };

    private final Random random;
    private final String key;
    private final String learner;
    private final String teacherKey;
    private final String curriculumKey;
    private final String adminKey;

    HostileRequests(
            long seed, String platformKey, String teacherKey, String curriculumKey, String adminKey, String learner) {
        this.random = new Random(seed);
        this.key = platformKey;
        this.teacherKey = teacherKey;
        this.curriculumKey = curriculumKey;
        this.adminKey = adminKey;
        this.learner = learner;
    }

    List<Hostile> generate(int count) {
        List<Hostile> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(next(i));
        }
        return requests;
    }

    private Hostile next(int i) {
        if (i % 500 == 499) {
            return oversize(i);
        }
        return switch (i % 20) {
            case 0 -> truncated();
            case 1 -> mutated();
            case 2 -> wrongType();
            case 3 -> hostileNumber();
            case 4 -> unicode();
            case 5 -> deepNesting();
            case 6 -> unknownField();
            case 7 -> badTime();
            case 8 -> longStrings();
            case 9 -> badProfile();
            case 10 -> badOverride();
            case 11 -> badFramework();
            case 12 -> badActivityOrKey();
            case 13 -> hostileBatch();
            case 14 -> syntax();
            case 15 -> protocol();
            case 16 -> multipart();
            case 17 -> nullItems();
            case 18 -> longPolicyPath();
            default -> formatCharacters();
        };
    }

    /** Every POST and PUT that takes a body, with this tenant's learner. */
    private String[][] writes() {
        String policy = "/v1/policies/" + POLICY_ID;
        return new String[][] {
            {"POST", "/v1/evidence", key},
            {"POST", "/v1/evidence/batch", key},
            {"PUT", "/v1/learners/" + learner, key},
            {"POST", "/v1/learners/" + learner + "/overrides", teacherKey},
            {"POST", "/v1/frameworks", curriculumKey},
            {"POST", "/v1/frameworks/case", curriculumKey},
            {"POST", "/v1/activities", curriculumKey},
            {"POST", "/v1/keys", adminKey},
            {"POST", policy + "/versions", curriculumKey},
            {"POST", policy + "/check", curriculumKey},
            {"POST", policy + "/test", curriculumKey},
            {"POST", policy + "/simulate", curriculumKey},
            {"POST", "/v1/xapi/statements", key},
            {"PUT", "/v1/xapi/actors", key},
            {"PUT", "/v1/xapi/alignments", curriculumKey}
        };
    }

    /** A multipart/form-data body (valid or cut short) to any write: 415, never parsed. */
    private Hostile multipart() {
        String[] write = writes()[random.nextInt(writes().length)];
        String boundary = "b" + random.nextInt(1_000);
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"e.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + write(evidence(learner)) + "\r\n--" + boundary + "--\r\n";
        if (random.nextBoolean()) {
            form = form.substring(0, random.nextInt(form.length()));
        }
        String type = random.nextInt(4) == 0 ? "multipart/form-data" : "multipart/form-data; boundary=" + boundary;
        return new Hostile("multipart/form-data to a write", write[0], write[1], write[2], utf8(form), type, false);
    }

    /** {@code null} where a list holds items: a batch, interests, modalities, goal competencies, policy files. */
    private Hostile nullItems() {
        String policy = "/v1/policies/" + POLICY_ID;
        return switch (random.nextInt(7)) {
            case 0 ->
                new Hostile("null items", "POST", "/v1/evidence/batch", key, utf8("[null]"), "application/json", false);
            case 1 ->
                new Hostile(
                        "null items",
                        "POST",
                        "/v1/evidence/batch",
                        key,
                        utf8("{\"items\": [null, " + write(evidence(GHOST)) + "]}"),
                        "application/json",
                        false);
            case 2 ->
                new Hostile(
                        "null items",
                        "PUT",
                        "/v1/learners/" + learner,
                        key,
                        utf8("{\"grade\": 7, \"interests\": [\"chess\", null]}"),
                        "application/json",
                        false);
            case 3 ->
                new Hostile(
                        "null items",
                        "PUT",
                        "/v1/learners/" + learner,
                        key,
                        utf8("{\"grade\": 7, \"preferredModalities\": [null]}"),
                        "application/json",
                        false);
            case 4 ->
                new Hostile(
                        "null items",
                        "PUT",
                        "/v1/learners/" + learner,
                        key,
                        utf8("{\"grade\": 7, \"goals\":"
                                + " [{\"id\": \"g\", \"competencyIds\": [\"ratio.concept\", null]}]}"),
                        "application/json",
                        false);
            case 5 ->
                new Hostile(
                        "null items",
                        "POST",
                        policy + (random.nextBoolean() ? "/versions" : "/check"),
                        curriculumKey,
                        utf8("{\"version\": \"n\", \"files\": [null]}"),
                        "application/json",
                        false);
            default ->
                new Hostile(
                        "null items",
                        "POST",
                        "/v1/activities",
                        curriculumKey,
                        utf8("[{\"id\": \"x\", \"title\": \"X\", \"competencyIds\": [null], \"kind\": \"LESSON\","
                                + " \"modality\": \"VIDEO\", \"grouping\": \"INDIVIDUAL\"}]"),
                        "application/json",
                        false);
        };
    }

    /** A policy file whose path (or one of its names) is longer than a file system takes. */
    private Hostile longPolicyPath() {
        String name = "p".repeat(101 + random.nextInt(400)) + ".drl";
        String path = random.nextBoolean()
                ? name
                : "schools/" + "s".repeat(60) + "/" + "q".repeat(60) + "/" + "r".repeat(90) + "/" + "t".repeat(90)
                        + ".drl";
        String endpoint = new String[] {"/versions", "/check", "/test", "/simulate"}[random.nextInt(4)];
        return new Hostile(
                "policy file path over the limit",
                "POST",
                "/v1/policies/" + POLICY_ID + endpoint,
                curriculumKey,
                utf8(write(Map.of("version", "long", "files", List.of(Map.of("path", path, "content", "package x;"))))),
                "application/json",
                false);
    }

    /** An id with a control, format or separator character: right-to-left override, zero-width space, BOM, bell. */
    private Hostile formatCharacters() {
        String[] invisible = {
            "\u202e", "\u202d", "\u200b", "\u200d", "\u2060", "\ufeff", "\u0007", "\u2028", "\u00a0", "\u180e", "\ue000"
        };
        String bad = "ab" + invisible[random.nextInt(invisible.length)] + "c";
        Map<String, Object> e = evidence(learner);
        switch (random.nextInt(6)) {
            case 0 -> e.put("id", bad);
            case 1 -> e.put("learnerId", bad);
            case 2 -> e.put("competencyId", bad);
            case 3 -> e.put("activityId", bad);
            case 4 -> {
                String path = "/v1/learners/" + URLEncoder.encode(bad, StandardCharsets.UTF_8);
                return new Hostile(
                        "format character in an id",
                        "PUT",
                        path,
                        key,
                        utf8("{\"grade\": 7}"),
                        "application/json",
                        false);
            }
            default -> {
                return new Hostile(
                        "format character in an id",
                        "PUT",
                        "/v1/learners/" + learner,
                        key,
                        utf8("{\"grade\": 7, \"schoolId\": \"" + bad + "\"}"),
                        "application/json",
                        false);
            }
        }
        return evidenceWith("format character in an id", write(e));
    }

    /** Valid evidence for the learner, as a mutable map. */
    private Map<String, Object> evidence(String learnerId) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", "fz-" + random.nextInt(1_000_000));
        e.put("learnerId", learnerId);
        e.put("competencyId", "ratio.concept");
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("raw", random.nextInt(11));
        score.put("min", 0);
        score.put("max", 10);
        e.put("score", score);
        e.put("kind", "FORMATIVE");
        e.put("source", "fuzz");
        return e;
    }

    private Hostile evidenceWith(String category, String json) {
        return new Hostile(category, "POST", "/v1/evidence", key, utf8(json), "application/json", false);
    }

    private Hostile truncated() {
        String json = write(evidence(learner));
        return evidenceWith("broken JSON (truncated)", json.substring(0, 1 + random.nextInt(json.length() - 1)));
    }

    private Hostile mutated() {
        StringBuilder json = new StringBuilder(write(evidence(GHOST)));
        int mutations = 1 + random.nextInt(4);
        String alphabet = "{}[]\":,\\ 0123456789eE+-.nulltrueNaN\u0000\u00e9\ud83d\ude00\u2028'";
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(json.length());
            switch (random.nextInt(3)) {
                case 0 -> json.deleteCharAt(at);
                case 1 -> json.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> json.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return evidenceWith("broken JSON (random mutation, unknown learner)", json.toString());
    }

    private Hostile wrongType() {
        String field = FIELDS[random.nextInt(FIELDS.length)];
        String value = WRONG_TYPES[random.nextInt(WRONG_TYPES.length)];
        if (field.equals("observedAt") && random.nextBoolean()) {
            value = "\"not-a-date\"";
        }
        if (field.equals("score") && random.nextBoolean()) {
            value = random.nextBoolean() ? "\"seven\"" : "7";
        }
        return evidenceWith("wrong type for " + field, replace(evidence(learner), field, value));
    }

    private Hostile hostileNumber() {
        String number = HOSTILE_NUMBERS[random.nextInt(HOSTILE_NUMBERS.length)];
        String part = random.nextInt(4) == 0 ? "max" : "raw";
        Map<String, Object> e = evidence(learner);
        String json = write(e).replace("\"" + part + "\":" + scoreValue(e, part), "\"" + part + "\":" + number);
        if (part.equals("max") && !number.contains("N") && !number.contains("I")) {
            // a finite max keeps the scale valid: make the raw score fall outside it
            json = json.replace("\"raw\":" + scoreValue(e, "raw"), "\"raw\":-5");
        }
        return evidenceWith("huge, NaN or malformed number in score." + part, json);
    }

    private Hostile unicode() {
        String text = UNICODE[random.nextInt(UNICODE.length)] + UNICODE[random.nextInt(UNICODE.length)];
        Map<String, Object> e = evidence(learner);
        switch (random.nextInt(4)) {
            case 0 -> e.put("competencyId", text);
            case 1 -> e.put("kind", text);
            case 2 -> e.put("learnerId", "x" + text);
            default -> {
                String path = "/v1/learners/"
                        + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
                return new Hostile(
                        "unicode learner id in the path",
                        "PUT",
                        path,
                        key,
                        utf8("{\"grade\": 99}"),
                        "application/json",
                        false);
            }
        }
        return evidenceWith("unicode in ids and kind", write(e));
    }

    private Hostile deepNesting() {
        int depth = 33 + random.nextInt(random.nextBoolean() ? 100 : 20_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        if (random.nextBoolean()) {
            return evidenceWith("deep nesting (" + depth + ") as the body", nested);
        }
        return evidenceWith("deep nesting (" + depth + ") in a field", replace(evidence(learner), "source", nested));
    }

    private Hostile unknownField() {
        Map<String, Object> e = evidence(learner);
        String[] names = {
            "scoore", "learnerID", "__proto__", "constructor", "observedat", "tenantId", "admin", "\u00e9", ""
        };
        e.put(names[random.nextInt(names.length)], random.nextBoolean() ? "x" : Map.of("role", "admin"));
        if (random.nextBoolean()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> score = (Map<String, Object>) e.get("score");
            score.put("scale", 100);
            e.remove("tenantId");
        }
        return evidenceWith("unknown field", write(e));
    }

    private Hostile badTime() {
        String[] times = {
            "\"9999-12-31T23:59:59Z\"",
            "\"2999-01-01T00:00:00Z\"",
            "\"1969-12-31T23:59:59Z\"",
            "\"-000001-01-01T00:00:00Z\"",
            "-1",
            "-1000000000",
            "1e20",
            "\"+1000000000-01-01T00:00:00Z\"",
            "\"2026-02-30T00:00:00Z\"",
            "\"2026-01-01T25:00:00Z\"",
            "\"yesterday\"",
            "\"\"",
            "1e400",
            "\"" + java.time.Instant.now().plusSeconds(3600 + random.nextInt(1_000_000)) + "\""
        };
        return evidenceWith(
                "negative, future or malformed observedAt",
                replace(evidence(learner), "observedAt", times[random.nextInt(times.length)]));
    }

    private Hostile longStrings() {
        String field = new String[] {"id", "competencyId", "activityId", "source", "kind"}[random.nextInt(5)];
        int length = switch (random.nextInt(4)) {
            case 0 -> 201 + random.nextInt(10);
            case 1 -> 1_000 + random.nextInt(10_000);
            case 2 -> 100_000;
            default -> 1_000_001;
        };
        Map<String, Object> e = evidence(learner);
        e.put(field, "x".repeat(length));
        return evidenceWith("string of " + length + " characters in " + field, write(e));
    }

    private Hostile badProfile() {
        String[] profiles = {
            "{\"grade\": 99}",
            "{\"grade\": -1}",
            "{\"grade\": \"seven\"}",
            "{\"grade\": NaN}",
            "{\"grade\": 1e400}",
            "{\"grade\": 7, \"nickname\": \"x\"}",
            "{}",
            "[]",
            "null",
            "",
            "{\"grade\": 7, \"interests\": " + write(java.util.Collections.nCopies(101, "i")) + "}",
            "{\"grade\": 7, \"interests\": [\"" + "i".repeat(201) + "\"]}",
            "{\"grade\": 7, \"schoolId\": \"" + "s".repeat(101) + "\"}",
            "{\"grade\": 7, \"planStart\": \"2026-02-30\"}",
            "{\"grade\": 7, \"preferredModalities\": [\"TELEPATHY\"]}",
            "{\"grade\": 7, \"goals\": [{\"id\": \"g\", \"description\": \"" + "d".repeat(2001) + "\"}]}",
            "{\"grade\": 7, \"interests\": [\"a\u0000b\"]}",
            "{\"grade\": 7, \"grade\": 8}"
        };
        return new Hostile(
                "hostile learner profile",
                "PUT",
                "/v1/learners/" + learner,
                key,
                utf8(profiles[random.nextInt(profiles.length)]),
                "application/json",
                false);
    }

    private Hostile badOverride() {
        String[] overrides = {
            "{\"kind\": \"SET_LEVEL\", \"competencyId\": \"ratio.concept\", \"level\": \"MASTERED\"}",
            "{\"kind\": \"NUKE\", \"reason\": \"x\"}",
            "{\"kind\": \"SET_LEVEL\", \"competencyId\": \"nope\"," + " \"level\": \"MASTERED\", \"reason\": \"r\"}",
            "{\"kind\": \"SET_LEVEL\", \"competencyId\":"
                    + " \"ratio.concept\", \"level\": \"SUPREME\", \"reason\": \"r\"}",
            "{\"kind\": [], \"reason\": \"r\"}",
            "{\"kind\": \"SET_LEVEL\", \"competencyId\": \"ratio.concept\", \"level\": \"MASTERED\", \"reason\":"
                    + " \"" + "r".repeat(2001) + "\"}",
            "{\"kind\": \"SET_LEVEL\", \"competencyId\": \"ratio.concept\","
                    + " \"level\": \"MASTERED\", \"reason\": \"r\", \"at\": \"2020-01-01T00:00:00Z\", \"extra\": 1}",
            "{\"kind\": \"ASSIGN_STEP\", \"activityId\": \"\u5b66\", \"reason\": \"r\"}",
            "{}"
        };
        return new Hostile(
                "hostile teacher override",
                "POST",
                "/v1/learners/" + learner + "/overrides",
                teacherKey,
                utf8(overrides[random.nextInt(overrides.length)]),
                "application/json",
                false);
    }

    private Hostile badFramework() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int c = 0; c < 5_001; c++) {
            many.add(Map.of("id", "c" + c, "name", "C"));
        }
        String[] frameworks = {
            "{\"id\": \"f\", \"name\": \"F\", \"competencies\": [{\"id\": \"a\", \"name\": \"A\", \"prerequisiteIds\":"
                    + " [\"b\"]}, {\"id\": \"b\", \"name\": \"B\", \"prerequisiteIds\": [\"a\"]}]}",
            "{\"id\": \"f\", \"name\": \"F\", \"competencies\": [{\"id\": \"a\", \"name\": \"A\", \"parentId\": \"zz\"}]}",
            "{\"id\": \"f\", \"name\": \"F\", \"competencies\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"a\","
                    + " \"name\": \"A2\"}]}",
            "{\"id\": \"\", \"competencies\": []}",
            "{\"id\": \"f\", \"competencies\": \"all\"}",
            "{\"id\": \"f\", \"name\": \"F\", \"competencies\": [], \"owner\": \"b\"}",
            "{\"id\": \"f\", \"name\": \"F\", \"competencies\": [null]}",
            "{\"id\": \"f\", \"name\": \"F\", \"competencies\": [{\"id\": \"a\", \"name\": \"A\", \"gradeLevel\": 1e400}]}",
            write(Map.of("id", "f", "name", "F", "competencies", many))
        };
        int pick = random.nextInt(40);
        String body = pick == 0 ? frameworks[frameworks.length - 1] : frameworks[pick % (frameworks.length - 1)];
        return new Hostile(
                "hostile framework", "POST", "/v1/frameworks", curriculumKey, utf8(body), "application/json", false);
    }

    private Hostile badActivityOrKey() {
        if (random.nextBoolean()) {
            String[] keys = {
                "{\"role\": \"root\"}",
                "{\"role\": []}",
                "{}",
                "{\"role\": \"admin\", \"label\": \"" + "l".repeat(101) + "\"}",
                "{\"role\": \"admin\", \"secret\": \"mine\"}",
                "{\"role\": \"admin\"," + " \"label\": \"a\u0007b\"}",
                "[]"
            };
            return new Hostile(
                    "hostile key request",
                    "POST",
                    "/v1/keys",
                    adminKey,
                    utf8(keys[random.nextInt(keys.length)]),
                    "application/json",
                    false);
        }
        String[] activities = {
            "{\"id\": \"x\", \"title\": \"X\", \"competencyIds\": [\"nope\"], \"kind\": \"LESSON\","
                    + " \"modality\": \"VIDEO\", \"grouping\": \"INDIVIDUAL\"}",
            "{\"id\": \"x\", \"kind\": \"DANCE\"}",
            "[{\"id\": \"x\", \"title\": \"X\", \"competencyIds\": [\"ratio.concept\"], \"kind\": \"LESSON\","
                    + " \"modality\": \"VIDEO\", \"grouping\": \"INDIVIDUAL\", \"price\": 3}]",
            "[null]",
            "7",
            "{\"id\": \"" + "a".repeat(101) + "\", \"title\": \"X\", \"competencyIds\": [\"ratio.concept\"],"
                    + " \"kind\": \"LESSON\", \"modality\": \"VIDEO\", \"grouping\": \"INDIVIDUAL\"}"
        };
        return new Hostile(
                "hostile activity",
                "POST",
                "/v1/activities",
                curriculumKey,
                utf8(activities[random.nextInt(activities.length)]),
                "application/json",
                false);
    }

    private Hostile hostileBatch() {
        int kind = random.nextInt(5);
        if (kind == 0) {
            List<Object> many = new ArrayList<>();
            for (int j = 0; j < 1_001; j++) {
                many.add(Map.of("id", "b" + j));
            }
            return new Hostile(
                    "batch over the limit",
                    "POST",
                    "/v1/evidence/batch",
                    key,
                    utf8(write(many)),
                    "application/json",
                    false);
        }
        if (kind == 1) {
            String[] bodies = {"{\"items\": \"x\"}", "{\"items\": null}", "{}", "7", "\"items\""};
            return new Hostile(
                    "batch of the wrong shape",
                    "POST",
                    "/v1/evidence/batch",
                    key,
                    utf8(bodies[random.nextInt(bodies.length)]),
                    "application/json",
                    false);
        }
        StringBuilder items = new StringBuilder("[");
        int size = 1 + random.nextInt(20);
        for (int j = 0; j < size; j++) {
            Hostile item;
            do {
                item = switch (random.nextInt(5)) {
                    case 0 -> wrongType();
                    case 1 -> hostileNumber();
                    case 2 -> unknownField();
                    case 3 -> badTime();
                    default -> unicode();
                };
            } while (!item.path().equals("/v1/evidence") || !isJson(item.body()));
            items.append(j == 0 ? "" : ",").append(new String(item.body(), StandardCharsets.UTF_8));
        }
        return new Hostile(
                "batch of hostile items",
                "POST",
                "/v1/evidence/batch",
                key,
                utf8(items.append("]").toString()),
                "application/json",
                false);
    }

    private Hostile syntax() {
        String valid = write(evidence(learner));
        String[] bodies = {
            "",
            "null",
            "[]",
            "\"text\"",
            "12",
            "true",
            valid + valid,
            valid + " trailing",
            valid.replace("\"", "'"),
            "/* c */" + valid,
            valid.replace("{\"id\"", "{\"id\":\"dup\",\"id\""),
            valid.replace(",", ",,"),
            "{" + valid,
            "\u0000" + valid,
            "\uffff",
            new String(new byte[] {(byte) 0xC3, (byte) 0x28}, StandardCharsets.ISO_8859_1)
        };
        int pick = random.nextInt(bodies.length + 1);
        if (pick == bodies.length) {
            byte[] garbage = new byte[1 + random.nextInt(512)];
            random.nextBytes(garbage);
            return new Hostile("random bytes", "POST", "/v1/evidence", key, garbage, "application/json", false);
        }
        return evidenceWith("JSON syntax: empty, literal, trailing, duplicate key, comments", bodies[pick]);
    }

    private Hostile protocol() {
        String valid = write(evidence(learner));
        return switch (random.nextInt(8)) {
            case 0 ->
                new Hostile(
                        "wrong Content-Type",
                        "POST",
                        "/v1/evidence",
                        key,
                        utf8(valid),
                        new String[] {
                                    "text/plain",
                                    "application/xml",
                                    "multipart/form-data; boundary=x",
                                    "application/x-www-form-urlencoded"
                                }
                                [random.nextInt(4)],
                        false);
            case 1 -> new Hostile("no Content-Type", "POST", "/v1/evidence", key, utf8(valid), null, false);
            case 2 ->
                new Hostile(
                        "unknown or huge API key",
                        "POST",
                        "/v1/evidence",
                        random.nextBoolean() ? "k".repeat(1 + random.nextInt(6_000)) : "' or 1=1 --",
                        utf8(valid),
                        "application/json",
                        false);
            case 3 -> new Hostile("no API key", "POST", "/v1/evidence", null, utf8(valid), "application/json", false);
            case 4 ->
                new Hostile(
                        "method not allowed",
                        random.nextBoolean() ? "DELETE" : "PATCH",
                        "/v1/evidence",
                        key,
                        utf8(valid),
                        "application/json",
                        false);
            case 5 ->
                new Hostile(
                        "unknown path",
                        "GET",
                        "/v1/" + URLEncoder.encode(UNICODE[random.nextInt(UNICODE.length)], StandardCharsets.UTF_8),
                        key,
                        null,
                        null,
                        false);
            case 6 ->
                new Hostile(
                        "hostile query parameter",
                        "GET",
                        "/v1/activities?competency="
                                + URLEncoder.encode(
                                        UNICODE[random.nextInt(UNICODE.length)] + "x".repeat(random.nextInt(3_000)),
                                        StandardCharsets.UTF_8),
                        key,
                        null,
                        null,
                        false);
            default ->
                new Hostile("wrong role", "POST", "/v1/evidence", teacherKey, utf8(valid), "application/json", false);
        };
    }

    private Hostile oversize(int i) {
        byte[] body = new byte[2 * 1024 * 1024 + 1 + random.nextInt(1024 * 1024)];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';
        boolean chunked = (i / 500) % 2 == 0;
        return new Hostile(
                "body over 2 MiB" + (chunked ? " (chunked)" : ""),
                "POST",
                "/v1/evidence/batch",
                key,
                body,
                "application/json",
                chunked);
    }

    private static Object scoreValue(Map<String, Object> evidence, String part) {
        @SuppressWarnings("unchecked")
        Map<String, Object> score = (Map<String, Object>) evidence.get("score");
        return score.get(part);
    }

    /** The evidence as JSON with one field's value replaced by raw JSON text. */
    private static String replace(Map<String, Object> evidence, String field, String rawValue) {
        evidence.put(field, "__RAW__");
        return write(evidence).replace("\"__RAW__\"", rawValue);
    }

    private static boolean isJson(byte[] body) {
        try {
            Http.JSON.readTree(body);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String write(Object value) {
        try {
            return Http.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
