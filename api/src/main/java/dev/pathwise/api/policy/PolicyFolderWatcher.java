package dev.pathwise.api.policy;

import dev.pathwise.api.problem.ApiProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a folder as a new version of a tenant's policy whenever its content changes. The folder is read every
 * {@code interval}; a content seen unchanged on two reads in a row (so a folder being copied is not published half
 * way) and not published or refused before is published under the first 12 characters of its content hash, author
 * {@value #AUTHOR}. A refused version is logged with its report and kept in the policy's history.
 */
public final class PolicyFolderWatcher implements AutoCloseable {

    public static final String AUTHOR = "watched-folder";

    private static final Logger LOG = LoggerFactory.getLogger(PolicyFolderWatcher.class);

    private final Path folder;
    private final String tenantId;
    private final PolicyPublishing publishing;
    private final TenantPolicies policies;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    private String lastSeen;
    private String lastTried;

    public PolicyFolderWatcher(
            Path folder, String tenantId, PolicyPublishing publishing, TenantPolicies policies, Duration interval) {
        if (interval.isNegative() || interval.isZero() || interval.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(
                    "pathwise.policy.watch-interval: " + interval + " must be between 1 ms and 10 minutes");
        }
        this.folder = folder.toAbsolutePath().normalize();
        this.tenantId = tenantId;
        this.publishing = publishing;
        this.policies = policies;
        this.interval = interval;
    }

    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "policy-folder-watcher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::pollSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(
                "Watching {} every {} ms: a change is published as a new version of tenant '{}''s policy",
                folder,
                interval.toMillis(),
                tenantId);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.error("Watched policy folder {}: {}", folder, e.getMessage(), e);
        }
    }

    /** One look at the folder; publishes it when its content is new and steady. */
    synchronized void poll() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        PolicyFiles files;
        try {
            files = PolicyFiles.fromFolder(folder);
        } catch (ApiProblem unreadable) {
            LOG.warn("Watched policy folder {}: {}", folder, unreadable.getMessage());
            return;
        } catch (java.io.UncheckedIOException changing) {
            return;
        }
        if (files.files().isEmpty()) {
            return;
        }
        String hash = files.contentHash();
        boolean steady = hash.equals(lastSeen);
        lastSeen = hash;
        if (!steady || hash.equals(lastTried)) {
            return;
        }
        lastTried = hash;
        try {
            var published = publishing.publish(
                    tenantId,
                    policies.policyIdOf(tenantId),
                    new PolicyPublishing.Request(
                            hash.substring(0, 12), AUTHOR, "published from the watched folder " + folder),
                    files);
            if (published.created()) {
                LOG.info(
                        "Watched policy folder {}: published {}",
                        folder,
                        published.version().versionLabel());
            }
        } catch (ApiProblem refused) {
            Object report = refused.properties().get("report");
            LOG.warn(
                    "Watched policy folder {}: {}{}",
                    folder,
                    refused.getMessage(),
                    report instanceof PolicyReport r
                            ? "\n  " + String.join("\n  ", refused.errors()) + scenarioLines(r)
                            : "");
        } catch (RuntimeException failed) {
            lastTried = null;
            throw failed;
        }
    }

    private static String scenarioLines(PolicyReport report) {
        StringBuilder text = new StringBuilder();
        report.scenarios().stream()
                .filter(s -> !s.passed())
                .forEach(s ->
                        text.append("\n  FAIL ").append(s.file()).append(": ").append(s.difference()));
        return text.toString();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
