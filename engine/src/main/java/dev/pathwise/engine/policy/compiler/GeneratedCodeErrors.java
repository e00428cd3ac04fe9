package dev.pathwise.engine.policy.compiler;

import dev.pathwise.engine.facts.Decisions;
import dev.pathwise.engine.policy.CompileProblem;
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
    private static final Pattern UNKNOWN_NAME =
            Pattern.compile("^([\\w.$]+) cannot be resolved(?: or is not a " + "field)?$");
    private static final Pattern UNKNOWN_METHOD =
            Pattern.compile("^The method (\\w+)\\(([^)]*)\\) is undefined for the type (\\w+)$");
    private static final Pattern UNHANDLED = Pattern.compile("^Unhandled exception type ([\\w.]+)$");
    private static final Pattern NOT_APPLICABLE = Pattern.compile("^The method (\\w+)\\(([^)]*)\\) in the type (\\w+) "
            + "is not applicable for the arguments \\(([^)]*)\\)$");
    private static final Pattern NO_CONSTRUCTOR = Pattern.compile("^The constructor (\\w+)\\(([^)]*)\\) is undefined$");
    private static final Pattern HIDDEN_FIELD = Pattern.compile("^The field (\\w+)\\.(\\w+) is not visible$");
    private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|[\\w$]+|\\S");
    private static final String KNOWLEDGE_HELPER =
            "((org.drools.modelcompiler.consequence.DroolsImpl) drools)" + ".asKnowledgeHelper().";
    /** What a consequence may call besides the 'decisions' global and the facts' own methods. */
    private static final List<String> CONSEQUENCE_ACTIONS =
            List.of("insert", "insertLogical", "update", "delete", "modify");

    private static final Pattern EXPRESSION_START = Pattern.compile("[\\w.$\"(]+");

    private static final List<Class<?>> ENUMS = List.of(
            dev.pathwise.engine.learner.MasteryLevel.class,
            dev.pathwise.engine.activity.ActivityKind.class,
            dev.pathwise.engine.activity.Modality.class,
            dev.pathwise.engine.activity.Grouping.class,
            dev.pathwise.engine.evidence.EvidenceKind.class,
            dev.pathwise.engine.facts.FlagKind.class,
            dev.pathwise.engine.facts.Support.class);

    private final List<RuleText> files;
    private final Map<String, String[]> sources = new HashMap<>();

    private GeneratedCodeErrors(List<RuleText> files) {
        this.files = files;
    }

    /** The build's error messages as problems in the rule files, each once. */
    static List<CompileProblem> place(List<Message> errors, List<RuleText> files) {
        GeneratedCodeErrors placing = new GeneratedCodeErrors(files);
        for (Message error : errors) {
            Matcher source = SOURCE.matcher(
                    error.getText() == null ? "" : error.getText().strip());
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
        if (method.matches() && method.group(3).startsWith("LambdaConsequence")) {
            return at(
                    error,
                    method.group(1),
                    "calls " + method.group(1) + "(" + method.group(2) + "), which a "
                            + "consequence does not have: it may insert, insertLogical, update or delete facts and call "
                            + "'decisions'." + Suggestions.idHint(method.group(1), CONSEQUENCE_ACTIONS));
        }
        if (method.matches()) {
            return at(
                    error,
                    method.group(1),
                    "calls " + method.group(1) + "(" + method.group(2) + ") on "
                            + method.group(3) + ", which " + method.group(3) + " does not have."
                            + methodHint(method.group(3), method.group(1)));
        }
        Matcher notApplicable = NOT_APPLICABLE.matcher(text);
        if (notApplicable.matches()) {
            return at(
                    error,
                    notApplicable.group(1),
                    "calls " + notApplicable.group(1) + " with ("
                            + notApplicable.group(4) + "), but " + notApplicable.group(3) + "." + notApplicable.group(1)
                            + " takes (" + notApplicable.group(2) + ")");
        }
        Matcher constructor = NO_CONSTRUCTOR.matcher(text);
        if (constructor.matches()) {
            return at(
                    error,
                    constructor.group(1),
                    "makes a new " + constructor.group(1) + "("
                            + constructor.group(2) + "), but " + constructor.group(1) + " is made with "
                            + constructors(constructor.group(1)));
        }
        Matcher hidden = HIDDEN_FIELD.matcher(text);
        if (hidden.matches()) {
            String field = hidden.group(2);
            return at(
                    error,
                    field,
                    "reads the field '" + field + "' of " + hidden.group(1) + " directly, which a "
                            + "consequence cannot: call get" + Character.toUpperCase(field.charAt(0))
                            + field.substring(1)
                            + "() instead");
        }
        Matcher name = UNKNOWN_NAME.matcher(text);
        if (name.matches()) {
            String constant = enumConstantHint(name.group(1));
            if (constant != null) {
                return at(error, name.group(1), constant);
            }
            CompileProblem placed = at(
                    error,
                    name.group(1),
                    "uses '" + name.group(1) + "', which is not defined "
                            + "there: bind it in the rule's conditions ($name : ...) or check its spelling.");
            Set<String> known = namesInRule(placed);
            String hint = Suggestions.nameHint(name.group(1), known);
            if (name.group(1).startsWith("$")) {
                known.remove("decisions");
                hint += known.size() > 1 ? " It binds " + String.join(", ", known) + "." : "";
            }
            return new CompileProblem(
                    placed.file(),
                    placed.line(),
                    placed.column(),
                    hint.isEmpty()
                            ? placed.message().substring(0, placed.message().length() - 1)
                            : placed.message() + hint);
        }
        Matcher unhandled = UNHANDLED.matcher(text);
        if (unhandled.matches()) {
            return at(
                    error,
                    null,
                    "calls code that can fail with " + unhandled.group(1) + ", which rules may not "
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
            candidates.add(statement
                    .replace(KNOWLEDGE_HELPER, "")
                    .replace("((org.kie.api.runtime.rule.RuleContext) drools)", "kcontext")
                    .replaceAll("[),;\\s]+$", ""));
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
            Pattern written = Pattern.compile("(?<![\\w$])"
                    + String.join(
                            "\\s*",
                            TOKEN.matcher(candidate)
                                    .results()
                                    .map(part -> Pattern.quote(part.group()))
                                    .toList()));
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
                    return file.at(
                            file.lineOf(offset),
                            file.columnOf(offset),
                            "rule '" + FactModel.ruleAt(file.drl(), offset) + "' " + message);
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
        String rest = column < whole.length() && column >= line.length()
                ? whole.substring(column)
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
            return "uses the type '" + name + "', which does not exist."
                    + Suggestions.nameHint(simple, FactModel.typeNames());
        }
    }

    /** "uses MASTERD, which is not a value of MasteryLevel. Maybe you meant 'MASTERED'?", or null. */
    private static String enumConstantHint(String name) {
        for (Class<?> type : ENUMS) {
            List<String> constants = Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .toList();
            String hint = Suggestions.nameHint(name, constants);
            if (!hint.isEmpty()) {
                return "uses " + name + ", which is not a value of " + type.getSimpleName() + "." + hint;
            }
        }
        return null;
    }

    private static String methodHint(String type, String method) {
        Class<?> fact = type.equals(Decisions.class.getSimpleName()) ? Decisions.class : FactModel.typeNamed(type);
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

    /** The public constructors of a fact type, said as their parameter lists: "(String competencyId)". */
    private static String constructors(String type) {
        Class<?> fact = FactModel.typeNamed(type);
        if (fact == null) {
            return "other arguments";
        }
        List<String> forms = new ArrayList<>();
        for (var constructor : fact.getConstructors()) {
            forms.add("("
                    + String.join(
                            ", ",
                            Arrays.stream(constructor.getParameters())
                                    .map(p ->
                                            p.getType().getSimpleName() + (p.isNamePresent() ? " " + p.getName() : ""))
                                    .toList())
                    + ")");
        }
        return forms.isEmpty() ? "no public constructor" : String.join(" or ", forms);
    }

    /** The names a rule may use where the problem is: the variables its conditions bind and the 'decisions' global. */
    private Set<String> namesInRule(CompileProblem placed) {
        Set<String> names = new LinkedHashSet<>();
        names.add("decisions");
        for (RuleText file : files) {
            if (file.path().equals(placed.file()) && placed.line() > 0) {
                names.addAll(file.boundAt(file.offsetOfLine(placed.line())));
            }
        }
        return names;
    }
}
