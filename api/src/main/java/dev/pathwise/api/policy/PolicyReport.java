package dev.pathwise.api.policy;

import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.scenario.ScenarioResult;
import java.util.List;

/**
 * What checking and testing a policy version found: every problem with file, line and column, and every scenario
 * with its first difference. {@code ok} when there is no problem and no scenario failed.
 *
 * @param ok        nothing wrong
 * @param summary   one line: what was compiled, how many problems, how many scenarios passed
 * @param problems  compile and layout problems
 * @param scenarios scenario results; empty when the scenarios were not run (check only, or it did not compile)
 */
public record PolicyReport(boolean ok, String summary, List<Problem> problems, List<Scenario> scenarios) {

    /** One problem: where (line and column 0 when not tied to a line) and what. */
    public record Problem(String file, int line, int column, String message) {
        static Problem of(CompileProblem p) {
            return new Problem(p.file(), p.line(), p.column(), p.message());
        }
    }

    /** One scenario's outcome; {@code difference} is the first one, "" when it passed. */
    public record Scenario(String scenario, String file, boolean passed, String difference) {
        static Scenario of(ScenarioResult r) {
            return new Scenario(r.scenario(), r.file(), r.passed(), r.difference());
        }
    }

    static PolicyReport of(
            List<CompileProblem> problems, List<ScenarioResult> scenarios, String compiled, boolean scenariosRun) {
        List<Problem> found = problems.stream().map(Problem::of).toList();
        List<Scenario> results = scenarios.stream().map(Scenario::of).toList();
        long failed = results.stream().filter(s -> !s.passed()).count();
        StringBuilder summary = new StringBuilder();
        summary.append(
                found.isEmpty()
                        ? "every layer combination compiles (" + compiled + "); no problems"
                        : found.size() + (found.size() == 1 ? " problem" : " problems"));
        if (scenariosRun) {
            summary.append("; scenarios: ")
                    .append(results.size() - failed)
                    .append(" passed, ")
                    .append(failed)
                    .append(" failed");
        } else if (!found.isEmpty()) {
            summary.append("; scenarios not run: the policy does not compile");
        }
        return new PolicyReport(found.isEmpty() && failed == 0, summary.toString(), found, results);
    }
}
