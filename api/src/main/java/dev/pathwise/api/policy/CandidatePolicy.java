package dev.pathwise.api.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyCompilationException;
import dev.pathwise.engine.policy.PolicyFolder;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.scenario.ScenarioResult;
import dev.pathwise.engine.scenario.ScenarioRunner;

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

    static CandidatePolicy check(String policyId, String version, PolicyFiles files, boolean runScenarios,
                                 int maxIdleSessions) {
        return check(policyId, version, files, runScenarios, maxIdleSessions, List.of());
    }

    /**
     * As {@link #check(String, String, PolicyFiles, boolean, int)}, with problems the tenant found beforehand (a
     * school folder naming no school of the tenant): they are reported first, and the version is refused.
     */
    static CandidatePolicy check(String policyId, String version, PolicyFiles files, boolean runScenarios,
                                 int maxIdleSessions, List<CompileProblem> tenantProblems) {
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
                compiled = new PolicyRuntime(1, maxIdleSessions).compile(loaded.source());
            } catch (PolicyCompilationException e) {
                problems.addAll(e.problems());
            }
            List<ScenarioResult> scenarios = List.of();
            boolean run = runScenarios && compiled != null && problems.isEmpty();
            Path scenarioFolder = folder.resolve(PolicyFolder.SCENARIOS);
            if (run && Files.isDirectory(scenarioFolder)) {
                scenarios = new ScenarioRunner(compiled).runFolder(scenarioFolder);
            }
            String scopes = "4 grade bands x " + (1 + loaded.source().schools().size()) + " scopes (district"
                    + (loaded.source().schools().isEmpty() ? "" : " and " + loaded.source().schools().size()
                    + (loaded.source().schools().size() == 1 ? " school" : " schools")) + ")";
            PolicyReport report = PolicyReport.of(problems, scenarios, scopes, run);
            return new CandidatePolicy(files, report, problems.isEmpty() ? compiled : null);
        } finally {
            delete(folder);
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
