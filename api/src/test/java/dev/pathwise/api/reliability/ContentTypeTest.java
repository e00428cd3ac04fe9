package dev.pathwise.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.tenant.TenantService;

/** A body sent without its Content-Type, or with one the endpoint does not take, is told which ones it takes. */
class ContentTypeTest extends ReliabilityStack {

    @Test
    void aZipSentWithoutContentTypeIsToldBothTypesAPolicyVersionTakes() throws Exception {
        JsonNode problem = post("/v1/policies/district-default/versions", null, new byte[] {'P', 'K', 3, 4});

        assertThat(problem.path("status").asInt()).isEqualTo(415);
        assertThat(problem.path("field").asText()).isEqualTo("Content-Type");
        assertThat(problem.path("detail").asText()).isEqualTo("the Content-Type header is missing; send"
                + " Content-Type: application/json or application/zip (the policy folder zipped)");
    }

    @Test
    void evidenceSentAsTextIsToldToSendJson() throws Exception {
        JsonNode problem = post("/v1/evidence", "text/plain", "{}".getBytes());

        assertThat(problem.path("status").asInt()).isEqualTo(415);
        assertThat(problem.path("value").asText()).startsWith("text/plain");
        assertThat(problem.path("detail").asText()).isEqualTo("Content-Type text/plain;charset=UTF-8 is not accepted"
                + " here; send Content-Type: application/json or application/yaml");
    }

    private JsonNode post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Map<Role, String> keys = context.getBean(TenantService.class).createWithNewKeys("ct-" + marker, marker);
        String key = keys.get(path.startsWith("/v1/evidence") ? Role.PLATFORM : Role.CURRICULUM);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Api-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        return new ObjectMapper().readTree(response.body());
    }
}
