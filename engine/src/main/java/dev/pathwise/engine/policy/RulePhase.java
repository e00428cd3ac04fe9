package dev.pathwise.engine.policy;

import java.util.Arrays;
import java.util.List;

/**
 * The phases the engine runs a policy's rules in, each a ruleflow group, in this order for one piece of evidence.
 * A rule in a group the engine never runs can never fire.
 */
public enum RulePhase {
    MASTERY_CLASSIFY("mastery-classify"),
    MASTERY_DECIDE("mastery-decide"),
    ROLLUP("rollup"),
    PACING("pacing"),
    CHOICE_CLASSIFY("choice-classify"),
    CHOICE_DECIDE("choice-decide");

    private final String group;

    RulePhase(String group) {
        this.group = group;
    }

    /** The ruleflow group name rule files use. */
    public String group() {
        return group;
    }

    /** Every ruleflow group name, in the order the engine runs them. */
    public static List<String> groups() {
        return Arrays.stream(values()).map(RulePhase::group).toList();
    }
}
