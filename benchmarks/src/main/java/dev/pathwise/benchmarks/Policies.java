package dev.pathwise.benchmarks;

import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.ParameterFile;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.policy.PolicySource;
import dev.pathwise.rules.DefaultPolicyPack;

/** The default pack, and variants of it that change only parameters, as the benchmarks and tests compile them. */
public final class Policies {

    private Policies() {}

    /** The default pack as shipped. */
    public static PolicySource defaultPack() {
        return DefaultPolicyPack.source();
    }

    /**
     * The default pack with one mastery method for every grade band (K-2 included, which uses {@code mean} as
     * shipped), with its default parameters; the version names the method.
     */
    public static PolicySource withMethod(String method) {
        return withMethod(method, "{}");
    }

    /**
     * The default pack with one mastery method and its parameters (YAML flow mapping such as
     * {@code "{ scale_min: 1, scale_max: 4 }"}) for every grade band; the version names both.
     */
    public static PolicySource withMethod(String method, String methodParameters) {
        String yaml = DefaultPolicyPack.parameters()
                .yaml()
                .replace("method: decaying_average", "method: " + method)
                .replace("methodParameters: { w: 0.65 }", "methodParameters: " + methodParameters)
                .replace("    method: mean\n    methodParameters: {}\n", "");
        String version = DefaultPolicyPack.VERSION + "-" + method
                + (methodParameters.equals("{}") ? "" : methodParameters.replaceAll("[^a-z0-9_.]+", "-"));
        return withParameters(version.replaceAll("-+$", ""), yaml);
    }

    /** The default pack with its parameter file replaced by {@code yaml}, under {@code version}. */
    public static PolicySource withParameters(String version, String yaml) {
        return PolicySource.district(
                DefaultPolicyPack.POLICY_ID,
                version,
                DefaultPolicyPack.ruleFiles(),
                new ParameterFile(DefaultPolicyPack.PARAMETER_FILE, yaml));
    }

    /** Compiles a source with a runtime of its own. */
    public static CompiledPolicy compile(PolicySource source) {
        return new PolicyRuntime().compile(source);
    }
}
