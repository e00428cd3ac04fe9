package dev.pathwise.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.tenant.TenantService;
import dev.pathwise.api.testing.Http;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A body sent without its Content-Type, or with one the endpoint does not take, is told which ones it takes. */
class ContentTypeTest extends ReliabilityStack {

    @Test
    void aZipSentWithoutContentTypeIsToldBothTypesAPolicyVersionTakes() {
        JsonNode problem = post("/v1/policies/district-default/versions", null, new byte[] {'P', 'K', 3, 4});

        assertThat(problem.path("status").asInt()).isEqualTo(415);
        assertThat(problem.path("field").asText()).isEqualTo("Content-Type");
        assertThat(problem.path("detail").asText())
                .isEqualTo("the Content-Type header is missing; send"
                        + " Content-Type: application/json or application/zip (the policy folder zipped)");
    }

    @Test
    void evidenceSentAsTextIsToldToSendJson() {
        JsonNode problem = post("/v1/evidence", "text/plain", "{}".getBytes());

        assertThat(problem.path("status").asInt()).isEqualTo(415);
        assertThat(problem.path("value").asText()).startsWith("text/plain");
        assertThat(problem.path("detail").asText())
                .isEqualTo("Content-Type text/plain;charset=UTF-8 is not accepted"
                        + " here; send Content-Type: application/json or application/yaml");
    }

    private JsonNode post(String path, String contentType, byte[] body) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Map<Role, String> keys = context.getBean(TenantService.class).createWithNewKeys("ct-" + marker, marker);
        String key = keys.get(path.startsWith("/v1/evidence") ? Role.PLATFORM : Role.CURRICULUM);
        Http.Response response = http().send("POST", path, key, body, contentType, false);
        assertThat(response.isProblem()).as("%s", response).isTrue();
        return response.body();
    }
}
