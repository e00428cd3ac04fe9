package dev.pathwise.api.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The district contracts in production mode on the default embedded H2 file database: each contract nested, all in
 * this class's one application context.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pathwise.production=true")
class H2DistrictTest {

    private static final Map<String, Object> DATABASE =
            Map.of("pathwise.data-dir", tempDir().toString());

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

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pathwise-district-h2-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
