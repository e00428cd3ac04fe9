package dev.pathwise.api.stack;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The full-stack contracts on a real PostgreSQL server (embedded), started once for the class: each contract nested,
 * all in this class's one application context.
 */
// Looping rules are cut off by the firing limit, which counts; not by the CPU limit, which a loaded machine reaches
// first.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"pathwise.demo.enabled=false", "pathwise.evaluation.cpu-limit=5s"})
class PostgresFullStackTest {

    private static final Map<String, Object> DATABASE =
            EmbeddedPostgresServer.datasource(EmbeddedPostgresServer.start());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.forEach((name, value) -> registry.add(name, () -> value));
    }

    @Nested
    class Evidence extends EvidenceContract {
        @Override
        Map<String, Object> databaseProperties() {
            return DATABASE;
        }
    }

    @Nested
    class PolicyPublishing extends PolicyPublishingContract {}

    @Nested
    class Interop extends InteropContract {}

    @Nested
    class Standards extends StandardsContract {}
}
