package dev.pathwise.engine.policy.compiler;

import dev.pathwise.engine.policy.CompileProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * Drools' own error messages about rule files, turned into {@link CompileProblem}s a curriculum lead can act on: the
 * file and line of the rule file (not of Drools' working copy), known messages explained ({@link SyntaxErrors},
 * {@link FactModel}), and a line already reported by an earlier check not reported twice.
 */
final class DroolsMessages {

    private static final Pattern ACCUMULATED_EXPRESSION =
            Pattern.compile("The expression \"(.+?)\" in function \"(\\w+)\" of type \"\\w+\" is not managed");

    private DroolsMessages() {}

    /**
     * The problems Drools' {@code errors} stand for, one per file and line, leaving out lines {@code problems}
     * already has.
     */
    static List<CompileProblem> problems(
            List<Message> errors, Map<String, RuleText> byDrlPath, LinkedHashSet<CompileProblem> problems) {
        List<CompileProblem> found = new ArrayList<>();
        for (Message error : errors) {
            String text = clean(error.getText());
            RuleText file = byDrlPath.get(pathOf(error));
            int line = Math.max(error.getLine(), 0);
            int column = Math.max(error.getColumn(), 0);
            Matcher accumulated = ACCUMULATED_EXPRESSION.matcher(text);
            if (accumulated.find()) {
                text = "accumulate function '" + accumulated.group(2) + "' takes a bound variable, a field or a "
                        + "value, not the expression " + accumulated.group(1);
                if (file != null) {
                    int offset = file.drl().indexOf(accumulated.group(1));
                    if (offset >= 0) {
                        line = file.lineOf(offset);
                        column = file.columnOf(offset);
                    }
                }
            }
            CompileProblem explained = file == null ? null : SyntaxErrors.explainRule(file, line, text);
            CompileProblem problem = explained != null
                    ? explained
                    : file == null
                            ? new CompileProblem(pathOf(error), line, column, FactModel.explainUnknownType(text))
                            : file.at(line, column, FactModel.explainUnknownType(text));
            boolean alreadyReported = problems.stream()
                    .anyMatch(p -> p.file().equals(problem.file()) && p.line() == problem.line() && p.line() > 0);
            if (!alreadyReported && !found.contains(problem)) {
                found.add(problem);
            }
        }
        return found;
    }

    private static String pathOf(Message message) {
        String path = message.getPath();
        if (path == null) {
            return "(policy)";
        }
        return path.startsWith(PolicyCompiler.RESOURCES) ? path.substring(PolicyCompiler.RESOURCES.length()) : path;
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
