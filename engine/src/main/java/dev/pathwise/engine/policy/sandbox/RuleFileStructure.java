package dev.pathwise.engine.policy.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.WindowReferenceDescr;

/**
 * What a rule file may declare, checked on the parsed file before anything is compiled: rules in the Java dialect
 * with plain attributes, imports of the fact model, the one global {@code decisions}, and accumulate with the
 * built-in functions. Functions, type declarations, queries, entry points, windows, timers, clocks (date-effective,
 * calendars), dynamic attributes and the MVEL dialect are refused, each at its line: they are not needed to decide
 * progression, and each would add code that runs outside the checked rule code.
 */
public final class RuleFileStructure {

    /**
     * One problem found in a rule file, at a 1-based line and column (0 when unknown).
     *
     * @param blocking whether the file must not be compiled at all (a function, a type declaration, MVEL, ...);
     *                 an import or a global that is not allowed does not stop the compilation, so that what the rules
     *                 do with it is reported too
     */
    public record Finding(int line, int column, String message, boolean blocking) {}

    /** The attributes a rule may use; any other is refused with the reason. */
    public static final List<String> ATTRIBUTES = List.of(
            "ruleflow-group",
            "agenda-group",
            "activation-group",
            "no-loop",
            "lock-on-active",
            "auto-focus",
            "salience",
            "dialect");

    private static final Set<String> ACCUMULATE_FUNCTIONS =
            Set.of("count", "sum", "average", "min", "max", "collectList", "collectSet", "countDistinct");
    private static final String DECISIONS = "dev.pathwise.engine.facts.Decisions";

    private final List<Finding> findings = new ArrayList<>();
    private final String[] lines;

    private RuleFileStructure(String[] lines) {
        this.lines = lines;
    }

    /** Every construct of the parsed file that rule files may not use, with its line, column and a fix. */
    public static List<Finding> check(PackageDescr file, String drl) {
        RuleFileStructure check = new RuleFileStructure(drl.split("\n", -1));
        check.checkPackage(file);
        for (RuleDescr rule : file.getRules()) {
            check.checkRule(rule);
        }
        return List.copyOf(check.findings);
    }

    /** The fully qualified names rule files may import: the fact model, the open engine types, JDK value types. */
    public static boolean isImportable(String name) {
        String internal = name.replace('.', '/');
        return RuleCodeAllowList.isOpenType(internal)
                || RuleCodeAllowList.JDK_METHODS.containsKey(internal)
                || (RuleCodeAllowList.NAMEABLE_TYPES.contains(internal) && internal.startsWith("java/"));
    }

    private void checkPackage(PackageDescr file) {
        for (ImportDescr imported : file.getImports()) {
            String target = imported.getTarget();
            boolean facts = target.equals("dev.pathwise.engine.facts.*");
            if (!facts && !isImportable(target)) {
                addNotBlocking(
                        imported,
                        target,
                        "import '" + target + "' is not allowed in a rule file: rules see only the fact model. "
                                + "Import from dev.pathwise.engine.facts (or dev.pathwise.engine.facts.*), BandParameters "
                                + "from dev.pathwise.engine.policy, the engine's enums (MasteryLevel, ActivityKind, Modality, "
                                + "Grouping, EvidenceKind) or JDK value types (java.time.LocalDate, java.util.List, ...)");
            }
        }
        for (FunctionImportDescr imported : file.getFunctionImports()) {
            add(
                    imported,
                    "'import function " + imported.getTarget() + "' is not allowed: rules call no functions; "
                            + "put the value the rule needs into a fact");
        }
        file.getAccumulateImports()
                .forEach(imported -> add(
                        imported,
                        "'import accumulate' is not allowed: rules "
                                + "use the built-in accumulate functions "
                                + String.join(
                                        ", ",
                                        ACCUMULATE_FUNCTIONS.stream().sorted().toList())));
        for (GlobalDescr global : file.getGlobals()) {
            boolean decisions = global.getIdentifier().equals("decisions")
                    && (global.getType().equals("Decisions") || global.getType().equals(DECISIONS));
            if (!decisions) {
                addNotBlocking(
                        global,
                        global.getType(),
                        "global '" + global.getType() + " " + global.getIdentifier() + "' is not allowed: the "
                                + "engine sets only 'global Decisions decisions'; report through it, and put any other value "
                                + "in a fact or a parameter");
            }
        }
        for (FunctionDescr function : file.getFunctions()) {
            add(
                    function,
                    "function '" + function.getName() + "' is not allowed in a rule file: rules decide from "
                            + "facts and report through 'decisions'; a value a rule needs belongs in a fact or a parameter");
        }
        file.getTypeDeclarations()
                .forEach(
                        type -> add(
                                type,
                                "'declare " + type.getTypeName() + "' is not allowed: "
                                        + "rules use the fact model (dev.pathwise.engine.facts); a new kind of fact is added to the engine"));
        file.getEnumDeclarations()
                .forEach(type -> add(
                        type,
                        "'declare enum " + type.getTypeName() + "' is not " + "allowed: rules use the engine's enums"));
        file.getEntryPointDeclarations()
                .forEach(entry ->
                        add(entry, "'declare entry-point' is not allowed: the " + "engine inserts every fact"));
        file.getWindowDeclarations()
                .forEach(window -> add(
                        window,
                        "'declare window' is not allowed: rules do not "
                                + "reason over time windows; time comes in as facts"));
        if (file.getUnit() != null) {
            add(file.getUnit(), "'unit' is not allowed: Pathwise runs rules by ruleflow group");
        }
        for (AttributeDescr attribute : file.getAttributes()) {
            checkAttribute(attribute, "the file");
        }
    }

    private void checkRule(RuleDescr rule) {
        if (rule.isQuery()) {
            add(
                    rule,
                    "query '" + rule.getName() + "' is not allowed: Pathwise does not run queries; a rule reports "
                            + "through 'decisions'");
            return;
        }
        for (Map.Entry<String, AttributeDescr> attribute : rule.getAttributes().entrySet()) {
            checkAttribute(attribute.getValue(), "rule '" + rule.getName() + "'");
        }
        if (rule.getNamedConsequences() != null && !rule.getNamedConsequences().isEmpty()) {
            add(
                    rule,
                    "rule '" + rule.getName() + "' has named consequences (then[name]), which are not allowed: "
                            + "write a rule for each case");
        }
        if (rule.getLhs() != null) {
            checkConditions(rule, rule.getLhs());
        }
    }

    private void checkAttribute(AttributeDescr attribute, String where) {
        String name = attribute.getName();
        String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
        if (!ATTRIBUTES.contains(name)) {
            String why = switch (name) {
                case "date-effective", "date-expires", "calendars", "timer", "duration" ->
                    "rules must not read a "
                            + "clock: time comes in as a fact (Pace, GoalPace), so that a replay gives the same result";
                case "enabled" -> "a rule is enabled by publishing it; conditions belong in its 'when' part";
                default ->
                    "the attributes rules may use are "
                            + String.join(", ", ATTRIBUTES.stream().sorted().toList());
            };
            add(attribute, where + " uses the attribute '" + name + "', which is not allowed: " + why);
        } else if (name.equals("dialect") && !unquote(value).equals("java")) {
            add(
                    attribute,
                    where + " uses dialect " + value + ", which is not allowed: rules are written in the "
                            + "Java dialect (remove the dialect line)");
        } else if (name.equals("salience") && !value.matches("-?\\d{1,6}")) {
            add(
                    attribute,
                    where + " uses salience '" + value + "', which is not allowed: salience is a whole "
                            + "number; better, order phases with ruleflow groups");
        }
    }

    private void checkConditions(RuleDescr rule, BaseDescr element) {
        if (element instanceof PatternDescr pattern) {
            checkPattern(rule, pattern);
            return;
        }
        if (element instanceof ConditionalElementDescr conditional) {
            for (BaseDescr child : conditional.getDescrs()) {
                checkConditions(rule, child);
            }
        }
    }

    private void checkPattern(RuleDescr rule, PatternDescr pattern) {
        if (pattern.getBehaviors() != null && !pattern.getBehaviors().isEmpty()) {
            add(
                    pattern,
                    "rule '" + rule.getName() + "' matches over a window, which is not allowed: rules do not "
                            + "reason over time windows; time comes in as facts");
        }
        PatternSourceDescr source = pattern.getSource();
        BaseDescr where = source != null && source.getLine() > 0 ? source : pattern;
        if (source instanceof EntryPointDescr entry) {
            add(
                    where,
                    "rule '" + rule.getName() + "' reads the entry point '" + entry.getEntryId() + "', which is "
                            + "not allowed: the engine inserts every fact into the rule session itself");
        } else if (source instanceof WindowReferenceDescr) {
            add(where, "rule '" + rule.getName() + "' reads a window, which is not allowed");
        } else if (source instanceof CollectDescr collect) {
            add(
                    where,
                    "rule '" + rule.getName() + "' uses 'from collect', which is not allowed: use "
                            + "'from accumulate( ..., collectList( ... ) )'");
            checkConditions(rule, collect.getInputPattern());
        } else if (source instanceof AccumulateDescr accumulate) {
            checkAccumulate(rule, accumulate);
        }
    }

    private void checkAccumulate(RuleDescr rule, AccumulateDescr accumulate) {
        if (!accumulate.isExternalFunction()
                || accumulate.getInitCode() != null
                || accumulate.getActionCode() != null
                || accumulate.getResultCode() != null) {
            add(
                    accumulate,
                    "rule '" + rule.getName() + "' writes accumulate code (init/action/reverse/result), which "
                            + "is not allowed: use the accumulate functions "
                            + String.join(
                                    ", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                add(
                        accumulate,
                        "rule '" + rule.getName() + "' uses the accumulate function '"
                                + function.getFunction() + "', which is not allowed: the functions rules may use are "
                                + String.join(
                                        ", ",
                                        ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
            }
        }
        if (accumulate.getInput() != null) {
            checkConditions(rule, accumulate.getInput());
        }
    }

    private void add(BaseDescr where, String message) {
        findings.add(new Finding(Math.max(where.getLine(), 0), Math.max(where.getColumn() + 1, 0), message, true));
    }

    /** A problem that does not stop the compilation, placed at the name it is about on its line. */
    private void addNotBlocking(BaseDescr where, String name, String message) {
        int line = Math.max(where.getLine(), 0);
        int column = Math.max(where.getColumn() + 1, 0);
        if (line > 0 && line <= lines.length && lines[line - 1].contains(name)) {
            column = lines[line - 1].indexOf(name) + 1;
        }
        findings.add(new Finding(line, column, message, false));
    }

    private static String unquote(String value) {
        return value.replaceAll("^[\"']|[\"']$", "");
    }
}
