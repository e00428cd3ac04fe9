package dev.pathwise.engine.policy;

import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.policy.session.RuleSessionPool;
import java.util.List;

/**
 * The policy as it applies to learners of one grade band in one school (or in the district when the school has
 * no overlay): the resolved parameters, the rule files with their layers, and the sessions of their KieBase.
 *
 * @param policyId   the policy
 * @param version    the policy version
 * @param band       the grade band
 * @param schoolId   the school whose overlay applies, or {@code null} for the district alone
 * @param parameters the resolved parameters
 * @param ruleFiles  the rule files in force, with the layer each came from
 * @param sessions   sessions over the compiled rule files
 */
public record EffectivePolicy(
        String policyId,
        String version,
        GradeBand band,
        String schoolId,
        BandParameters parameters,
        List<EffectiveRuleFile> ruleFiles,
        RuleSessionPool sessions) {

    /** "policy@version", recorded with every path update. */
    public String versionLabel() {
        return policyId + "@" + version;
    }
}
