package dev.pathwise.api.sync;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.policy.PolicyPublishing;
import dev.pathwise.api.policy.TenantPolicies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls every tenant's change counters ({@link TenantChanges}) every {@code pathwise.sync.interval} (500 ms; one small
 * query) on a daemon thread, and reloads a tenant whose counters moved since the last look: its policy counter makes
 * the version active in the database active here ({@link PolicyPublishing#reload}), its curriculum counter drops the
 * cached curriculum ({@link CurriculumCache#forget}). The first look reloads every tenant, which covers a change
 * committed while this node was starting. An evaluation takes its policy and curriculum once, so it runs wholly on
 * the versions before a reload or wholly on those after.
 *
 * <p>Polling the database rather than PostgreSQL's {@code LISTEN/NOTIFY} or a compacted Kafka topic: it works the same
 * on H2 and PostgreSQL, needs nothing beside the database every node already has, and misses nothing when a node was
 * away (a counter is a state, not a message).
 */
@Component
public class ChangeWatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatcher.class);

    private final TenantChanges changes;
    private final PolicyPublishing publishing;
    private final TenantPolicies policies;
    private final CurriculumCache curricula;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, TenantChanges.Counters> seen = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService scheduler;
    private volatile Instant lastLook;
    private volatile boolean first = true;

    public ChangeWatcher(
            TenantChanges changes,
            PolicyPublishing publishing,
            TenantPolicies policies,
            CurriculumCache curricula,
            Clock clock,
            @Value("${pathwise.sync.interval:500ms}") Duration interval) {
        if (interval.isNegative() || interval.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("pathwise.sync.interval: " + interval
                    + " must be between 0 (no polling: a single node) and 10 minutes; 500ms keeps nodes within a"
                    + " second of each other");
        }
        this.changes = changes;
        this.publishing = publishing;
        this.policies = policies;
        this.curricula = curricula;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || interval.isZero()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tenant-change-watcher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::lookSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next look tries again and misses nothing.
            LOG.warn("Could not read the tenants' change counters: {}", e.getMessage());
        }
    }

    /** One look at the counters; reloads what moved. */
    synchronized void look() {
        Map<String, TenantChanges.Counters> now = changes.all();
        boolean all = first;
        now.forEach((tenantId, counters) -> {
            TenantChanges.Counters before = seen.get(tenantId);
            boolean policyMoved = all || before == null || before.policy() != counters.policy();
            boolean curriculumMoved = all || before == null || before.curriculum() != counters.curriculum();
            try {
                if (curriculumMoved) {
                    curricula.forget(tenantId);
                }
                if (policyMoved) {
                    publishing.reload(tenantId);
                }
                seen.put(tenantId, counters);
            } catch (RuntimeException e) {
                LOG.error(
                        "Tenant '{}': could not reload its policy or curriculum after a change on another node;"
                                + " trying again at the next look: {}",
                        tenantId,
                        e.getMessage());
            }
        });
        first = false;
        lastLook = clock.instant();
    }

    /** The active policy of each tenant this node knows of, as {@code policyId@version}, by tenant id. */
    public Map<String, String> activePolicies() {
        Map<String, String> active = new java.util.TreeMap<>();
        seen.keySet()
                .forEach(tenantId ->
                        active.put(tenantId, policies.active(tenantId).versionLabel()));
        return active;
    }

    /** When the counters were last read; null before the first look. */
    public Instant lastLook() {
        return lastLook;
    }

    /** How often the counters are read. */
    public Duration interval() {
        return interval;
    }
}
