package dev.pathwise.api.policy;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What a tenant can read about its policy: version, files, and parameters per grade band and school. */
@Service
public class PolicyService {

    private final TenantPolicies policies;
    private final JdbcClient jdbc;

    public PolicyService(TenantPolicies policies, JdbcClient jdbc) {
        this.policies = policies;
        this.jdbc = jdbc;
    }

    /** A policy in brief. */
    public record PolicySummary(
            String id,
            String activeVersion,
            String versionLabel,
            String contentHash,
            List<String> ruleFiles,
            String activatedAt) {}

    /** A rule file with the layer it comes from. */
    public record RuleFileJson(String path, String layer, String replaces) {}

    /** A policy in full: parameters per grade band for the district, and per school (with its overlay, if any). */
    public record PolicyDetail(
            PolicySummary policy,
            List<RuleFileJson> files,
            Map<String, Map<String, Object>> district,
            Map<String, Map<String, Map<String, Object>>> schools) {}

    public List<PolicySummary> list(String tenantId) {
        return List.of(summary(tenantId, policies.active(tenantId)));
    }

    public PolicyDetail get(String tenantId, String policyId) {
        CompiledPolicy policy = policies.active(tenantId);
        if (!policy.policyId().equals(policyId)) {
            throw ApiProblem.notFound(
                    "policyId",
                    policyId,
                    "policy '" + policyId + "' does not exist for this" + " tenant; the active policy is '"
                            + policy.policyId() + "'");
        }
        List<RuleFileJson> files = policy.resolve(GradeBand.G6_8, null).ruleFiles().stream()
                .map(f -> new RuleFileJson(f.file().path(), f.layer(), f.replaces()))
                .toList();
        Map<String, Map<String, Object>> district = byBand(policy, null);
        TreeSet<String> schoolIds = new TreeSet<>(policy.source().schools().keySet());
        schoolIds.addAll(jdbc.sql("select school_id from schools where tenant_id = :t")
                .param("t", tenantId)
                .query(String.class)
                .list());
        Map<String, Map<String, Map<String, Object>>> schools = new LinkedHashMap<>();
        schoolIds.forEach(school -> schools.put(school, byBand(policy, school)));
        return new PolicyDetail(summary(tenantId, policy), files, district, schools);
    }

    private static Map<String, Map<String, Object>> byBand(CompiledPolicy policy, String schoolId) {
        Map<String, Map<String, Object>> bands = new LinkedHashMap<>();
        for (GradeBand band : GradeBand.values()) {
            Map<String, Object> plain = new TreeMap<>();
            policy.resolve(band, schoolId)
                    .parameters()
                    .asMap()
                    .forEach((name, value) -> plain.put(
                            name,
                            value == null
                                            || value instanceof Number
                                            || value instanceof Boolean
                                            || value instanceof String
                                            || value instanceof Map
                                    ? value
                                    : value.toString()));
            bands.put(band.label(), plain);
        }
        return bands;
    }

    /**
     * The active version as its history shows it: the content hash is the one stored with the version (a hash of its
     * files, scenarios included), or, for the default pack that was never published, the hash of the pack's files.
     */
    private PolicySummary summary(String tenantId, CompiledPolicy policy) {
        record Stored(String activatedAt, String contentHash) {}
        Stored stored = jdbc.sql("select activated_at, content_hash from policy_versions where tenant_id = :t"
                        + " and policy_id = :p and version = :v")
                .param("t", tenantId)
                .param("p", policy.policyId())
                .param("v", policy.version())
                .query((rs, n) -> new Stored(
                        rs.getObject(1, java.time.OffsetDateTime.class) == null
                                ? null
                                : rs.getObject(1, java.time.OffsetDateTime.class)
                                        .toInstant()
                                        .toString(),
                        rs.getString(2)))
                .optional()
                .orElse(null);
        String hash = stored != null
                ? stored.contentHash()
                : PolicyFiles.fromSource(policy.source()).contentHash();
        return new PolicySummary(
                policy.policyId(),
                policy.version(),
                policy.versionLabel(),
                hash,
                policy.source().district().ruleFiles().stream()
                        .map(f -> f.path())
                        .toList(),
                stored == null ? null : stored.activatedAt());
    }
}
