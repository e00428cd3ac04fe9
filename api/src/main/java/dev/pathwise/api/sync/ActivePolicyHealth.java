package dev.pathwise.api.sync;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/health} → {@code components.policySync}: this node's active policy version per tenant and when
 * it last read the change counters, to compare the nodes of a deployment.
 */
@Component("policySync")
public class ActivePolicyHealth implements HealthIndicator {

    private final ChangeWatcher watcher;

    public ActivePolicyHealth(ChangeWatcher watcher) {
        this.watcher = watcher;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up()
                .withDetail("activePolicies", watcher.activePolicies())
                .withDetail("interval", watcher.interval().toString());
        if (watcher.lastLook() != null) {
            health.withDetail("lastLook", watcher.lastLook().toString());
        }
        return health.build();
    }
}
