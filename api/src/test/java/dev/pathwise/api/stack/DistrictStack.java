package dev.pathwise.api.stack;

import dev.pathwise.api.operator.OperatorKeys;
import dev.pathwise.api.testing.Http;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * The running service of the district contracts (production mode, on the database of the enclosing test class), its
 * HTTP client and an operator key made for each test.
 */
abstract class DistrictStack extends RunningService {

    Http http;
    String operatorKey;

    @BeforeEach
    void operator() {
        http = http();
        operatorKey = context.getBean(OperatorKeys.class)
                .create(OperatorKeys.OPERATOR, "tests")
                .key();
    }

    /** A new tenant made by the operator, with nothing in it; its first admin key. */
    String bareDistrict(String tenantId) {
        Http.Response created = http.exchange(
                "POST",
                "/v1/operator/tenants",
                Map.of("X-Operator-Key", operatorKey),
                Map.of("id", tenantId, "name", "District " + tenantId));
        return Http.expect(created, 201).body().path("adminKey").path("key").asText();
    }
}
