package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pathwise.api.interop.xapi.StatementChecks.Violation;
import dev.pathwise.api.problem.ApiProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The body of {@code POST /v1/xapi/statements} read as an LRS reads it: one statement or an array, numbers kept
 * exactly as sent, a key twice in one object refused, and every statement validated before anything is stored. One
 * invalid statement refuses the whole request with a 400 naming its path ({@code [3].result.score.scaled}) and the
 * rule it breaks, so a request is stored whole or not at all.
 */
final class StatementRequest {

    private StatementRequest() {}

    /** @throws ApiProblem 400 {@code invalid-statement} listing every violation, 413 over the batch limit */
    static List<JsonNode> read(String body, ObjectMapper json, int limit) {
        JsonNode root = parse(body, json);
        boolean array = root.isArray();
        List<JsonNode> statements = new ArrayList<>();
        if (array) {
            root.forEach(statements::add);
        } else {
            statements.add(root);
        }
        if (statements.size() > limit) {
            throw new ApiProblem(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "batch-too-large",
                    "body",
                    statements.size(),
                    "body: at most " + limit + " statements per request; this one has " + statements.size()
                            + ". Send them in several requests",
                    null);
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < statements.size(); i++) {
            String prefix = array ? "[" + i + "]" : "";
            for (Violation v : StatementValidator.validate(statements.get(i))) {
                String path = prefix.isEmpty()
                        ? v.path()
                        : v.path().isEmpty() || v.path().equals("statement") ? prefix : prefix + "." + v.path();
                String message = !prefix.isEmpty() && v.path().equals("statement")
                        ? prefix + v.message().substring("statement".length())
                        : prefix.isEmpty() ? v.message() : prefix + "." + v.message();
                violations.add(new Violation(path, v.rule(), v.section(), v.value(), message));
            }
            JsonNode id = statements.get(i).path("id");
            if (id.isTextual()) {
                Integer earlier = ids.putIfAbsent(id.textValue().toLowerCase(java.util.Locale.ROOT), i);
                if (earlier != null) {
                    violations.add(new Violation(
                            prefix + ".id",
                            "statement-ids-unique-in-request",
                            "Communication" + " 2.1.2",
                            id.textValue(),
                            prefix + ".id: '" + id.textValue() + "' is also the id of" + " statement [" + earlier
                                    + "] of this request; each statement has its own id"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw refusal(violations, statements.size());
        }
        return statements;
    }

    private static JsonNode parse(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.invalid(
                    "body", null, "body: is empty; send one xAPI statement (a JSON object) or an" + " array of them");
        }
        ObjectReader reader = json.reader()
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .with(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-json",
                    "body",
                    null,
                    "body: not JSON an LRS can"
                            + " read: " + e.getOriginalMessage()
                            + (e.getLocation() == null
                                    ? ""
                                    : " (line " + e.getLocation().getLineNr() + ", column "
                                            + e.getLocation().getColumnNr() + ")"),
                    null);
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw ApiProblem.invalid(
                    "body", null, "body: send one xAPI statement (a JSON object) or an array of" + " them");
        }
        return root;
    }

    private static ApiProblem refusal(List<Violation> violations, int statements) {
        Violation first = violations.get(0);
        String detail = (violations.size() == 1
                        ? first.message()
                        : violations.size() + " violations of the xAPI 1.0.3 specification; the first: "
                                + first.message())
                + " (rule " + first.rule() + ", xAPI " + first.section() + "). Nothing of this request was stored"
                + (statements > 1 ? ": an LRS takes a request of statements whole or not at all" : "");
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Violation v : violations) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("path", v.path());
            item.put("rule", v.rule());
            item.put("section", v.section());
            item.put("message", v.message());
            listed.add(item);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("rule", first.rule());
        properties.put("section", first.section());
        properties.put("violations", listed);
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "invalid-statement",
                first.path().isEmpty() ? "statement" : first.path(),
                first.value(),
                detail,
                violations.stream().map(Violation::message).toList(),
                properties);
    }
}
