package dev.pathwise.api.stack;

import dev.pathwise.api.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The running service a contract talks to: its port and its application context, injected into each nested
 * contract of a database's test class ({@link H2FullStackTest}, {@link PostgresDistrictTest}, ...), which all share
 * that class's one context.
 */
abstract class RunningService {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    Http http() {
        return Http.onPort(port);
    }
}
