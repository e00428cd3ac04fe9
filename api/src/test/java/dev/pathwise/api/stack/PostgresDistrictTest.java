package dev.pathwise.api.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The district contract in production mode on a real PostgreSQL server (embedded), started once for the class. */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pathwise.production=true")
class PostgresDistrictTest extends DistrictContract {

    private static final EmbeddedPostgres POSTGRES = start();

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        databaseProperties(POSTGRES).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Override
    Map<String, Object> databaseProperties() {
        return databaseProperties(POSTGRES);
    }

    private static Map<String, Object> databaseProperties(EmbeddedPostgres postgres) {
        return Map.of("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres");
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }
}
