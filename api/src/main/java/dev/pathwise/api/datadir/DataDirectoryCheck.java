package dev.pathwise.api.datadir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before the service starts, opens the embedded H2 file database once (a {@code jdbc:h2:file:} URL only; a
 * PostgreSQL URL is left alone): when another process holds it, the start stops here with
 * {@link DataDirectoryInUseException}, reported by {@link DataDirectoryInUseFailureAnalyzer}, before the connection
 * pool and the schema migration would log their stack traces.
 */
public class DataDirectoryCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** H2's error code for a database file locked by another process ({@code DATABASE_ALREADY_OPEN_1}). */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private static final String H2_FILE = "jdbc:h2:file:";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || !url.startsWith(H2_FILE)) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(
                url,
                environment.getProperty("spring.datasource.username", "sa"),
                environment.getProperty("spring.datasource.password", ""))) {
            connection.isValid(1);
        } catch (SQLException e) {
            if (isLocked(e)) {
                throw new DataDirectoryInUseException(dataDirectory(url), e);
            }
            // any other problem is met and reported again, with its own message, when the service opens the database
        }
    }

    /** Whether {@code failure} or one of its causes is H2 finding its database file locked. */
    static boolean isLocked(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    /** The folder of the database file named in an H2 file URL, absolute. */
    static String dataDirectory(String url) {
        String file = url.substring(H2_FILE.length());
        int options = file.indexOf(';');
        Path path = Path.of(options < 0 ? file : file.substring(0, options))
                .toAbsolutePath()
                .normalize();
        return path.getParent() == null ? path.toString() : path.getParent().toString();
    }
}
