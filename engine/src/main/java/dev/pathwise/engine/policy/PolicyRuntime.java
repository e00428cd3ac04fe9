package dev.pathwise.engine.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pathwise.engine.policy.compiler.CompiledRuleStore;
import dev.pathwise.engine.policy.compiler.PolicyCompiler;
import dev.pathwise.engine.policy.sandbox.EvaluationLimits;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles policies, keeps compiled versions in a Caffeine cache keyed by policy id and version, and holds the
 * active version of each policy.
 *
 * <p>{@link #activate} swaps the active version atomically: an evaluation takes the {@link CompiledPolicy} once at
 * its start and finishes on it, so evaluations in flight finish on the old version while new ones get the new one.
 */
public final class PolicyRuntime {

    private final PolicyCompiler compiler;
    private final Cache<String, CompiledPolicy> compiled;
    private final Map<String, CompiledPolicy> active = new ConcurrentHashMap<>();

    /** A runtime keeping up to 32 compiled versions and 2 idle sessions per core for each. */
    public PolicyRuntime() {
        this(32, Runtime.getRuntime().availableProcessors() * 2);
    }

    public PolicyRuntime(int maxCachedVersions, int maxIdleSessionsPerRuleSet) {
        this(maxCachedVersions, maxIdleSessionsPerRuleSet, EvaluationLimits.DEFAULT);
    }

    /**
     * @param limits how much CPU time and memory one evaluation's rules may take before they are stopped
     */
    public PolicyRuntime(int maxCachedVersions, int maxIdleSessionsPerRuleSet, EvaluationLimits limits) {
        this(maxCachedVersions, maxIdleSessionsPerRuleSet, limits, null);
    }

    /**
     * @param store where compiled rule sets are kept between starts and taken from, checked again before use
     *              ({@link CompiledRuleStore}); null to compile every rule set
     */
    public PolicyRuntime(
            int maxCachedVersions, int maxIdleSessionsPerRuleSet, EvaluationLimits limits, CompiledRuleStore store) {
        this.compiler = new PolicyCompiler(maxIdleSessionsPerRuleSet, limits, store);
        this.compiled = Caffeine.newBuilder().maximumSize(maxCachedVersions).build();
    }

    /**
     * Compiles a policy version, or returns the cached compilation of the same content.
     *
     * @throws PolicyCompilationException with every problem (file, line, column, message) when it does not compile
     * @throws IllegalArgumentException   when this policy version was compiled before with other content
     */
    public CompiledPolicy compile(PolicySource source) {
        String key = key(source.policyId(), source.version());
        CompiledPolicy cached = compiled.getIfPresent(key);
        if (cached != null) {
            requireSameContent(cached, source);
            return cached;
        }
        CompiledPolicy fresh = compiled.get(key, k -> compiler.compile(source));
        requireSameContent(fresh, source);
        return fresh;
    }

    /** Compiles (or finds) a version and makes it the active one of its policy, atomically. */
    public CompiledPolicy activate(PolicySource source) {
        CompiledPolicy policy = compile(source);
        active.put(policy.policyId(), policy);
        return policy;
    }

    /** Makes an already compiled version active again (a rollback), atomically. */
    public CompiledPolicy activate(CompiledPolicy policy) {
        compiled.put(key(policy.policyId(), policy.version()), policy);
        active.put(policy.policyId(), policy);
        return policy;
    }

    public Optional<CompiledPolicy> active(String policyId) {
        return Optional.ofNullable(active.get(policyId));
    }

    /** The active version of a policy, or an error that says how to publish one. */
    public CompiledPolicy require(String policyId) {
        CompiledPolicy policy = active.get(policyId);
        if (policy == null) {
            throw new IllegalStateException("Policy '" + policyId + "' has no active version; publish one first");
        }
        return policy;
    }

    public Optional<CompiledPolicy> cached(String policyId, String version) {
        return Optional.ofNullable(compiled.getIfPresent(key(policyId, version)));
    }

    private static void requireSameContent(CompiledPolicy compiledPolicy, PolicySource source) {
        if (!compiledPolicy.contentHash().equals(source.contentHash())) {
            throw new IllegalArgumentException("version: policy '" + source.policyId() + "' version '"
                    + source.version() + "' already exists with other content; give the changed policy a new version");
        }
    }

    private static String key(String policyId, String version) {
        return policyId + '\u0000' + version;
    }
}
