package dev.pathwise.api.demo;

import dev.pathwise.api.tenant.Role;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo district's fixed keys, one per role ({@code demo-admin-key}, ...) and the demo teacher's: printed at start
 * and in the README, so known to everyone. Production mode revokes any key with one of these secrets.
 */
public final class WellKnownKeys {

    /** The demo keys by role. */
    public static final Map<Role, String> DEMO = demoKeys();

    /** The key of the demo teacher Ana Rivera, a person who sees her class only. */
    public static final String RIVERA = "demo-rivera-key";

    private WellKnownKeys() {}

    public static List<String> secrets() {
        List<String> secrets = new java.util.ArrayList<>(DEMO.values());
        secrets.add(RIVERA);
        return List.copyOf(secrets);
    }

    private static Map<Role, String> demoKeys() {
        Map<Role, String> keys = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            keys.put(role, "demo-" + role.label() + "-key");
        }
        return Collections.unmodifiableMap(keys);
    }
}
