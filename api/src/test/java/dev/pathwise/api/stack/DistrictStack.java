package dev.pathwise.api.stack;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.pathwise.api.operator.OperatorKeys;
import dev.pathwise.api.testing.Http;

/**
 * The running service of the district contracts (production mode, one database per subclass), its HTTP client and
 * an operator key made for each test.
 */
abstract class DistrictStack {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    Http http;
    String operatorKey;

    /** The datasource properties of this database, for the command line run against it. */
    abstract Map<String, Object> databaseProperties();

    @BeforeEach
    void operator() {
        http = new Http("http://localhost:" + port);
        operatorKey = context.getBean(OperatorKeys.class).create(OperatorKeys.OPERATOR, "tests").key();
    }

    /** A new tenant made by the operator, with nothing in it; its first admin key. */
    String bareDistrict(String tenantId) {
        Http.Response created = http.exchange("POST", "/v1/operator/tenants", Map.of("X-Operator-Key", operatorKey),
                Map.of("id", tenantId, "name", "District " + tenantId));
        return Http.expect(created, 201).body().path("adminKey").path("key").asText();
    }
}
