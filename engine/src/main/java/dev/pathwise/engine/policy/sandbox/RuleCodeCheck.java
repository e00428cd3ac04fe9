package dev.pathwise.engine.policy.sandbox;

import dev.pathwise.engine.policy.sandbox.GeneratedRuleClasses.Kind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Checks the bytecode Drools' executable model generated from a policy against {@link RuleCodeAllowList}: every
 * method call, field access, type named, class literal, {@code invokedynamic}, array, jump back (a loop), lock and
 * exception handler. This is the code that runs, so what passes here is what rules can do; the text of the rule
 * files is not trusted.
 */
public final class RuleCodeCheck {

    private final GeneratedRuleClasses generated;
    private final MemberResolver members;
    private final Set<RuleCodeViolation> violations = new LinkedHashSet<>();

    private RuleCodeCheck(GeneratedRuleClasses generated, ClassLoader loader) {
        this.generated = generated;
        this.members = new MemberResolver(loader);
    }

    /**
     * Checks the classes of a generated module (file name to bytes).
     *
     * @param loader resolves the fact model and JDK types the code refers to, to find where a member is declared
     */
    public static Result check(Map<String, byte[]> files, ClassLoader loader) {
        RuleCodeCheck check = new RuleCodeCheck(GeneratedRuleClasses.read(files), loader);
        for (ClassNode node : check.generated.classes()) {
            check.checkClass(node);
        }
        return new Result(List.copyOf(check.violations), check.generated.rulesByClassName());
    }

    /**
     * What the check found.
     *
     * @param violations  every refused construct, once per rule
     * @param ruleOfClass the rule each generated expression class belongs to (class name with dots), to name the
     *                    rule that was running when an evaluation is stopped
     */
    public record Result(List<RuleCodeViolation> violations, Map<String, String> ruleOfClass) {
        public boolean passed() {
            return violations.isEmpty();
        }
    }

    private void checkClass(ClassNode node) {
        Kind kind = generated.kindOf(node);
        if (kind == Kind.FOREIGN) {
            report(
                    node,
                    null,
                    "new",
                    "declares a class of its own (an anonymous or local class), which rules may "
                            + "not: a rule reads facts and reports through 'decisions'");
            return;
        }
        for (MethodNode method : node.methods) {
            boolean ruleCode = generated.holdsRuleCode(node, method);
            checkMethod(node, method, ruleCode);
        }
    }

    private void checkMethod(ClassNode owner, MethodNode method, boolean ruleCode) {
        if (method.instructions.size() == 0) {
            return;
        }
        if (ruleCode && !method.tryCatchBlocks.isEmpty()) {
            report(
                    owner,
                    method,
                    "catch",
                    "catches exceptions (try/catch), which rules may not: a rule that fails "
                            + "fails its evaluation, and the engine reports it");
        }
        int concatenations = 0;
        for (AbstractInsnNode instruction : method.instructions) {
            if (instruction instanceof MethodInsnNode call) {
                checkCall(owner, method, ruleCode, call);
                if (call.owner.equals("java/lang/String") && call.name.equals("concat")) {
                    concatenations++;
                }
            } else if (instruction instanceof FieldInsnNode field) {
                checkField(owner, method, ruleCode, field);
            } else if (instruction instanceof InvokeDynamicInsnNode dynamic) {
                if (isStringConcatenation(dynamic)) {
                    concatenations++;
                } else {
                    checkLambda(owner, method, ruleCode, dynamic);
                }
            } else if (instruction instanceof TypeInsnNode type) {
                checkType(owner, method, ruleCode, type);
            } else if (instruction instanceof LdcInsnNode constant) {
                checkConstant(owner, method, ruleCode, constant);
            } else if (instruction instanceof IntInsnNode array && array.getOpcode() == Opcodes.NEWARRAY) {
                checkArrayLength(owner, method, ruleCode, array, "an array");
            } else if (instruction instanceof MultiANewArrayInsnNode) {
                report(owner, method, "new", "creates a multi-dimensional array, which rules may not");
            } else if (instruction instanceof JumpInsnNode jump
                    && method.instructions.indexOf(jump.label) <= method.instructions.indexOf(jump)) {
                report(
                        owner,
                        method,
                        "while|for|do",
                        "contains a loop (while, for or do), which rules may not: "
                                + "a rule matches each fact it needs instead of looping over them");
            } else if (instruction instanceof InsnNode plain && plain.getOpcode() == Opcodes.MONITORENTER) {
                report(
                        owner,
                        method,
                        "synchronized",
                        "takes a lock (synchronized), which rules may not: rules run "
                                + "on the evaluating thread only");
            }
        }
        if (ruleCode && concatenations > RuleCodeAllowList.MAX_CONCATENATIONS) {
            report(
                    owner,
                    method,
                    "+|concat",
                    "joins strings " + concatenations + " times in one block, more than the "
                            + RuleCodeAllowList.MAX_CONCATENATIONS
                            + " rules may: pass the values to 'decisions' with a "
                            + "message pattern instead");
        }
    }

    private void checkCall(ClassNode owner, MethodNode method, boolean ruleCode, MethodInsnNode call) {
        if (generated.isGenerated(call.owner) || allowedMethod(call.owner, call.name, call.desc, ruleCode)) {
            return;
        }
        report(
                owner,
                method,
                call.name.equals("<init>") ? simpleName(call.owner) : call.name,
                "calls " + MemberNames.method(call.owner, call.name, call.desc) + ", which rules may not use. "
                        + MemberNames.hint(call.owner, call.name));
    }

    private boolean allowedMethod(String type, String name, String descriptor, boolean ruleCode) {
        if (RuleCodeAllowList.isOpenType(type)) {
            MemberResolver.Declared declared = members.method(type, name, descriptor);
            if (declared == null || !declared.isPublic()) {
                return false;
            }
            return RuleCodeAllowList.isOpenType(declared.owner())
                    || listed(RuleCodeAllowList.JDK_METHODS, declared.owner(), name);
        }
        if (listed(RuleCodeAllowList.JDK_METHODS, type, name) || listed(RuleCodeAllowList.DROOLS_METHODS, type, name)) {
            return true;
        }
        if (ruleCode) {
            return false;
        }
        return listed(RuleCodeAllowList.STRUCTURE_METHODS, type, name)
                || (type.startsWith(RuleCodeAllowList.CONSEQUENCE_BUILDER) && name.equals("execute"));
    }

    private void checkField(ClassNode owner, MethodNode method, boolean ruleCode, FieldInsnNode field) {
        boolean write = field.getOpcode() == Opcodes.PUTSTATIC || field.getOpcode() == Opcodes.PUTFIELD;
        if (generated.isGenerated(field.owner)) {
            if (!write || (!ruleCode && field.owner.equals(owner.name))) {
                return;
            }
        } else if (!write && allowedFieldRead(field.owner, field.name, ruleCode)) {
            return;
        }
        report(
                owner,
                method,
                field.name,
                (write ? "writes " : "reads ") + MemberNames.field(field.owner, field.name) + ", which rules may not. "
                        + MemberNames.hint(field.owner, field.name));
    }

    private boolean allowedFieldRead(String type, String name, boolean ruleCode) {
        if (RuleCodeAllowList.isOpenType(type)) {
            MemberResolver.Declared declared = members.field(type, name);
            return declared != null && declared.isPublic() && RuleCodeAllowList.isOpenType(declared.owner());
        }
        if (listed(RuleCodeAllowList.JDK_CONSTANTS, type, name)
                || (RuleCodeAllowList.OPERATORS.contains(type) && name.equals("INSTANCE"))) {
            return true;
        }
        return !ruleCode && listed(RuleCodeAllowList.STRUCTURE_FIELDS, type, name);
    }

    private void checkLambda(ClassNode owner, MethodNode method, boolean ruleCode, InvokeDynamicInsnNode dynamic) {
        boolean metafactory = dynamic.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory");
        if (metafactory && !ruleCode) {
            for (Object argument : dynamic.bsmArgs) {
                if (argument instanceof Handle handle
                        && !generated.isGenerated(handle.getOwner())
                        && !(RuleCodeAllowList.ACCUMULATE_FUNCTIONS.contains(handle.getOwner())
                                && handle.getName().equals("<init>"))) {
                    report(
                            owner,
                            method,
                            null,
                            "refers to " + MemberNames.method(handle.getOwner(), handle.getName(), handle.getDesc())
                                    + ", which rules may not use. "
                                    + MemberNames.hint(handle.getOwner(), handle.getName()));
                }
            }
            return;
        }
        report(
                owner,
                method,
                "->",
                metafactory
                        ? "uses a lambda or a method reference, which rules may not: a rule "
                                + "matches each fact it needs instead"
                        : "uses invokedynamic (" + dynamic.bsm.getOwner().replace('/', '.') + "), which rules may not");
    }

    private void checkType(ClassNode owner, MethodNode method, boolean ruleCode, TypeInsnNode type) {
        String named = elementType(type.desc);
        switch (type.getOpcode()) {
            case Opcodes.NEW -> {
                // the constructor call that follows is checked as a method call
                if (!generated.isGenerated(named) && !nameable(named, ruleCode)) {
                    report(
                            owner,
                            method,
                            simpleName(named),
                            "creates a " + named.replace('/', '.') + ", which rules may not. "
                                    + MemberNames.hint(named, "<init>"));
                }
            }
            case Opcodes.ANEWARRAY -> {
                if (!nameable(named, ruleCode)) {
                    report(
                            owner,
                            method,
                            simpleName(named),
                            "creates an array of " + named.replace('/', '.') + ", which rules may not");
                }
                checkArrayLength(owner, method, ruleCode, type, "an array of " + simpleName(named));
            }
            default -> {
                if (!nameable(named, ruleCode)) {
                    report(
                            owner,
                            method,
                            simpleName(named),
                            "uses the type " + named.replace('/', '.') + ", which rules may not. "
                                    + MemberNames.hint(named, ""));
                }
            }
        }
    }

    private void checkConstant(ClassNode owner, MethodNode method, boolean ruleCode, LdcInsnNode constant) {
        if (constant.cst instanceof Type type) {
            String named = type.getSort() == Type.METHOD ? null : elementType(type.getInternalName());
            if (named == null || !nameable(named, ruleCode)) {
                report(
                        owner,
                        method,
                        "class",
                        "takes the class literal " + type.getClassName() + ", which rules may " + "not use. "
                                + MemberNames.hint(named == null ? "java/lang/invoke/MethodType" : named, ""));
            }
        } else if (constant.cst instanceof Handle || constant.cst instanceof org.objectweb.asm.ConstantDynamic) {
            report(owner, method, null, "loads a method handle or dynamic constant, which rules may not");
        }
    }

    private void checkArrayLength(
            ClassNode owner, MethodNode method, boolean ruleCode, AbstractInsnNode array, String what) {
        if (!ruleCode) {
            return;
        }
        int length = constantBefore(array);
        if (length < 0 || length > RuleCodeAllowList.MAX_ARRAY_LENGTH) {
            report(
                    owner,
                    method,
                    "new",
                    "creates " + what + " of " + (length < 0 ? "a computed" : "" + length)
                            + " elements, which rules may not: arrays in rules come only from passing up to "
                            + RuleCodeAllowList.MAX_ARRAY_LENGTH + " values to a method");
        }
    }

    private boolean nameable(String type, boolean ruleCode) {
        if (type.length() == 1
                || generated.isGenerated(type)
                || RuleCodeAllowList.isOpenType(type)
                || RuleCodeAllowList.NAMEABLE_TYPES.contains(type)
                || RuleCodeAllowList.JDK_METHODS.containsKey(type)
                || RuleCodeAllowList.DROOLS_METHODS.containsKey(type)
                || RuleCodeAllowList.OPERATORS.contains(type)) {
            return true;
        }
        return !ruleCode
                && (type.startsWith(RuleCodeAllowList.STRUCTURE_TYPES)
                        || RuleCodeAllowList.STRUCTURE_METHODS.containsKey(type)
                        || RuleCodeAllowList.ACCUMULATE_FUNCTIONS.contains(type));
    }

    private void report(ClassNode owner, MethodNode method, String token, String message) {
        violations.add(new RuleCodeViolation(generated.ruleOf(owner, method), token, message));
    }

    private static boolean listed(Map<String, Set<String>> members, String type, String name) {
        Set<String> names = members.get(type);
        return names != null && names.contains(name);
    }

    private static boolean isStringConcatenation(InvokeDynamicInsnNode dynamic) {
        return dynamic.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory");
    }

    /** The int constant pushed right before an instruction, or -1 when the value is computed. */
    private static int constantBefore(AbstractInsnNode instruction) {
        AbstractInsnNode previous = instruction.getPrevious();
        if (previous == null) {
            return -1;
        }
        int opcode = previous.getOpcode();
        if (opcode >= Opcodes.ICONST_0 && opcode <= Opcodes.ICONST_5) {
            return opcode - Opcodes.ICONST_0;
        }
        if (previous instanceof IntInsnNode push && (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH)) {
            return push.operand;
        }
        return -1;
    }

    private static String elementType(String descriptorOrName) {
        if (!descriptorOrName.startsWith("[")) {
            return descriptorOrName;
        }
        Type element = Type.getType(descriptorOrName).getElementType();
        return element.getSort() == Type.OBJECT ? element.getInternalName() : element.getDescriptor();
    }

    private static String simpleName(String internalName) {
        String name = internalName.substring(internalName.lastIndexOf('/') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }
}
