package dev.pathwise.engine.policy;

/**
 * One rule file of a policy: DRL, or a decision table in CSV ({@code .csv}) that is compiled into DRL alongside.
 *
 * @param path    where it lives in the policy, e.g. {@code mastery.drl} or {@code schools/lincoln/mastery.drl};
 *                compile problems name this path
 * @param content the DRL text, or the decision table's CSV text
 */
public record RuleFile(String path, String content) {

    public RuleFile {
        if (path == null || path.isBlank() || !(path.endsWith(".drl") || path.endsWith(".csv"))) {
            throw new IllegalArgumentException(
                    "rule file path: '" + path + "' must name a .drl file or a .csv decision table");
        }
        if (content == null) {
            throw new IllegalArgumentException("rule file '" + path + "': content is missing");
        }
    }

    /** True for a decision table (CSV), which is compiled to DRL before Drools sees it. */
    public boolean isDecisionTable() {
        return path.endsWith(".csv");
    }

    /** The file name without folders: what a school overlay replaces by. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
