package dev.pathwise.api.sync;

import dev.pathwise.api.tenant.ApiKeys;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/health} → {@code components.policySync}: the active policy version of every tenant this node
 * holds, and when it last read the change counters, so that the nodes of a deployment can be compared. The health
 * endpoint answers anyone, so tenants and versions are shown as digests ({@link #digest}): the same tenant and
 * version give the same digests on every node, and an operator who knows a tenant id and a version can compute
 * them, but the answer names neither. A tenant reads its own active version at {@code GET /v1/policies/{id}}.
 */
@Component("policySync")
public class ActivePolicyHealth implements HealthIndicator {

    private final ChangeWatcher watcher;

    public ActivePolicyHealth(ChangeWatcher watcher) {
        this.watcher = watcher;
    }

    @Override
    public Health health() {
        Map<String, String> active = new TreeMap<>();
        watcher.activePolicies()
                .forEach((tenantId, version) -> active.put(digest(tenantId), digest(tenantId + "=" + version)));
        Health.Builder health = Health.up()
                .withDetail("activePolicies", active)
                .withDetail("interval", watcher.interval().toString());
        if (watcher.lastLook() != null) {
            health.withDetail("lastLook", watcher.lastLook().toString());
        }
        return health.build();
    }

    /**
     * The first 16 hex digits of the SHA-256 of the text: a tenant id, or {@code tenantId=version} for its active
     * version.
     */
    public static String digest(String text) {
        return ApiKeys.hash(text).substring(0, 16);
    }
}
