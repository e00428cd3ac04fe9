package dev.pathwise.api.reliability;

import dev.pathwise.api.testing.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a real port and an H2 file database, shared by the reliability tests (one Spring context for
 * all of them: same configuration, so the test framework caches it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pathwise.demo.enabled=false")
abstract class ReliabilityStack {

    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
    }

    Http http() {
        return new Http("http://localhost:" + port);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pathwise-reliability-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
