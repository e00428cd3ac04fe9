package dev.pathwise.engine.policy.compiler;

import dev.pathwise.engine.policy.CompileProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two rules of one name in one package, across the files a learner's policy combines (district, grade band and
 * school): Drools would refuse the second without naming the first, so both places are named here.
 */
final class DuplicateRuleNames {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");

    private record Place(String label, int offset) {}

    private DuplicateRuleNames() {}

    static List<CompileProblem> check(List<RuleText> files) {
        List<CompileProblem> problems = new ArrayList<>();
        Map<String, Place> seen = new HashMap<>();
        for (RuleText file : files) {
            String drl = file.drl();
            Matcher pkg = PACKAGE.matcher(drl);
            String packageName = pkg.find() ? pkg.group(1) : "(default)";
            Matcher rule = RULE.matcher(drl);
            while (rule.find()) {
                if (!file.code().startsWith("rule", skip(file.code(), rule.start()))) {
                    continue;
                }
                String name =
                        rule.group(1) != null ? rule.group(1) : rule.group(2) != null ? rule.group(2) : rule.group(3);
                int line = file.lineOf(rule.start(1) >= 0 ? rule.start(1) : rule.start());
                CompileProblem here = file.at(line, 0, "");
                String label = here.file() + (here.line() > 0 ? ":" + here.line() : "");
                Place first = seen.putIfAbsent(packageName + '\u0000' + name, new Place(label, rule.start()));
                if (first != null) {
                    problems.add(
                            file.at(
                                    line,
                                    0,
                                    "rule '" + name + "' is defined twice in package " + packageName
                                            + ": at " + first.label() + " and at " + label
                                            + "; give each rule its own name (to "
                                            + "change a district rule in an overlay, use the same file name so the file replaces it)"));
                }
            }
        }
        return problems;
    }

    private static int skip(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** True when Drools' own message is about a duplicate rule, which {@link #check} reports with both places. */
    static boolean isDroolsDuplicate(String message) {
        return message.startsWith("Duplicate rule name")
                || message.matches(".*The type Rule_\\S+ is already defined.*");
    }
}
