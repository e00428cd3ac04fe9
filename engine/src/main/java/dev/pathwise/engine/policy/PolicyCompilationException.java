package dev.pathwise.engine.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy that does not compile, with every problem found (file, line, column, message). */
public final class PolicyCompilationException extends RuntimeException {

    private final String policyId;
    private final String version;
    private final List<CompileProblem> problems;

    public PolicyCompilationException(String policyId, String version, List<CompileProblem> problems) {
        super(
                "Policy '" + policyId + "' version '" + version + "' does not compile:\n"
                        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")),
                null,
                false,
                false);
        this.policyId = policyId;
        this.version = version;
        this.problems = List.copyOf(problems);
    }

    public String policyId() {
        return policyId;
    }

    public String version() {
        return version;
    }

    public List<CompileProblem> problems() {
        return problems;
    }
}
