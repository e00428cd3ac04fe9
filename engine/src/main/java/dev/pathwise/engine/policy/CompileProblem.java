package dev.pathwise.engine.policy;

/**
 * One problem found while compiling a policy: where it is and what is wrong.
 *
 * @param file    the rule or parameter file, as named in the policy
 * @param line    1-based line, or 0 when the problem is not tied to a line
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong and, where possible, how to fix it
 */
public record CompileProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.append(": ").append(message).toString();
    }
}
