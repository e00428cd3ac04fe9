package dev.pathwise.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.testing.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The OpenAPI document as a platform developer reads it, held to the rules a generated client and a reader need:
 * every operation has an id of its own, a summary, one feature tag and the roles allowed; no parameter is internal;
 * every refusal is {@code application/problem+json}; no response is {@code * / *}; zipped folders are files; the
 * requests platforms send most name their required fields and enums.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest extends ReliabilityStack {

    /** The document the Java client is generated from (module client), kept equal to the served one. */
    static final Path COMMITTED = Path.of("../client/src/main/openapi/pathwise-v1.json");

    private JsonNode document;
    private final Map<String, JsonNode> operations = new TreeMap<>();

    @BeforeAll
    void readTheDocument() {
        Http.Response response = http().get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        document = response.body();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                        operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                    }
                }));
        assertThat(operations).hasSizeGreaterThan(90);
    }

    /**
     * The client module builds from the committed document; after a change to the API, write it again with
     * {@code mvn -pl api -am test -Dtest=OpenApiDocumentTest -Dpathwise.openapi.rewrite=true}.
     */
    @Test
    void theCommittedDocumentTheClientIsGeneratedFromIsTheServedOne() throws IOException {
        ObjectMapper json = new ObjectMapper();
        String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(document) + "\n";
        if (Boolean.getBoolean("pathwise.openapi.rewrite")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, pretty);
        }
        assertThat(Files.exists(COMMITTED))
                .as("%s is missing; write it with -Dpathwise.openapi.rewrite=true", COMMITTED)
                .isTrue();
        assertThat(json.readTree(Files.readString(COMMITTED)))
                .as(
                        "%s differs from the served document; write it"
                                + " again with -Dpathwise.openapi.rewrite=true and rebuild the client",
                        COMMITTED)
                .isEqualTo(document);
    }

    @Test
    void everyOperationHasItsOwnReadableIdASummaryAndOneDescribedTag() {
        Set<String> tags = new HashSet<>();
        document.path("tags").forEach(tag -> {
            assertThat(tag.path("description").asText()).as(tag.toString()).isNotBlank();
            tags.add(tag.path("name").asText());
        });
        Set<String> ids = new HashSet<>();
        operations.forEach((name, operation) -> {
            String id = operation.path("operationId").asText();
            assertThat(id).as(name).matches("[a-z][A-Za-z]+");
            assertThat(ids.add(id))
                    .as("%s: operationId %s used twice", name, id)
                    .isTrue();
            assertThat(operation.path("summary").asText()).as(name).isNotBlank();
            assertThat(operation.path("tags")).as(name).hasSize(1);
            assertThat(tags).as(name).contains(operation.path("tags").get(0).asText());
        });
    }

    @Test
    void everyOperationStatesTheRolesAllowed() {
        operations.forEach((name, operation) -> {
            List<String> roles = new ArrayList<>();
            operation.path("x-roles").forEach(role -> roles.add(role.asText()));
            assertThat(roles).as(name).isNotEmpty();
            if (name.contains("/v1/session")) {
                assertThat(roles).as(name).containsExactly("anyone");
            } else if (name.contains("/v1/operator")) {
                assertThat(roles).as(name).containsExactly("operator");
            } else {
                assertThat(roles).as(name).contains("admin");
                assertThat(operation.path("description").asText()).as(name).containsPattern("Allowed(:| to admin)");
            }
        });
        assertThat(operations.get("POST /v1/evidence").path("x-roles").toString())
                .isEqualTo("[\"platform\",\"admin\"]");
        assertThat(operations.get("POST /v1/evidence").path("description").asText())
                .endsWith("Allowed: platform and admin.");
    }

    @Test
    void noParameterIsInternalToTheService() {
        operations.forEach((name, operation) -> operation.path("parameters").forEach(parameter -> {
            assertThat(parameter.path("name").asText())
                    .as(name)
                    .isNotIn("caller", "request", "response", "httpServletRequest");
            assertThat(parameter.path("in").asText()).as(name).isIn("path", "query", "header", "cookie");
        }));
        assertThat(operations.get("GET /v1/learners/{id}").path("parameters")).hasSize(1);
    }

    @Test
    void everyRefusalIsAProblemAndEveryResponseSaysItsContentType() {
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        assertThat(problem.path("required").toString()).contains("type", "title", "status", "detail");
        operations.forEach((name, operation) -> operation
                .path("responses")
                .fields()
                .forEachRemaining(response -> {
                    JsonNode content = response.getValue().path("content");
                    List<String> types = new ArrayList<>();
                    content.fieldNames().forEachRemaining(types::add);
                    assertThat(types).as("%s %s", name, response.getKey()).doesNotContain("*/*");
                    if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                        assertThat(types)
                                .as("%s %s", name, response.getKey())
                                .containsExactly("application/problem+json");
                        assertThat(content.path("application/problem+json")
                                        .path("schema")
                                        .path("$ref")
                                        .asText())
                                .isEqualTo("#/components/schemas/Problem");
                        assertThat(response.getValue().path("description").asText())
                                .startsWith("Problem types: ");
                    }
                }));
        JsonNode learner = operations.get("GET /v1/learners/{id}").path("responses");
        assertThat(learner.has("401")).isTrue();
        assertThat(learner.has("403")).isTrue();
        assertThat(learner.has("404")).isTrue();
        assertThat(learner.path("200").path("content").has("application/json")).isTrue();
        assertThat(operations
                        .get("GET /v1/exports/evidence.csv")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("text/csv"))
                .isTrue();
        assertThat(operations
                        .get("GET /v1/exports/evidence.ndjson")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("application/x-ndjson"))
                .isTrue();
    }

    @Test
    void aZippedPolicyFolderIsSentAsAFile() {
        JsonNode zip = operations
                .get("POST /v1/policies/{id}/versions")
                .path("requestBody")
                .path("content")
                .path("application/zip")
                .path("schema");
        assertThat(zip.path("type").asText()).isEqualTo("string");
        assertThat(zip.path("format").asText()).isEqualTo("binary");
        assertThat(operations
                        .get("POST /v1/policies/{id}/versions")
                        .path("requestBody")
                        .path("content")
                        .has("application/json"))
                .isTrue();
    }

    @Test
    void theRequestsPlatformsSendMostNameTheirRequiredFieldsEnumsAndExamples() {
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode evidence = schemas.path("EvidenceRequest");
        assertThat(evidence.path("required").toString()).contains("\"id\"", "\"learnerId\"", "\"score\"", "\"kind\"");
        assertThat(evidence.path("properties").path("kind").path("enum").toString())
                .isEqualTo("[\"PRE_ASSESSMENT\",\"FORMATIVE\",\"SUMMATIVE\",\"OBSERVATION\",\"SELF_REFLECTION\"]");
        assertThat(evidence.path("properties").path("learnerId").path("example").asText())
                .isEqualTo("ana");
        JsonNode override = schemas.path("OverrideJson");
        assertThat(override.path("required").toString()).contains("\"kind\"", "\"reason\"");
        assertThat(override.path("properties").path("level").path("enum")).hasSize(5);
        assertThat(schemas.path("ProfileJson").path("required").toString()).contains("\"grade\"");
    }

    @Test
    void theMainExchangesHaveExamplesWhoseFieldsTheSchemasDeclare() {
        JsonNode schemas = document.path("components").path("schemas");
        Map<String, String> examples = Map.of(
                "POST /v1/evidence", "request,200",
                "GET /v1/learners/{id}/next-steps", "200",
                "PUT /v1/learners/{id}", "request",
                "POST /v1/learners/{id}/overrides", "request");
        examples.forEach((name, parts) -> {
            JsonNode operation = operations.get(name);
            for (String part : parts.split(",")) {
                JsonNode content = part.equals("request")
                        ? operation.path("requestBody").path("content").path("application/json")
                        : operation.path("responses").path(part).path("content").path("application/json");
                JsonNode example = content.path("example");
                assertThat(example.isObject()).as("%s %s example", name, part).isTrue();
                String schema = content.path("schema").path("$ref").asText().replace("#/components/schemas/", "");
                JsonNode properties = schemas.path(schema).path("properties");
                assertThat(properties.isObject())
                        .as("%s %s schema %s", name, part, schema)
                        .isTrue();
                example.fieldNames()
                        .forEachRemaining(field -> assertThat(properties.has(field))
                                .as("%s %s example: %s is not a field of %s", name, part, field, schema)
                                .isTrue());
                schemas.path(schema)
                        .path("required")
                        .forEach(required -> assertThat(example.has(required.asText()))
                                .as("%s %s example lacks the required %s", name, part, required.asText())
                                .isTrue());
            }
        });
        assertThat(operations
                        .get("POST /v1/evidence")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .path("application/json")
                        .path("example")
                        .path("masteryChanges")
                        .get(0)
                        .path("why")
                        .path("rule")
                        .asText())
                .isEqualTo("Approaching when the score reaches the approaching threshold");
    }
}
