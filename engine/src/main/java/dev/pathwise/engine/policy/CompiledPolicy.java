package dev.pathwise.engine.policy;

import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.policy.compiler.PolicyCompiler;
import java.util.Map;

/**
 * A compiled, immutable policy version: for every grade band, in the district and in each school with an overlay,
 * the resolved parameters and the compiled rules. Safe to share between threads.
 */
public final class CompiledPolicy {

    private final PolicySource source;
    private final String contentHash;
    private final Map<String, Map<GradeBand, EffectivePolicy>> resolved;
    private final int kieBaseCount;
    private final long compileMillis;

    public CompiledPolicy(
            PolicySource source,
            Map<String, Map<GradeBand, EffectivePolicy>> resolved,
            int kieBaseCount,
            long compileMillis) {
        this.source = source;
        this.contentHash = source.contentHash();
        this.resolved = Map.copyOf(resolved);
        this.kieBaseCount = kieBaseCount;
        this.compileMillis = compileMillis;
    }

    public String policyId() {
        return source.policyId();
    }

    public String version() {
        return source.version();
    }

    /** "policy@version", recorded with every path update. */
    public String versionLabel() {
        return source.policyId() + "@" + source.version();
    }

    public PolicySource source() {
        return source;
    }

    public String contentHash() {
        return contentHash;
    }

    /** How many distinct rule-file sets were compiled (schools that replace no rule file share the district's). */
    public int kieBaseCount() {
        return kieBaseCount;
    }

    public long compileMillis() {
        return compileMillis;
    }

    /**
     * The same compiled rules and parameters under another version name, without compiling again: for a version
     * whose content is identical to one compiled before. The rule sessions are shared with this version.
     */
    public CompiledPolicy withVersion(String nextVersion) {
        Map<String, Map<GradeBand, EffectivePolicy>> renamed = new java.util.HashMap<>();
        resolved.forEach((scope, bands) -> {
            Map<GradeBand, EffectivePolicy> copy = new java.util.EnumMap<>(GradeBand.class);
            bands.forEach((band, p) -> copy.put(
                    band,
                    new EffectivePolicy(
                            p.policyId(),
                            nextVersion,
                            p.band(),
                            p.schoolId(),
                            p.parameters(),
                            p.ruleFiles(),
                            p.sessions())));
            renamed.put(scope, copy);
        });
        return new CompiledPolicy(source.withVersion(nextVersion), renamed, kieBaseCount, 0);
    }

    /** The policy for a learner of this band in this school; a school without an overlay gets the district's. */
    public EffectivePolicy resolve(GradeBand band, String schoolId) {
        Map<GradeBand, EffectivePolicy> school = schoolId == null ? null : resolved.get(schoolId);
        return (school != null ? school : resolved.get(PolicyCompiler.scopeKey(null))).get(band);
    }
}
