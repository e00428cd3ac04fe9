package dev.pathwise.rules;

import dev.pathwise.engine.policy.ParameterFile;
import dev.pathwise.engine.policy.PolicySource;
import dev.pathwise.engine.policy.RuleFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The default progression policy shipped with Pathwise: {@code mastery.drl}, {@code pacing.drl},
 * {@code choice.drl} and the grade-band parameters in {@code parameters.yaml}, read from this module's resources.
 */
public final class DefaultPolicyPack {

    /** The policy id the default pack is published under. */
    public static final String POLICY_ID = "district-default";

    /** The version of the pack in this build. */
    public static final String VERSION = "1.0.0";

    /** The rule files, in the order they are compiled. */
    public static final List<String> RULE_FILES = List.of("mastery.drl", "pacing.drl", "choice.drl");

    public static final String PARAMETER_FILE = "parameters.yaml";

    private static final String FOLDER = "/dev/pathwise/rules/";

    private DefaultPolicyPack() {}

    /** The default pack as a policy source with only a district layer. */
    public static PolicySource source() {
        return PolicySource.district(POLICY_ID, VERSION, ruleFiles(), parameters());
    }

    public static List<RuleFile> ruleFiles() {
        return RULE_FILES.stream().map(name -> new RuleFile(name, read(name))).toList();
    }

    public static ParameterFile parameters() {
        return new ParameterFile(PARAMETER_FILE, read(PARAMETER_FILE));
    }

    /** The text of one file of the pack. */
    public static String read(String name) {
        try (InputStream in = DefaultPolicyPack.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalArgumentException("The default policy pack has no file '" + name + "'; it has "
                        + RULE_FILES + " and " + PARAMETER_FILE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + FOLDER + name + " from the classpath", e);
        }
    }
}
