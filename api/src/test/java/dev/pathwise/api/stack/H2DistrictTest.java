package dev.pathwise.api.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The district contract in production mode on the default embedded H2 file database. */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pathwise.production=true")
class H2DistrictTest extends DistrictContract {

    private static final Path DATA_DIR = tempDir();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
    }

    @Override
    Map<String, Object> databaseProperties() {
        return Map.of("pathwise.data-dir", DATA_DIR.toString());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pathwise-district-h2-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
