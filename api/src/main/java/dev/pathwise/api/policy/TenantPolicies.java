package dev.pathwise.api.policy;

import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.policy.sandbox.EvaluationLimits;
import dev.pathwise.rules.DefaultPolicyPack;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;

/**
 * The policy in force for each tenant. A tenant that never published uses the default pack, compiled once and
 * shared; a tenant that published gets its own {@link PolicyRuntime} (its compiled versions cached, its active
 * version swapped atomically). Each evaluation takes {@link #active} once and finishes on that version.
 *
 * <p>At start, every tenant's active stored version is compiled and activated again.
 */
@Service
public class TenantPolicies implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(TenantPolicies.class);

    private final PolicyRuntime shared;
    private final PolicyVersionStore store;
    private final Clock clock;
    private final Map<String, PolicyRuntime> tenants = new ConcurrentHashMap<>();
    private final int maxIdleSessions = Runtime.getRuntime().availableProcessors() * 2;
    private final EvaluationLimits limits;

    public TenantPolicies(PolicyRuntime runtime, PolicyVersionStore store, Clock clock, EvaluationLimits limits) {
        this.shared = runtime;
        this.store = store;
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int loaded = 0;
        for (PolicyVersionStore.StoredVersion version : store.allActive()) {
            if (isDefaultPack(version)) {
                continue;
            }
            try {
                activate(version.tenantId(), compile(version));
                loaded++;
            } catch (RuntimeException e) {
                LOG.error(
                        "Tenant '{}': policy {}@{} no longer compiles; the tenant runs the default pack {}@{} until"
                                + " a version is published or activated: {}",
                        version.tenantId(),
                        version.policyId(),
                        version.version(),
                        DefaultPolicyPack.POLICY_ID,
                        DefaultPolicyPack.VERSION,
                        e.getMessage());
            }
        }
        if (loaded > 0) {
            LOG.info("Activated the published policy of {} tenant(s)", loaded);
        }
    }

    /** The version in force for the tenant now. */
    public CompiledPolicy active(String tenantId) {
        PolicyRuntime runtime = tenants.get(tenantId);
        CompiledPolicy policy =
                runtime == null ? null : runtime.active(policyIdOf(tenantId)).orElse(null);
        return policy != null ? policy : defaultPack();
    }

    /** The default pack as compiled in this release. */
    public CompiledPolicy defaultPack() {
        return shared.require(DefaultPolicyPack.POLICY_ID);
    }

    /** Makes a compiled version the tenant's active one, atomically. */
    void activate(String tenantId, CompiledPolicy policy) {
        tenants.computeIfAbsent(tenantId, t -> newRuntime(8)).activate(policy);
        policyIds.put(tenantId, policy.policyId());
    }

    /** The compiled form of a stored version: from the cache when it was compiled before, else compiled again. */
    CompiledPolicy compile(PolicyVersionStore.StoredVersion version) {
        if (isDefaultPack(version)) {
            return defaultPack();
        }
        if (version.files() == null) {
            throw new IllegalStateException("version " + version.version() + " was the default pack of another"
                    + " release and its files were not kept");
        }
        PolicyRuntime runtime = tenants.get(version.tenantId());
        if (runtime != null) {
            CompiledPolicy cached =
                    runtime.cached(version.policyId(), version.version()).orElse(null);
            if (cached != null) {
                return cached;
            }
        }
        CandidatePolicy candidate =
                CandidatePolicy.check(version.policyId(), version.version(), version.files(), false, newRuntime(1));
        if (candidate.compiled() == null) {
            throw new IllegalStateException(
                    candidate.report().summary() + ": " + candidate.report().problems());
        }
        return candidate.compiled();
    }

    /** A version of the tenant compiled earlier in this process, if still cached. */
    java.util.Optional<CompiledPolicy> cached(String tenantId, String policyId, String version) {
        PolicyRuntime runtime = tenants.get(tenantId);
        return runtime == null ? java.util.Optional.empty() : runtime.cached(policyId, version);
    }

    /** A runtime keeping up to this many compiled versions, with the service's evaluation limits. */
    PolicyRuntime newRuntime(int maxVersions) {
        return new PolicyRuntime(maxVersions, maxIdleSessions, limits);
    }

    private final Map<String, String> policyIds = new ConcurrentHashMap<>();

    /** The tenant's policy id: the default pack's until it publishes under another. */
    public String policyIdOf(String tenantId) {
        return policyIds.getOrDefault(tenantId, DefaultPolicyPack.POLICY_ID);
    }

    /** True for a stored version that is this release's default pack: it runs on the shared compilation. */
    private boolean isDefaultPack(PolicyVersionStore.StoredVersion version) {
        CompiledPolicy pack = defaultPack();
        if (!version.policyId().equals(pack.policyId()) || !version.version().equals(pack.version())) {
            return false;
        }
        return version.files() == null
                ? version.contentHash().equals(pack.contentHash())
                : version.contentHash().equals(defaultPackHash());
    }

    private volatile String defaultPackHash;

    /** The content hash of the default pack's files, as stored. */
    String defaultPackHash() {
        String hash = defaultPackHash;
        if (hash == null) {
            hash = PolicyFiles.fromSource(defaultPack().source()).contentHash();
            defaultPackHash = hash;
        }
        return hash;
    }

    /** Records the default pack as the active version of a new tenant. */
    public void recordActivation(String tenantId) {
        if (store.active(tenantId).isPresent()) {
            return;
        }
        CompiledPolicy pack = defaultPack();
        store.insert(new PolicyVersionStore.StoredVersion(
                tenantId,
                pack.policyId(),
                pack.version(),
                defaultPackHash(),
                "pathwise",
                "default policy pack " + pack.version(),
                clock.instant(),
                clock.instant(),
                false,
                PolicyFiles.fromSource(pack.source()),
                null));
        store.markActive(tenantId, pack.policyId(), pack.version(), clock.instant());
    }
}
