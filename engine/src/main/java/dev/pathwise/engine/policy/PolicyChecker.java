package dev.pathwise.engine.policy;

import dev.pathwise.engine.policy.compiler.PolicyCompiler;
import dev.pathwise.engine.policy.sandbox.EvaluationLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a policy the way publishing it would, without keeping it: every layer combination (each grade band in the
 * district and in each school) is resolved and compiled. The problems are those of {@link PolicyCompiler}: DRL and
 * decision-table errors, the rule sandbox, unknown fact types, fields and parameters (with a did-you-mean), two rules of
 * one name, parameters out of range or out of order.
 */
public final class PolicyChecker {

    private PolicyChecker() {}

    /** Every problem of the policy; empty when it compiles. */
    public static List<CompileProblem> check(PolicySource source) {
        try {
            new PolicyCompiler(1, EvaluationLimits.DEFAULT).compile(source);
            return List.of();
        } catch (PolicyCompilationException e) {
            return e.problems();
        }
    }

    /** The folder's layout problems, then the policy's (only when the layout is sound enough to compile). */
    public static List<CompileProblem> check(PolicyFolder folder) {
        List<CompileProblem> problems = new ArrayList<>(folder.problems());
        problems.addAll(check(folder.source()));
        return problems;
    }
}
