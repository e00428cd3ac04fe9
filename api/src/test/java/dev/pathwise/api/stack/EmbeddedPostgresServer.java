package dev.pathwise.api.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** A real PostgreSQL server (embedded) for one database test class, stopped when the JVM exits. */
final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {}

    static EmbeddedPostgres start() {
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

    /** The datasource properties of the server's {@code postgres} database. */
    static Map<String, Object> datasource(EmbeddedPostgres postgres) {
        return Map.of(
                "spring.datasource.url",
                postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username",
                "postgres",
                "spring.datasource.password",
                "postgres");
    }
}
