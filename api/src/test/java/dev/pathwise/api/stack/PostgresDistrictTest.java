package dev.pathwise.api.stack;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The district contracts in production mode on a real PostgreSQL server (embedded), started once for the class:
 * each contract nested, all in this class's one application context.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pathwise.production=true")
class PostgresDistrictTest {

    private static final Map<String, Object> DATABASE =
            EmbeddedPostgresServer.datasource(EmbeddedPostgresServer.start());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.forEach((name, value) -> registry.add(name, () -> value));
        SignInContract.openIdConnect(registry);
    }

    @Nested
    class District extends DistrictContract {
        @Override
        Map<String, Object> databaseProperties() {
            return DATABASE;
        }
    }

    @Nested
    class Privacy extends PrivacyContract {}

    @Nested
    class OneRoster extends OneRosterContract {}

    @Nested
    class SignIn extends SignInContract {}
}
