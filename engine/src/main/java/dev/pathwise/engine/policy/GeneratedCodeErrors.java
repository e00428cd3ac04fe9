package dev.pathwise.engine.policy;

import dev.pathwise.engine.spelling.Suggestions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * Errors the Java compiler found in the code Drools' executable model generated from the rule files, placed back in
 * the rule file: the generated code copies the rule's expressions, so the name the error is about (a type, a method,
 * a variable) or the expression at the error's column is looked up in the rule files, and the message is said in a
 * curriculum lead's words with a suggestion where one exists.
 */
final class GeneratedCodeErrors {

    private static final Pattern SOURCE = Pattern.compile("(?s)^Java source of (\\S+) in error:\\s*(.*)$");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("^([\\w.$]+) cannot be resolved to a type$");
    private static final Pattern UNKNOWN_NAME = Pattern.compile("^([\\w.$]+) cannot be resolved(?: or is not a "
            + "field)?$");
    private static final Pattern UNKNOWN_METHOD = Pattern.compile(
            "^The method (\\w+)\\(([^)]*)\\) is undefined for the type (\\w+)$");
    private static final Pattern UNHANDLED = Pattern.compile("^Unhandled exception type ([\\w.]+)$");
    private static final Pattern EXPRESSION_START = Pattern.compile("[\\w.$\"(]+");

    private static final List<Class<?>> ENUMS = List.of(dev.pathwise.engine.learner.MasteryLevel.class,
            dev.pathwise.engine.activity.ActivityKind.class, dev.pathwise.engine.activity.Modality.class,
            dev.pathwise.engine.activity.Grouping.class, dev.pathwise.engine.evidence.EvidenceKind.class,
            dev.pathwise.engine.facts.FlagKind.class, dev.pathwise.engine.facts.Support.class);

    private final List<RuleText> files;
    private final Map<String, String[]> sources = new HashMap<>();

    private GeneratedCodeErrors(List<RuleText> files) {
        this.files = files;
    }

    /** The build's error messages as problems in the rule files, each once. */
    static List<CompileProblem> place(List<Message> errors, List<RuleText> files) {
        GeneratedCodeErrors placing = new GeneratedCodeErrors(files);
        for (Message error : errors) {
            Matcher source = SOURCE.matcher(error.getText() == null ? "" : error.getText().strip());
            if (source.matches()) {
                placing.sources.put(source.group(1), source.group(2).split("\n", -1));
            }
        }
        Set<CompileProblem> problems = new LinkedHashSet<>();
        for (Message error : errors) {
            String text = error.getText() == null ? "" : error.getText().strip();
            if (!SOURCE.matcher(text).matches()) {
                problems.add(placing.place(error, text.replaceAll("\\s+", " ")));
            }
        }
        return new ArrayList<>(problems);
    }

    private CompileProblem place(Message error, String text) {
        Matcher type = UNKNOWN_TYPE.matcher(text);
        if (type.matches()) {
            return at(error, type.group(1), unknownType(type.group(1)));
        }
        Matcher method = UNKNOWN_METHOD.matcher(text);
        if (method.matches()) {
            return at(error, method.group(1), "calls " + method.group(1) + "(" + method.group(2) + ") on "
                    + method.group(3) + ", which " + method.group(3) + " does not have."
                    + methodHint(method.group(3), method.group(1)));
        }
        Matcher name = UNKNOWN_NAME.matcher(text);
        if (name.matches()) {
            String constant = enumConstantHint(name.group(1));
            return at(error, name.group(1), constant != null ? constant : "uses '" + name.group(1) + "', which is "
                    + "not defined there: bind it in the rule's conditions ($name : ...) or check its spelling");
        }
        Matcher unhandled = UNHANDLED.matcher(text);
        if (unhandled.matches()) {
            return at(error, null, "calls code that can fail with " + unhandled.group(1) + ", which rules may not "
                    + "use: rules do no I/O and call only the fact model, 'decisions' and JDK value types");
        }
        return at(error, null, text);
    }

    /**
     * The problem at the place in the rule files the error comes from, with the rule named: the generated statement
     * the error is in is looked for first (consequences are copied as written), then the expression at the error's
     * position, then the name the error is about; the column is that of the name when it is on the line found.
     */
    private CompileProblem at(Message error, String token, String message) {
        List<String> candidates = new ArrayList<>();
        String statement = generatedLine(error);
        if (statement != null) {
            candidates.add(statement.replaceAll("[),;\\s]+$", ""));
        }
        String expression = expressionAt(error);
        if (expression != null) {
            candidates.add(expression);
        }
        if (token != null && !token.isBlank()) {
            candidates.add(token);
            candidates.add(token.substring(token.lastIndexOf('.') + 1));
        }
        for (String candidate : candidates) {
            if (candidate.isBlank()) {
                continue;
            }
            Pattern written = Pattern.compile("(?<![\\w$])" + String.join("\\s*", Arrays.stream(
                    candidate.strip().split("\\s+")).map(Pattern::quote).toList()));
            for (RuleText file : files) {
                int offset = firstInCode(file, written);
                if (offset >= 0) {
                    if (token != null) {
                        String simple = token.substring(token.lastIndexOf('.') + 1);
                        int within = file.drl().indexOf(simple, offset);
                        if (within >= 0 && within < offset + candidate.length() + 20) {
                            offset = within;
                        }
                    }
                    return file.at(file.lineOf(offset), file.columnOf(offset), "rule '"
                            + FactModel.ruleAt(file.drl(), offset) + "' " + message);
                }
            }
        }
        return new CompileProblem(files.get(0).path(), 0, 0, message);
    }

    /** Where the pattern first matches the rule file outside comments, or -1. */
    private static int firstInCode(RuleText file, Pattern pattern) {
        Matcher found = pattern.matcher(file.drl());
        while (found.find()) {
            if (file.code().charAt(found.start()) == file.drl().charAt(found.start())) {
                return found.start();
            }
        }
        return -1;
    }

    /** The generated source's line the error is on, or null when the source is not known. */
    private String generatedLine(Message error) {
        String[] lines = sources.get(error.getPath());
        if (lines == null || error.getLine() < 1 || error.getLine() > lines.length) {
            return null;
        }
        return lines[error.getLine() - 1].strip();
    }

    /**
     * The start of the generated expression at the error's position. The Java compiler reports the position as an
     * offset into the whole source; a small column is taken as a column of the error's line.
     */
    private String expressionAt(Message error) {
        String[] lines = sources.get(error.getPath());
        if (lines == null || error.getLine() < 1 || error.getLine() > lines.length) {
            return null;
        }
        String whole = String.join("\n", lines);
        String line = lines[error.getLine() - 1];
        int column = Math.max(error.getColumn(), 0);
        String rest = column < whole.length() && column >= line.length() ? whole.substring(column)
                : column < line.length() ? line.substring(column) : "";
        Matcher start = EXPRESSION_START.matcher(rest.replaceFirst("^new\\s+", ""));
        if (!start.lookingAt()) {
            return null;
        }
        String expression = start.group();
        int call = expression.indexOf('(');
        return call > 0 ? expression.substring(0, call) : expression;
    }

    private static String unknownType(String name) {
        try {
            Class.forName(name, false, GeneratedCodeErrors.class.getClassLoader());
            return "uses the type " + name + ", which rules may not use. Rules see the fact model "
                    + "(dev.pathwise.engine.facts), the 'decisions' global and JDK value types.";
        } catch (ClassNotFoundException | LinkageError e) {
            String simple = name.substring(name.lastIndexOf('.') + 1);
            return "uses the type '" + name + "', which does not exist." + Suggestions.nameHint(simple,
                    FactModel.typeNames());
        }
    }

    /** "uses MASTERD, which is not a value of MasteryLevel. Maybe you meant 'MASTERED'?", or null. */
    private static String enumConstantHint(String name) {
        for (Class<?> type : ENUMS) {
            List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            String hint = Suggestions.nameHint(name, constants);
            if (!hint.isEmpty()) {
                return "uses " + name + ", which is not a value of " + type.getSimpleName() + "." + hint;
            }
        }
        return null;
    }

    private static String methodHint(String type, String method) {
        Class<?> fact = FactModel.typeNamed(type);
        if (fact == null) {
            return "";
        }
        List<String> methods = new ArrayList<>();
        for (Method candidate : fact.getMethods()) {
            if (Modifier.isPublic(candidate.getModifiers()) && candidate.getDeclaringClass() != Object.class) {
                methods.add(candidate.getName());
            }
        }
        return Suggestions.nameHint(method, methods);
    }
}
