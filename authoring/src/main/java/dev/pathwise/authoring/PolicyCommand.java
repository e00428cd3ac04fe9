package dev.pathwise.authoring;

import dev.pathwise.authoring.remote.ServiceCommands;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.PolicyChecker;
import dev.pathwise.engine.policy.PolicyCompilationException;
import dev.pathwise.engine.policy.PolicyFolder;
import dev.pathwise.engine.policy.PolicyRuntime;
import dev.pathwise.engine.scenario.CurriculumFile;
import dev.pathwise.engine.scenario.ScenarioException;
import dev.pathwise.engine.scenario.ScenarioResult;
import dev.pathwise.engine.scenario.ScenarioRunner;
import dev.pathwise.engine.scenario.ScenarioTable;
import dev.pathwise.engine.simulation.EvidenceFiles;
import dev.pathwise.engine.simulation.PolicySimulation;
import dev.pathwise.engine.simulation.SimulationReport;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code pathwise policy <command>}: exit 0 when all is well, 1 when the policy has problems (or a scenario fails,
 * or the service refused), 2 when the command line itself is wrong, 3 when the service cannot be reached. The
 * commands on a running service are {@link ServiceCommands}.
 */
public final class PolicyCommand {

    static final int OK = 0;
    static final int PROBLEMS = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: pathwise policy <command> ...
              check <folder> [--json]      compile every layer combination; report problems with file:line:column
              test <folder>                run the YAML scenarios in <folder>/scenarios
              simulate <current-folder> <candidate-folder> --evidence <evidence.ndjson|json|csv>
                       --learners <learners.ndjson|json|csv> [--framework <framework.json|yaml>] [--sample <n>]
                                           replay evidence under both policies and report what changes
                                           (the evidence, learners and framework as the service exports and
                                           serves them, or as CSV and YAML)
            on a running service:
            """ + ServiceCommands.USAGE_TEXT;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    PolicyCommand(PrintStream out, PrintStream err) {
        this(out, err, System.getenv());
    }

    /** A command line writing to {@code out} and {@code err}, reading the API key from {@code environment}. */
    public PolicyCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new PolicyCommand(System.out, System.err).run(args));
    }

    /** Runs one command; the answer is the exit code. */
    public int run(String... args) {
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            return switch (args[0]) {
                case "check" -> check(args);
                case "test" -> test(args);
                case "simulate" -> simulate(args);
                case "publish", "versions", "activate", "diff", "export-evidence" ->
                    new ServiceCommands(out, err, environment)
                            .run(args[0], List.of(args).subList(1, args.length));
                case "help", "--help", "-h" -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
                default ->
                    usage("unknown command '" + args[0] + "'."
                            + dev.pathwise.engine.spelling.Suggestions.nameHint(args[0], commands()));
            };
        } catch (IllegalArgumentException | UncheckedIOException | ScenarioException e) {
            err.println(e.getMessage());
            return USAGE;
        }
    }

    private static List<String> commands() {
        List<String> commands = new ArrayList<>(List.of("check", "test", "simulate"));
        commands.addAll(ServiceCommands.NAMES);
        return commands;
    }

    private int usage(String message) {
        err.println(message);
        err.print(USAGE_TEXT);
        return USAGE;
    }

    private int check(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        boolean json = rest.remove("--json");
        if (rest.size() != 1) {
            return usage("check takes one policy folder");
        }
        PolicyFolder folder = load(rest.get(0), "local");
        List<CompileProblem> problems = PolicyChecker.check(folder);
        if (json) {
            out.println(problems.stream()
                    .map(p -> "{\"file\":" + JsonText.quote(p.file()) + ",\"line\":" + p.line() + ",\"column\":"
                            + p.column() + ",\"message\":" + JsonText.quote(p.message()) + "}")
                    .collect(Collectors.joining(
                            ",\n  ",
                            "{\"policy\":" + JsonText.quote(folder.source().policyId()) + ",\"ok\":"
                                    + problems.isEmpty() + ",\"problems\":[" + (problems.isEmpty() ? "" : "\n  "),
                            (problems.isEmpty() ? "" : "\n") + "]}")));
        } else if (problems.isEmpty()) {
            out.println("policy '" + folder.source().policyId() + "': every layer combination compiles ("
                    + combinations(folder) + "); no problems");
        } else {
            problems.forEach(out::println);
            out.println(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        }
        return problems.isEmpty() ? OK : PROBLEMS;
    }

    private int test(String[] args) {
        if (args.length != 2) {
            return usage("test takes one policy folder");
        }
        PolicyFolder folder = load(args[1], "local");
        Path scenarios = folder.root().resolve(PolicyFolder.SCENARIOS);
        if (!Files.isDirectory(scenarios)) {
            err.println("policy folder '" + folder.root() + "' has no scenarios/ folder; add scenario files there");
            return USAGE;
        }
        CompiledPolicy policy = compile(folder);
        if (policy == null) {
            return PROBLEMS;
        }
        List<ScenarioResult> results = new ScenarioRunner(policy).runFolder(scenarios);
        out.print(ScenarioTable.format(results));
        return results.stream().allMatch(ScenarioResult::passed) ? OK : PROBLEMS;
    }

    private int simulate(String[] args) {
        List<String> folders = new ArrayList<>();
        String evidence = null;
        String learners = null;
        String framework = null;
        int sample = 10;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && i + 1 >= args.length) {
                return usage(arg + " needs a value");
            }
            switch (arg) {
                case "--evidence" -> evidence = args[++i];
                case "--learners" -> learners = args[++i];
                case "--framework" -> framework = args[++i];
                case "--sample" -> sample = Integer.parseInt(args[++i]);
                default -> {
                    if (arg.startsWith("--")) {
                        return usage("unknown option '" + arg + "'");
                    }
                    folders.add(arg);
                }
            }
        }
        if (folders.size() != 2 || evidence == null || learners == null) {
            return usage("simulate takes the current and the candidate policy folder, --evidence and --learners");
        }
        PolicyFolder current = load(folders.get(0), "current");
        PolicyFolder candidate = load(folders.get(1), "candidate");
        Path frameworkFile = framework != null
                ? Path.of(framework)
                : candidate.root().resolve(PolicyFolder.SCENARIOS).resolve("framework.yaml");
        if (!Files.isRegularFile(frameworkFile)) {
            return usage("no framework at '" + frameworkFile + "'; pass --framework <framework.yaml>");
        }
        CompiledPolicy currentPolicy = compile(current);
        CompiledPolicy candidatePolicy = compile(candidate);
        if (currentPolicy == null || candidatePolicy == null) {
            return PROBLEMS;
        }
        Curriculum curriculum = CurriculumFile.read(frameworkFile);
        SimulationReport report = new PolicySimulation()
                .run(
                        currentPolicy,
                        candidatePolicy,
                        curriculum,
                        EvidenceFiles.readLearners(Path.of(learners)),
                        EvidenceFiles.readEvidence(Path.of(evidence)),
                        sample);
        out.print(report.format());
        return OK;
    }

    private static PolicyFolder load(String folder, String version) {
        Path path = Path.of(folder).toAbsolutePath().normalize();
        String name = path.getFileName() == null ? "policy" : path.getFileName().toString();
        return PolicyFolder.load(path, name, version);
    }

    private CompiledPolicy compile(PolicyFolder folder) {
        if (!folder.problems().isEmpty()) {
            folder.problems().forEach(err::println);
            err.println("run 'pathwise policy check " + folder.root() + "' and fix these first");
            return null;
        }
        try {
            return new PolicyRuntime(2, 2).compile(folder.source());
        } catch (PolicyCompilationException e) {
            e.problems().forEach(err::println);
            err.println("run 'pathwise policy check " + folder.root() + "' and fix these first");
            return null;
        }
    }

    private static String combinations(PolicyFolder folder) {
        int schools = folder.source().schools().size();
        return "4 grade bands x " + (schools + 1)
                + (schools == 0
                        ? " scope (district)"
                        : " scopes (district and " + schools + (schools == 1 ? " school)" : " schools)"));
    }
}
