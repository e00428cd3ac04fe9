package dev.pathwise.api.operator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.KeyService;
import dev.pathwise.api.tenant.TenantService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** {@code pathwise admin --url ...}: the operator's endpoints of a running service. */
final class HttpAdminOperations implements AdminOperations {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String key;

    HttpAdminOperations(String baseUrl, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("set PATHWISE_OPERATOR_KEY to an operator key (created with"
                    + " 'pathwise admin operator-key create' on the database)");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.key = key.strip();
    }

    @Override
    public List<TenantService.TenantJson> list() {
        return read(send("GET", "/v1/operator/tenants", null), new TypeReference<>() {});
    }

    @Override
    public TenantService.CreatedTenant create(String tenantId, String name) {
        return read(
                send("POST", "/v1/operator/tenants", Map.of("id", tenantId, "name", name)), new TypeReference<>() {});
    }

    @Override
    public TenantService.TenantJson disable(String tenantId) {
        return read(send("POST", "/v1/operator/tenants/" + tenantId + "/disable", null), new TypeReference<>() {});
    }

    @Override
    public TenantService.TenantJson enable(String tenantId) {
        return read(send("POST", "/v1/operator/tenants/" + tenantId + "/enable", null), new TypeReference<>() {});
    }

    @Override
    public KeyService.CreatedKey adminKey(String tenantId, String label) {
        return read(
                send(
                        "POST",
                        "/v1/operator/tenants/" + tenantId + "/keys",
                        label == null ? Map.of() : Map.of("label", label)),
                new TypeReference<>() {});
    }

    @Override
    public OperatorKeys.CreatedOperatorKey createOperatorKey(String scope, String label) {
        throw new IllegalArgumentException("operator-key works on the database only");
    }

    @Override
    public List<OperatorKeys.OperatorKey> operatorKeys() {
        throw new IllegalArgumentException("operator-key works on the database only");
    }

    @Override
    public OperatorKeys.OperatorKey revokeOperatorKey(String keyId) {
        throw new IllegalArgumentException("operator-key works on the database only");
    }

    @Override
    public void close() {
        // HttpClient holds nothing that needs closing on Java 17
    }

    private String send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .header(OperatorKeyInterceptor.HEADER, key)
                    .header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                JsonNode problem = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
                throw new ApiProblem(
                        HttpStatus.valueOf(response.statusCode()),
                        "remote",
                        problem.path("field").asText(null),
                        null,
                        response.statusCode() + ": " + problem.path("detail").asText(response.body()),
                        null);
            }
            return response.body();
        } catch (IOException e) {
            throw new Unavailable("Could not reach " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while calling " + baseUrl, e);
        }
    }

    private static <T> T read(String body, TypeReference<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new IllegalStateException("Unexpected answer from the service: " + e.getMessage(), e);
        }
    }
}
