package dev.pathwise.engine.framework;

import java.util.List;

/**
 * A framework that cannot be built, with every problem found rather than only the first, so an author can fix
 * them in one pass. Each problem names the framework, the competency and the offending value, and says how to fix it.
 */
public final class FrameworkException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public FrameworkException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems in the order they were found; never empty. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A FrameworkException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0);
        }
        return problems.size() + " problems:\n - " + String.join("\n - ", problems);
    }
}
