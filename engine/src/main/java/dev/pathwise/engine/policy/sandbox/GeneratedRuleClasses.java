package dev.pathwise.engine.policy.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The classes Drools' executable model generated from a policy's rule files, sorted by what they hold, and the rule
 * each piece of code belongs to.
 *
 * <p>A rule's own expressions (constraints, bindings, the consequence) are compiled into small classes named
 * {@code Lambda<kind><hash>}, or into {@code lambda$} methods of the rule-definition classes; everything else (the
 * {@code Rules<hash>} classes that define the rules, the {@code DomainClassesMetadata} of the facts, the project
 * model) is structure Drools writes itself. A rule-definition method starts with {@code D.rule(package, name)} and
 * names the lambda classes of that rule, which is how a piece of code is traced back to its rule.
 */
final class GeneratedRuleClasses {

    private static final Pattern EXPRESSION_CLASS = Pattern.compile(".*/Lambda[A-Za-z]+[0-9A-F]{32}");
    private static final Pattern RULES_CLASS = Pattern.compile(".*/Rules[0-9A-F]{32}(RuleMethods\\d+)?");
    private static final Pattern METADATA_CLASS = Pattern.compile(".*/DomainClassesMetadata[0-9A-F]{32}(\\$\\w+)?");
    private static final Pattern PROJECT_CLASS = Pattern.compile("org/drools/project/model/ProjectModel\\w*");
    private static final String RULE_BUILDER_OWNER = "org/drools/modelcompiler/dsl/pattern/D";

    /** Methods of an expression class that Drools writes around the expression (the class is an enum singleton). */
    private static final List<String> EXPRESSION_CLASS_STRUCTURE =
            List.of("<clinit>", "<init>", "values", "valueOf", "getExpressionHash");

    enum Kind {
        /** A rule's own expression: the allow-list of rule code applies. */
        EXPRESSION,
        /** Code Drools writes around the rules: the executable model's builders are allowed as well. */
        STRUCTURE,
        /** A class Drools would not write from an allowed rule file (a local or anonymous class of a consequence). */
        FOREIGN
    }

    private final Map<String, ClassNode> classes = new LinkedHashMap<>();
    private final Map<String, String> ruleOfClass = new HashMap<>();
    private final Map<String, String> ruleOfMethod = new HashMap<>();

    private GeneratedRuleClasses() {}

    /** Reads every {@code .class} file of a generated module (file name to bytes). */
    static GeneratedRuleClasses read(Map<String, byte[]> files) {
        GeneratedRuleClasses generated = new GeneratedRuleClasses();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().endsWith(".class")) {
                continue;
            }
            ClassNode node = new ClassNode();
            new ClassReader(file.getValue()).accept(node, ClassReader.SKIP_FRAMES);
            generated.classes.put(node.name, node);
        }
        generated.traceRules();
        return generated;
    }

    List<ClassNode> classes() {
        return new ArrayList<>(classes.values());
    }

    boolean isGenerated(String internalName) {
        return classes.containsKey(internalName);
    }

    Kind kindOf(ClassNode owner) {
        if (EXPRESSION_CLASS.matcher(owner.name).matches()) {
            return Kind.EXPRESSION;
        }
        if (RULES_CLASS.matcher(owner.name).matches()
                || METADATA_CLASS.matcher(owner.name).matches()
                || PROJECT_CLASS.matcher(owner.name).matches()) {
            return Kind.STRUCTURE;
        }
        return Kind.FOREIGN;
    }

    /** Whether a method holds a rule's own code: the expression of an expression class, or a {@code lambda$}. */
    boolean holdsRuleCode(ClassNode owner, MethodNode method) {
        if (method.name.startsWith("lambda$")) {
            return true;
        }
        return kindOf(owner) != Kind.STRUCTURE && !EXPRESSION_CLASS_STRUCTURE.contains(method.name);
    }

    /** The name of the rule a method's code belongs to, or null when it cannot be traced to one rule. */
    String ruleOf(ClassNode owner, MethodNode method) {
        String byMethod = method == null ? null : ruleOfMethod.get(owner.name + "." + method.name);
        if (byMethod != null) {
            return byMethod;
        }
        String byClass = ruleOfClass.get(owner.name);
        if (byClass != null) {
            return byClass;
        }
        int nested = owner.name.indexOf('$');
        return nested > 0 ? ruleOfClass.get(owner.name.substring(0, nested)) : null;
    }

    /** The rule each expression class belongs to, by class name with dots: to name the rule running on a stack. */
    Map<String, String> rulesByClassName() {
        Map<String, String> byName = new HashMap<>();
        ruleOfClass.forEach((name, rule) -> byName.put(name.replace('/', '.'), rule));
        return byName;
    }

    private void traceRules() {
        for (ClassNode node : classes.values()) {
            if (!RULES_CLASS.matcher(node.name).matches()) {
                continue;
            }
            for (MethodNode method : node.methods) {
                String rule = ruleDefinedBy(method);
                if (rule == null) {
                    continue;
                }
                ruleOfMethod.put(node.name + "." + method.name, rule);
                for (AbstractInsnNode instruction : method.instructions) {
                    if (instruction instanceof FieldInsnNode field
                            && field.getOpcode() == Opcodes.GETSTATIC
                            && EXPRESSION_CLASS.matcher(field.owner).matches()) {
                        ruleOfClass.putIfAbsent(field.owner, rule);
                    } else if (instruction instanceof InvokeDynamicInsnNode dynamic) {
                        for (Object argument : dynamic.bsmArgs) {
                            if (argument instanceof Handle handle && classes.containsKey(handle.getOwner())) {
                                ruleOfMethod.putIfAbsent(handle.getOwner() + "." + handle.getName(), rule);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The rule a rule-definition method defines: the name passed to {@code D.rule(package, name)}, else null. */
    private static String ruleDefinedBy(MethodNode method) {
        String last = null;
        for (AbstractInsnNode instruction : method.instructions) {
            if (instruction instanceof LdcInsnNode constant && constant.cst instanceof String text) {
                last = text;
            } else if (instruction instanceof MethodInsnNode call
                    && call.name.equals("rule")
                    && call.owner.equals(RULE_BUILDER_OWNER)) {
                return last;
            }
        }
        return null;
    }
}
