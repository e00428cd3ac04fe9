package dev.pathwise.engine.policy;

/**
 * One DRL file of a policy.
 *
 * @param path    where it lives in the policy, e.g. {@code mastery.drl} or {@code schools/lincoln/mastery.drl};
 *                compile problems name this path
 * @param content the DRL text
 */
public record RuleFile(String path, String content) {

    public RuleFile {
        if (path == null || path.isBlank() || !path.endsWith(".drl")) {
            throw new IllegalArgumentException("rule file path: '" + path + "' must name a .drl file");
        }
        if (content == null) {
            throw new IllegalArgumentException("rule file '" + path + "': content is missing");
        }
    }

    /** The file name without folders: what a school overlay replaces by. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
