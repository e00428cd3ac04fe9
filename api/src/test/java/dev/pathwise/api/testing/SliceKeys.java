package dev.pathwise.api.testing;

import dev.pathwise.api.classes.EnrollmentRepository;
import dev.pathwise.api.operator.OperatorKeys;
import dev.pathwise.api.session.BrowserSessions;
import dev.pathwise.api.tenant.ApiKeyAuthenticator;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The API keys a {@link ControllerSlice} knows, in place of the key table: one key of tenant {@value #TENANT} per
 * role, and {@link #LEAD} and {@link #RIVERA}, keys of people (curriculum lead Lee Park, teacher Ana María Rivera). Any other key is unknown (401).
 */
public final class SliceKeys extends ApiKeyAuthenticator {

    public static final String TENANT = "t-slice";
    public static final String PLATFORM = "platform-key";
    public static final String TEACHER = "teacher-key";
    public static final String CURRICULUM = "curriculum-key";
    public static final String ADMIN = "admin-key";
    /** The key of user {@code lpark}, a curriculum lead: what they publish is under their name. */
    public static final String LEAD = "lead-key";
    /** The key of user {@code rivera}, a teacher who reads only the learners of the classes she teaches. */
    public static final String RIVERA = "rivera-key";

    private static final Map<String, Caller> CALLERS = Map.of(
            PLATFORM, Caller.ofKey(TENANT, Role.PLATFORM, "lms"),
            TEACHER, Caller.ofKey(TENANT, Role.TEACHER, "teachers"),
            CURRICULUM, Caller.ofKey(TENANT, Role.CURRICULUM, "curriculum-team"),
            ADMIN, Caller.ofKey(TENANT, Role.ADMIN, "admin"),
            LEAD,
                    new Caller(
                            TENANT,
                            Set.of(Role.CURRICULUM),
                            "lead's key",
                            new Caller.Person("lead", "lpark", "Lee Park")),
            RIVERA,
                    new Caller(
                            TENANT,
                            Set.of(Role.TEACHER),
                            "rivera's key",
                            new Caller.Person("rivera", "rivera", "Ana María Rivera")));

    private SliceKeys() {
        super(null);
    }

    /** The caller a key of the slice stands for, as the controller receives it. */
    public static Caller caller(String key) {
        return CALLERS.get(key);
    }

    @Override
    public Optional<Caller> authenticate(String apiKey) {
        return Optional.ofNullable(CALLERS.get(apiKey));
    }

    @Override
    public Optional<Caller> authenticateHash(String keyHash) {
        return Optional.empty();
    }

    /** The beans the HTTP edge needs besides the controller: keys, no sessions, no classes, a meter registry. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Edge {

        @Bean
        ApiKeyAuthenticator sliceKeys() {
            return new SliceKeys();
        }

        @Bean
        BrowserSessions noSessions() {
            return Mockito.mock(BrowserSessions.class);
        }

        @Bean
        EnrollmentRepository noEnrollments() {
            return Mockito.mock(EnrollmentRepository.class);
        }

        @Bean
        OperatorKeys noOperatorKeys() {
            return Mockito.mock(OperatorKeys.class);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
