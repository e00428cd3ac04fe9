package dev.pathwise.engine.policy.compiler;

import dev.pathwise.engine.facts.Assessment;
import dev.pathwise.engine.facts.ChildrenRollup;
import dev.pathwise.engine.facts.DroppedBack;
import dev.pathwise.engine.facts.GoalPace;
import dev.pathwise.engine.facts.Learner;
import dev.pathwise.engine.facts.LevelProposal;
import dev.pathwise.engine.facts.Option;
import dev.pathwise.engine.facts.Pace;
import dev.pathwise.engine.facts.Progress;
import dev.pathwise.engine.facts.ReadyCompetency;
import dev.pathwise.engine.facts.Shortfall;
import dev.pathwise.engine.facts.Struggling;
import dev.pathwise.engine.policy.BandParameters;
import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.RulePhase;
import dev.pathwise.engine.policy.parameters.Parameter;
import dev.pathwise.engine.spelling.Suggestions;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * The facts rule files match on, with the fields each offers, to check a rule's patterns before Drools does and to
 * say which field (or parameter) was meant. A rule whose pattern reads a field its fact does not have can never fire.
 */
final class FactModel {

    private static final Map<String, Set<String>> FIELDS = new LinkedHashMap<>();
    private static final Map<String, String> QUALIFIED = new LinkedHashMap<>();
    private static final Map<String, Class<?>> TYPES = new LinkedHashMap<>();

    static {
        for (Class<?> type : List.of(
                Assessment.class,
                ChildrenRollup.class,
                DroppedBack.class,
                GoalPace.class,
                Learner.class,
                LevelProposal.class,
                Option.class,
                Pace.class,
                Progress.class,
                ReadyCompetency.class,
                Shortfall.class,
                Struggling.class,
                BandParameters.class)) {
            FIELDS.put(type.getSimpleName(), fieldsOf(type));
            QUALIFIED.put(type.getSimpleName(), type.getName());
            TYPES.put(type.getSimpleName(), type);
        }
    }

    private static final Set<String> KEYWORDS = Set.of(
            "true",
            "false",
            "null",
            "this",
            "not",
            "in",
            "matches",
            "contains",
            "memberOf",
            "soundslike",
            "excludes",
            "str",
            "instanceof",
            "from",
            "and",
            "or",
            "new");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][\\w]*");
    private static final Pattern WHEN_THEN = Pattern.compile("\\bwhen\\b([\\s\\S]*?)\\bthen\\b");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([\\w.]+)'");
    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");

    private FactModel() {}

    /** The fact type of this simple name, or null when there is none. */
    static Class<?> typeNamed(String simpleName) {
        return TYPES.get(simpleName);
    }

    /** The fact types rule files may match, by simple name. */
    static Set<String> typeNames() {
        return FIELDS.keySet();
    }

    /**
     * Every pattern matching facts in the rule session whose type is not a fact of the model, or is one that the file
     * does not import, as a problem at the pattern's line and column. Patterns reading from an expression or an
     * accumulate ({@code Number() from accumulate(...)}) may name other value types.
     */
    /**
     * Every rule in a ruleflow or agenda group the engine never runs (it could never fire), as a problem at the
     * attribute's line with the group that was meant.
     */
    static List<CompileProblem> checkPhases(RuleText text) {
        List<CompileProblem> problems = new ArrayList<>();
        for (RuleDescr rule : text.parsed().getRules()) {
            for (String name : List.of("ruleflow-group", "agenda-group")) {
                org.drools.drl.ast.descr.AttributeDescr group =
                        rule.getAttributes().get(name);
                if (group == null || group.getValue() == null) {
                    continue;
                }
                String value = group.getValue().replaceAll("^[\"']|[\"']$", "");
                if (!RulePhase.groups().contains(value)) {
                    problems.add(text.at(
                            group.getLine(),
                            group.getColumn() + 1,
                            "rule '" + rule.getName()
                                    + "' is in " + name + " '" + value
                                    + "', which the engine never runs, so it can never fire."
                                    + Suggestions.nameHint(value, RulePhase.groups())
                                    + hintOr(value, RulePhase.groups(), "groups")));
                }
            }
        }
        return problems;
    }

    static List<CompileProblem> checkTypes(RuleText text) {
        PackageDescr file = text.parsed();
        Set<String> imported = new LinkedHashSet<>();
        boolean factsImported = false;
        for (ImportDescr descr : file.getImports()) {
            imported.add(descr.getTarget());
            factsImported |= descr.getTarget().equals("dev.pathwise.engine.facts.*");
        }
        List<CompileProblem> problems = new ArrayList<>();
        for (RuleDescr rule : file.getRules()) {
            if (rule.getLhs() != null) {
                checkTypes(text, rule, rule.getLhs(), imported, factsImported, problems);
            }
        }
        return problems;
    }

    private static void checkTypes(
            RuleText text,
            RuleDescr rule,
            BaseDescr element,
            Set<String> imported,
            boolean factsImported,
            List<CompileProblem> problems) {
        if (element instanceof PatternDescr pattern) {
            if (pattern.getSource() == null) {
                checkType(text, rule, pattern, imported, factsImported, problems);
            } else if (pattern.getSource() instanceof AccumulateDescr accumulate && accumulate.getInput() != null) {
                checkTypes(text, rule, accumulate.getInput(), imported, factsImported, problems);
            }
        } else if (element instanceof ConditionalElementDescr conditional) {
            for (BaseDescr child : conditional.getDescrs()) {
                checkTypes(text, rule, child, imported, factsImported, problems);
            }
        }
    }

    private static void checkType(
            RuleText text,
            RuleDescr rule,
            PatternDescr pattern,
            Set<String> imported,
            boolean factsImported,
            List<CompileProblem> problems) {
        String type = pattern.getObjectType();
        if (type == null) {
            return;
        }
        String simple = type.substring(type.lastIndexOf('.') + 1);
        String qualified = QUALIFIED.get(simple);
        int line = pattern.getLine();
        int column = pattern.getColumn() + 1;
        if (qualified == null || (type.contains(".") && !type.equals(qualified))) {
            problems.add(text.at(
                    line,
                    column,
                    "rule '" + rule.getName() + "' matches "
                            + explainUnknownType("Unable to resolve ObjectType '" + type + "'")));
        } else if (!type.contains(".")
                && !imported.contains(qualified)
                && !(factsImported && qualified.startsWith("dev.pathwise.engine.facts."))) {
            problems.add(text.at(
                    line,
                    column,
                    "rule '" + rule.getName() + "' matches the fact type '" + simple
                            + "', which the file does not import: add 'import " + qualified
                            + ";' after the package line"));
        }
    }

    /** Every pattern on a known fact reading a field that fact does not have, as a problem with line and column. */
    static List<CompileProblem> checkFields(RuleText text) {
        List<CompileProblem> problems = new ArrayList<>();
        String code = text.code();
        Matcher lhs = WHEN_THEN.matcher(code);
        while (lhs.find()) {
            int start = lhs.start(1);
            String part = lhs.group(1);
            Matcher word = WORD.matcher(part);
            while (word.find()) {
                Set<String> fields = FIELDS.get(word.group());
                int open = skipSpaces(part, word.end());
                boolean qualified = word.start() > 0
                        && (part.charAt(word.start() - 1) == '.' || part.charAt(word.start() - 1) == '$');
                if (fields == null || qualified || open >= part.length() || part.charAt(open) != '(') {
                    continue;
                }
                int close = matching(part, open);
                checkConstraints(
                        text, word.group(), fields, part.substring(open + 1, close), start + open + 1, problems);
                word.region(close, part.length());
            }
        }
        return problems;
    }

    private static void checkConstraints(
            RuleText text,
            String type,
            Set<String> fields,
            String constraints,
            int offset,
            List<CompileProblem> problems) {
        Matcher word = WORD.matcher(constraints);
        while (word.find()) {
            String name = word.group();
            char before = previous(constraints, word.start());
            if (word.start() > 0 && Character.isDigit(constraints.charAt(word.start() - 1))) {
                continue;
            }
            int after = skipSpaces(constraints, word.end());
            char next = after < constraints.length() ? constraints.charAt(after) : '\0';
            if (before == '.'
                    || before == '$'
                    || before == '#'
                    || before == '['
                    || next == '('
                    || next == '.'
                    || (next == ':' && after + 1 < constraints.length() && constraints.charAt(after + 1) != '=')
                    || KEYWORDS.contains(name)
                    || fields.contains(name)) {
                continue;
            }
            int at = offset + word.start();
            String rule = ruleAt(text.drl(), at);
            String message;
            if (type.equals("BandParameters")) {
                List<String> known = new ArrayList<>(Parameter.keys());
                known.add("gradeBand");
                message = "rule '" + rule + "' uses unknown parameter '" + name + "', so it can never fire."
                        + Suggestions.nameHint(name, known) + hintOr(name, known, "parameters");
            } else {
                message = "rule '" + rule + "' reads unknown field '" + name + "' of " + type
                        + ", so it can never fire." + Suggestions.nameHint(name, fields)
                        + hintOr(name, fields, "fields of " + type);
            }
            problems.add(text.at(text.lineOf(at), text.columnOf(at), message));
        }
    }

    private static String hintOr(String name, java.util.Collection<String> known, String what) {
        return Suggestions.closestName(name, known).isPresent()
                ? ""
                : " Known " + what + ": " + String.join(", ", new TreeSet<>(known));
    }

    /** Drools' "Unable to resolve ObjectType 'Assesment'" with the fact type that was meant. */
    static String explainUnknownType(String message) {
        Matcher matcher = UNKNOWN_TYPE.matcher(message);
        if (!matcher.find()) {
            return message;
        }
        String type = matcher.group(1);
        String hint = Suggestions.nameHint(type, typeNames());
        return "unknown fact type '" + type + "'."
                + (hint.isEmpty()
                        ? " Rules match the fact model: " + String.join(", ", typeNames())
                                + "; import it from dev.pathwise.engine.facts"
                        : hint
                                + " (import it from dev.pathwise.engine.facts, or BandParameters from dev.pathwise.engine.policy)");
    }

    /** The name of the rule an offset of the DRL belongs to. */
    static String ruleAt(String drl, int offset) {
        Matcher matcher = RULE.matcher(drl);
        String name = "?";
        while (matcher.find() && matcher.start() <= offset) {
            name = matcher.group(1) != null
                    ? matcher.group(1)
                    : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
        }
        return name;
    }

    private static Set<String> fieldsOf(Class<?> type) {
        Set<String> fields = new LinkedHashSet<>();
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() != 0
                    || Modifier.isStatic(method.getModifiers())
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = method.getName();
            if (name.startsWith("get") && name.length() > 3) {
                fields.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
            } else if (name.startsWith("is") && name.length() > 2) {
                fields.add(Character.toLowerCase(name.charAt(2)) + name.substring(3));
            } else if (!name.equals("hashCode") && !name.equals("toString")) {
                fields.add(name);
            }
        }
        return fields;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static char previous(String text, int index) {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i >= 0 ? text.charAt(i) : '\0';
    }

    private static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }
}
