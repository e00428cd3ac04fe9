package dev.pathwise.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule file may not do: I/O, threads, processes, reflection, {@code System}, clocks, randomness, reaching
 * into the Drools session, or importing anything outside the fact model. Rules decide from facts and report
 * through {@code decisions}; everything else stays in the engine, so that a replay gives the same result.
 *
 * <p>The check reads the code line by line with comments and string literals blanked, and refuses each construct
 * with its line, column, the reason and the fix.
 */
final class GuardRails {

    /** The classes rule files may import, besides everything in {@code dev.pathwise.engine.facts}. */
    static final Set<String> ALLOWED_IMPORTS = Set.of(
            "dev.pathwise.engine.learner.MasteryLevel",
            "dev.pathwise.engine.activity.ActivityKind",
            "dev.pathwise.engine.activity.Modality",
            "dev.pathwise.engine.activity.Grouping",
            "dev.pathwise.engine.evidence.EvidenceKind",
            "dev.pathwise.engine.policy.BandParameters");

    private static final String FACTS_PACKAGE = "dev.pathwise.engine.facts.";

    private record Forbidden(Pattern pattern, String why) {
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            forbid("\\bSystem\\s*\\.", "rules must not print, read the clock or system properties, or exit the "
                    + "JVM; report through 'decisions' and receive values as facts"),
            forbid("\\bjava\\s*\\.\\s*(?:io|nio|net)\\b|\\b(?:File|Files|Paths|FileReader|FileWriter|Socket|URL|URI"
                    + "|HttpClient|PrintStream|InputStream|OutputStream)\\b",
                    "rules do no I/O; load what a rule needs into a fact or a parameter before the rules run"),
            forbid("\\b(?:Thread|ThreadLocal|Executors?|ExecutorService|CompletableFuture|ForkJoinPool)\\b"
                    + "|\\bjava\\s*\\.\\s*util\\s*\\.\\s*concurrent\\b|\\bsynchronized\\b",
                    "rules run on the evaluating thread only; start no threads and take no locks"),
            forbid("\\b(?:Runtime|ProcessBuilder|ProcessHandle)\\b",
                    "rules may not start processes or touch the JVM runtime"),
            forbid("\\bClass\\s*\\.\\s*forName\\b|\\breflect\\b|\\.\\s*getClass\\s*\\(|\\bgetDeclared\\w*\\s*\\("
                    + "|\\bMethodHandles?\\b|\\bClassLoader\\b|\\bsetAccessible\\s*\\(",
                    "rules may not use reflection; use the getters of the fact model"),
            forbid("\\bnew\\s+(?:java\\s*\\.\\s*util\\s*\\.\\s*)?Random\\b|\\bMath\\s*\\.\\s*random\\b"
                    + "|\\b(?:ThreadLocalRandom|SecureRandom)\\b|\\brandomUUID\\b",
                    "rules must not use randomness: the same evidence must give the same result on replay"),
            forbid("\\b(?:now|currentTimeMillis|nanoTime)\\s*\\(|\\bnew\\s+(?:java\\s*\\.\\s*util\\s*\\.\\s*)?Date"
                    + "\\s*\\(\\s*\\)|\\bClock\\b",
                    "rules must not read a clock: time comes in as a fact (Pace, GoalPace) so that replays agree"),
            forbid("\\b(?:getKieRuntime|getKnowledgeRuntime|getWorkingMemory|getKieBase|getKnowledgeBase|getSession"
                    + "|halt)\\s*\\(",
                    "rules may not reach into the Drools session; insert, insertLogical and 'decisions' are enough"));

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+|function\\s+)?([\\w.*$]+)");
    private static final Pattern GLOBAL = Pattern.compile("^\\s*global\\s+([\\w.$<>]+)\\s+(\\w+)");

    private GuardRails() {
    }

    private static Forbidden forbid(String regex, String why) {
        return new Forbidden(Pattern.compile(regex), why);
    }

    static List<CompileProblem> check(RuleText text) {
        List<CompileProblem> problems = new ArrayList<>();
        String[] lines = text.code().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            Matcher imported = IMPORT.matcher(line);
            if (imported.find()) {
                String name = imported.group(2);
                if (!allowedImport(name, imported.group(1))) {
                    problems.add(text.at(number, imported.start(2) + 1, "import '" + name + "' is not allowed in "
                            + "a rule file: rules see only the fact model; import from dev.pathwise.engine.facts, or "
                            + String.join(", ", ALLOWED_IMPORTS.stream().sorted().toList())));
                }
                continue;
            }
            Matcher global = GLOBAL.matcher(line);
            if (global.find() && !(global.group(2).equals("decisions")
                    && (global.group(1).equals("Decisions") || global.group(1).equals(FACTS_PACKAGE + "Decisions")))) {
                problems.add(text.at(number, global.start(1) + 1, "global '" + global.group(1) + " "
                        + global.group(2) + "' is not allowed: the engine sets only 'global Decisions decisions'; "
                        + "report through it, and put any other value in a fact or a parameter"));
                continue;
            }
            for (Forbidden forbidden : FORBIDDEN) {
                Matcher matcher = forbidden.pattern().matcher(line);
                if (matcher.find()) {
                    problems.add(text.at(number, matcher.start() + 1, "'" + matcher.group().strip()
                            + "' is not allowed in a rule file: " + forbidden.why()));
                }
            }
        }
        return problems;
    }

    private static boolean allowedImport(String name, String modifier) {
        if (modifier != null) {
            return false;
        }
        if (name.startsWith(FACTS_PACKAGE)) {
            String rest = name.substring(FACTS_PACKAGE.length());
            return !rest.isEmpty() && !rest.contains(".");
        }
        return ALLOWED_IMPORTS.contains(name);
    }
}
