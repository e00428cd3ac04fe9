package dev.pathwise.api.policy;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.sync.TenantChanges;
import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes policy versions: a version is checked (every layer combination compiled) and its scenarios played
 * first; refused, it is kept for audit only and the report comes back; accepted, it is stored, compiled and made
 * active at once. Any stored version can be made active again (rollback or roll-forward). One publish or
 * activation at a time per tenant: the tenant's row is locked, and in this process a lock per tenant keeps the
 * database and the runtime in the same order. Each publish and activation bumps the tenant's policy counter in its
 * transaction ({@link TenantChanges}), so that the other nodes {@link #reload} the tenant.
 */
@Service
public class PolicyPublishing {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyPublishing.class);

    private final TenantPolicies policies;
    private final PolicyVersionStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SchoolFolders schoolFolders;
    private final TenantChanges changes;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public PolicyPublishing(
            TenantPolicies policies,
            PolicyVersionStore store,
            TransactionTemplate transactions,
            Clock clock,
            SchoolFolders schoolFolders,
            TenantChanges changes) {
        this.schoolFolders = schoolFolders;
        this.changes = changes;
        this.policies = policies;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What to publish: the version name (a prefix of the content hash when blank), who and why. */
    public record Request(String version, String author, String message) {}

    /**
     * A stored version as the API shows it.
     *
     * @param status  "active" or "inactive"
     * @param files   the paths of its files
     * @param outcome "published", "activated", "unchanged" (same content again, or already active)
     */
    public record VersionJson(
            String policyId,
            String version,
            String versionLabel,
            String author,
            Instant createdAt,
            String message,
            String contentHash,
            boolean active,
            String status,
            Instant activatedAt,
            List<String> files,
            String outcome,
            PolicyReport report) {

        static VersionJson of(PolicyVersionStore.StoredVersion v, String outcome, boolean withReport) {
            return new VersionJson(
                    v.policyId(),
                    v.version(),
                    v.policyId() + "@" + v.version(),
                    v.author(),
                    v.createdAt(),
                    v.message(),
                    v.contentHash(),
                    v.active(),
                    v.active() ? "active" : "inactive",
                    v.activatedAt(),
                    v.files() == null
                            ? List.of()
                            : v.files().files().stream()
                                    .map(PolicyFiles.File::path)
                                    .toList(),
                    outcome,
                    withReport ? v.report() : null);
        }
    }

    /** A refused attempt as the history shows it. */
    public record RefusalJson(
            String version,
            String author,
            Instant createdAt,
            String message,
            String contentHash,
            PolicyReport report) {}

    /** Every version of the policy, oldest first, and every refused attempt. */
    public record History(
            String policyId, String activeVersion, List<VersionJson> versions, List<RefusalJson> refused) {}

    /** The outcome of a publish: the version and whether it was new (201) or the same content again (200). */
    public record Published(VersionJson version, boolean created) {}

    public PolicyReport check(String tenantId, String policyId, PolicyFiles files, boolean runScenarios) {
        requirePolicy(tenantId, policyId);
        return CandidatePolicy.check(
                        policyId,
                        "candidate",
                        files,
                        runScenarios,
                        policies.newRuntime(1),
                        schoolFolders.problems(tenantId, files))
                .report();
    }

    public Published publish(String tenantId, String policyId, Request request, PolicyFiles files) {
        requirePolicy(tenantId, policyId);
        String hash = files.contentHash();
        String version = request.version() == null || request.version().isBlank()
                ? hash.substring(0, 12)
                : request.version().strip();
        if (version.length() > 100 || !version.matches("[A-Za-z0-9][A-Za-z0-9._+-]*")) {
            throw ApiProblem.invalid(
                    "version",
                    version,
                    "version: '" + version + "' is not a version name; use"
                            + " letters, digits, '.', '_', '+' or '-' (up to 100), such as '2026.11.1'");
        }
        String author = request.author() == null || request.author().isBlank()
                ? "unknown"
                : request.author().strip();
        Instant now = clock.instant();
        var known = existing(tenantId, policyId, version, hash);
        if (known != null) {
            return new Published(VersionJson.of(known, "unchanged", false), false);
        }
        List<CompileProblem> unknownSchools = schoolFolders.problems(tenantId, files);
        CandidatePolicy candidate =
                unknownSchools.isEmpty() ? sameContentCompiled(tenantId, policyId, version, hash, files) : null;
        if (candidate == null) {
            candidate = CandidatePolicy.check(policyId, version, files, true, policies.newRuntime(1), unknownSchools);
        }
        PolicyReport report = candidate.report();
        if (!report.ok()) {
            transactions.executeWithoutResult(
                    s -> store.refuse(tenantId, policyId, version, hash, author, request.message(), report, now));
            LOG.warn(
                    "Tenant '{}': policy {}@{} by {} refused: {}",
                    tenantId,
                    policyId,
                    version,
                    author,
                    report.summary());
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "policy-refused",
                    "files",
                    version,
                    "policy '" + policyId + "' version '" + version + "' was not published: " + report.summary()
                            + ". Nothing changed; the active version is still '"
                            + policies.active(tenantId).version()
                            + "'",
                    errors(report),
                    Map.of("report", report));
        }
        CompiledPolicy compiled = candidate.compiled();
        ReentrantLock lock = lock(tenantId);
        lock.lock();
        try {
            PolicyVersionStore.StoredVersion stored = transactions.execute(s -> {
                store.lockTenant(tenantId);
                if (existing(tenantId, policyId, version, hash) != null) {
                    return null;
                }
                store.insert(new PolicyVersionStore.StoredVersion(
                        tenantId, policyId, version, hash, author, request.message(), now, now, false, files, report));
                store.markActive(tenantId, policyId, version, now);
                changes.policyChanged(tenantId);
                return store.version(tenantId, policyId, version).orElseThrow();
            });
            if (stored == null) {
                return new Published(
                        VersionJson.of(existing(tenantId, policyId, version, hash), "unchanged", false), false);
            }
            policies.activate(tenantId, compiled);
            LOG.info(
                    "Tenant '{}': policy {}@{} by {} published and active ({})",
                    tenantId,
                    policyId,
                    version,
                    author,
                    report.summary());
            return new Published(VersionJson.of(stored, "published", true), true);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The same files were published before under another name and passed (their scenarios included: they are part
     * of the hash), and that compilation is still cached: it is reused under the new name, with the same report.
     */
    private CandidatePolicy sameContentCompiled(
            String tenantId, String policyId, String version, String hash, PolicyFiles files) {
        for (PolicyVersionStore.StoredVersion earlier : store.versions(tenantId, policyId)) {
            if (earlier.contentHash().equals(hash)
                    && earlier.report() != null
                    && earlier.report().ok()) {
                var cached = policies.cached(tenantId, policyId, earlier.version());
                if (cached.isPresent()) {
                    return new CandidatePolicy(
                            files, earlier.report(), cached.get().withVersion(version));
                }
            }
        }
        return null;
    }

    /** Makes a stored version the active one again: a rollback, or a roll-forward. */
    public VersionJson activate(String tenantId, String policyId, String version) {
        requirePolicy(tenantId, policyId);
        PolicyVersionStore.StoredVersion target = store.version(tenantId, policyId, version)
                .orElseThrow(() -> ApiProblem.notFound(
                        "version",
                        version,
                        "version: policy '" + policyId + "' has no version '" + version + "'; GET /v1/policies/"
                                + policyId + "/versions lists them"));
        ReentrantLock lock = lock(tenantId);
        lock.lock();
        try {
            CompiledPolicy compiled = policies.compile(target);
            if (target.active() && policies.active(tenantId).version().equals(version)) {
                return VersionJson.of(target, "unchanged", false);
            }
            Instant now = clock.instant();
            PolicyVersionStore.StoredVersion active = transactions.execute(s -> {
                store.lockTenant(tenantId);
                store.markActive(tenantId, policyId, version, now);
                changes.policyChanged(tenantId);
                return store.version(tenantId, policyId, version).orElseThrow();
            });
            policies.activate(tenantId, compiled);
            LOG.info("Tenant '{}': policy {}@{} activated again", tenantId, policyId, version);
            return VersionJson.of(active, "activated", false);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes the tenant's version active in the database active in this process too (compiled when it is not cached),
     * under the tenant's lock, so that it never undoes a newer publish of this process. Another node published or
     * activated it; {@link dev.pathwise.api.sync.ChangeWatcher} calls this when the tenant's policy counter moved.
     *
     * @return the version now active here when it changed, else empty
     */
    public java.util.Optional<CompiledPolicy> reload(String tenantId) {
        ReentrantLock lock = lock(tenantId);
        lock.lock();
        try {
            PolicyVersionStore.StoredVersion stored = store.active(tenantId).orElse(null);
            if (stored == null) {
                return java.util.Optional.empty();
            }
            CompiledPolicy current = policies.active(tenantId);
            if (current.policyId().equals(stored.policyId())
                    && current.version().equals(stored.version())) {
                return java.util.Optional.empty();
            }
            CompiledPolicy compiled = policies.compile(stored);
            policies.activate(tenantId, compiled);
            LOG.info(
                    "Tenant '{}': policy {}@{} active here too (published or activated on another node)",
                    tenantId,
                    stored.policyId(),
                    stored.version());
            return java.util.Optional.of(compiled);
        } finally {
            lock.unlock();
        }
    }

    /** A version with its files' content, to read; {@code report} is null for the default pack. */
    public record VersionFilesJson(
            String policyId,
            String version,
            String author,
            Instant createdAt,
            String message,
            String contentHash,
            boolean active,
            Instant activatedAt,
            List<PolicyFiles.File> files,
            PolicyReport report) {}

    public VersionFilesJson version(String tenantId, String policyId, String version) {
        requirePolicy(tenantId, policyId);
        PolicyVersionStore.StoredVersion v = store.version(tenantId, policyId, version)
                .orElseThrow(() -> ApiProblem.notFound(
                        "version",
                        version,
                        "version: policy '" + policyId + "' has no version '" + version + "'; GET /v1/policies/"
                                + policyId + "/versions lists them"));
        return new VersionFilesJson(
                v.policyId(),
                v.version(),
                v.author(),
                v.createdAt(),
                v.message(),
                v.contentHash(),
                v.active(),
                v.activatedAt(),
                v.files() == null ? List.of() : v.files().files(),
                v.report());
    }

    public History history(String tenantId, String policyId) {
        requirePolicy(tenantId, policyId);
        List<VersionJson> versions = store.versions(tenantId, policyId).stream()
                .map(v -> VersionJson.of(v, null, false))
                .toList();
        List<RefusalJson> refused = store.refusals(tenantId, policyId).stream()
                .map(r -> new RefusalJson(
                        r.version(), r.author(), r.createdAt(), r.message(), r.contentHash(), r.report()))
                .toList();
        return new History(policyId, policies.active(tenantId).version(), versions, refused);
    }

    /** 404 unless this is the tenant's policy. */
    void requirePolicy(String tenantId, String policyId) {
        String known = policies.policyIdOf(tenantId);
        if (!known.equals(policyId)) {
            throw ApiProblem.notFound(
                    "policyId",
                    policyId,
                    "policy '" + policyId + "' does not exist for this tenant;" + " its policy is '" + known
                            + "' (publish its versions at /v1/policies/" + known + "/versions)");
        }
    }

    /** The stored version of this name when it has this content; 409 when it has other content. */
    private PolicyVersionStore.StoredVersion existing(String tenantId, String policyId, String version, String hash) {
        PolicyVersionStore.StoredVersion stored =
                store.version(tenantId, policyId, version).orElse(null);
        if (stored != null && !stored.contentHash().equals(hash)) {
            throw ApiProblem.conflict(
                    "policy-version-exists",
                    "version",
                    version,
                    "version: policy '" + policyId
                            + "' already has a version '" + version + "' with other content (published by "
                            + stored.author() + " at " + stored.createdAt()
                            + "); publish the change under a new version");
        }
        return stored;
    }

    private ReentrantLock lock(String tenantId) {
        return locks.computeIfAbsent(tenantId, t -> new ReentrantLock());
    }

    private static List<String> errors(PolicyReport report) {
        List<String> errors = new java.util.ArrayList<>(
                report.problems().stream().map(PolicyPublishing::line).toList());
        report.scenarios().stream()
                .filter(s -> !s.passed())
                .forEach(s -> errors.add("scenarios/" + s.file() + ": " + s.difference()));
        return errors;
    }

    private static String line(PolicyReport.Problem p) {
        return p.file() + (p.line() > 0 ? ":" + p.line() + (p.column() > 0 ? ":" + p.column() : "") : "") + ": "
                + p.message();
    }
}
