package dev.pathwise.api.policy;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyCompilationException;
import dev.pathwise.engine.policy.PolicyFolder;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.policy.RuleLoopException;
import dev.pathwise.engine.policy.RulesStoppedException;
import dev.pathwise.engine.scenario.ScenarioResult;
import dev.pathwise.engine.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;

/**
 * A policy version checked the way publishing checks it: its files laid out as a {@link PolicyFolder}, every layer
 * combination compiled, then (when asked and when it compiles) its {@code scenarios/} played. The compilation is
 * done in a throw-away runtime, so a refused version leaves nothing behind in the tenant's runtime.
 *
 * @param files    what was checked
 * @param report   what was found
 * @param compiled the compiled version, or {@code null} when it does not compile
 */
record CandidatePolicy(PolicyFiles files, PolicyReport report, CompiledPolicy compiled) {

    static CandidatePolicy check(
            String policyId, String version, PolicyFiles files, boolean runScenarios, PolicyRuntime runtime) {
        return check(policyId, version, files, runScenarios, runtime, List.of());
    }

    /**
     * As {@link #check(String, String, PolicyFiles, boolean, PolicyRuntime)}, with problems the tenant found
     * beforehand (a school folder naming no school of the tenant): they are reported first, and the version is
     * refused.
     */
    static CandidatePolicy check(
            String policyId,
            String version,
            PolicyFiles files,
            boolean runScenarios,
            PolicyRuntime runtime,
            List<CompileProblem> tenantProblems) {
        Path folder;
        try {
            folder = Files.createTempDirectory("pathwise-policy-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary folder for the policy", e);
        }
        try {
            files.writeTo(folder);
            PolicyFolder loaded = PolicyFolder.load(folder, policyId, version);
            List<CompileProblem> problems = new java.util.ArrayList<>(tenantProblems);
            problems.addAll(loaded.problems());
            CompiledPolicy compiled = null;
            try {
                compiled = runtime.compile(loaded.source());
            } catch (PolicyCompilationException e) {
                problems.addAll(e.problems());
            }
            List<ScenarioResult> scenarios = List.of();
            boolean run = runScenarios && compiled != null && problems.isEmpty();
            Path scenarioFolder = folder.resolve(PolicyFolder.SCENARIOS);
            if (run && Files.isDirectory(scenarioFolder)) {
                scenarios = runScenarios(compiled, scenarioFolder);
            }
            String scopes = "4 grade bands x " + (1 + loaded.source().schools().size()) + " scopes (district"
                    + (loaded.source().schools().isEmpty()
                            ? ""
                            : " and " + loaded.source().schools().size()
                                    + (loaded.source().schools().size() == 1 ? " school" : " schools"))
                    + ")";
            PolicyReport report = PolicyReport.of(problems, scenarios, scopes, run);
            return new CandidatePolicy(files, report, problems.isEmpty() ? compiled : null);
        } finally {
            delete(folder);
        }
    }

    /**
     * The policy's scenarios, run; rules that loop or fail while a scenario runs refuse the policy with 422
     * ({@code rule-loop} naming the rules, or {@code evaluation-failed}), never a server error.
     */
    private static List<ScenarioResult> runScenarios(CompiledPolicy compiled, Path scenarioFolder) {
        try {
            return new ScenarioRunner(compiled).runFolder(scenarioFolder);
        } catch (RulesStoppedException loop) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    loop.problemType(),
                    "rules",
                    loop.rules(),
                    "the policy's scenarios were cut off, nothing was published: " + loop.getMessage(),
                    loop.rules().stream()
                            .map(rule -> "rule \"" + rule + "\" "
                                    + (loop instanceof RuleLoopException
                                            ? "kept firing"
                                            : "passed the limits of one evaluation"))
                            .toList(),
                    Map.of("rules", loop.rules()));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError failed) {
            throw Problems.evaluationFailed(
                    failed,
                    "the policy's rules failed while its scenarios ran, nothing was published: "
                            + Problems.describeFailure(failed));
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
