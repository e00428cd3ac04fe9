package dev.pathwise.engine.policy.sandbox;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.objectweb.asm.Type;

/**
 * Members as a curriculum lead reads them ({@code java.lang.System.exit(int)}), and the reason rules may not use
 * them with what to do instead.
 */
final class MemberNames {

    private record Hint(List<String> prefixes, String text) {}

    private static final List<Hint> HINTS = List.of(
            new Hint(
                    List.of(
                            "java/lang/System",
                            "java/lang/Runtime",
                            "java/lang/ProcessBuilder",
                            "java/lang/ProcessHandle",
                            "java/lang/Shutdown"),
                    "Rules do not touch the JVM: no printing, clock, properties, environment, processes or exit; "
                            + "report through 'decisions' and receive values as facts."),
            new Hint(
                    List.of("java/time/Clock", "java/util/Date", "java/util/Calendar", "java/sql/Timestamp"),
                    "Rules must not read a clock: time comes in as a fact (Pace, GoalPace), so that a replay gives "
                            + "the same result."),
            new Hint(
                    List.of(
                            "java/util/Random",
                            "java/security/SecureRandom",
                            "java/util/concurrent/ThreadLocalRandom",
                            "java/util/UUID"),
                    "Rules must not use randomness: the same evidence must give the same result on replay."),
            new Hint(
                    List.of(
                            "java/lang/Thread",
                            "java/lang/ThreadGroup",
                            "java/lang/ThreadLocal",
                            "java/lang/InheritableThreadLocal",
                            "java/util/concurrent/",
                            "java/util/Timer"),
                    "Rules run on the evaluating thread only: they start no threads, keep no thread state and take "
                            + "no locks."),
            new Hint(
                    List.of(
                            "java/lang/Class",
                            "java/lang/ClassLoader",
                            "java/lang/reflect/",
                            "java/lang/invoke/",
                            "java/lang/Module",
                            "sun/",
                            "jdk/"),
                    "Rules may not use reflection or load classes; use the getters of the fact model."),
            new Hint(
                    List.of(
                            "java/io/",
                            "java/nio/",
                            "java/net/",
                            "javax/naming/",
                            "java/sql/",
                            "javax/sql/",
                            "javax/script/",
                            "java/rmi/",
                            "javax/management/",
                            "java/util/logging/",
                            "java/util/zip/",
                            "java/util/jar/",
                            "java/util/prefs/",
                            "java/beans/"),
                    "Rules do no I/O (files, network, JNDI, databases, scripts, serialization); load what a rule "
                            + "needs into a fact or a parameter before the rules run."),
            new Hint(
                    List.of("org/drools/", "org/kie/", "org/mvel2/"),
                    "Rules may not reach into the rule engine; insert, insertLogical, update, modify, delete and "
                            + "'decisions' are enough."),
            new Hint(
                    List.of("dev/pathwise/"),
                    "Rules see the fact model (dev.pathwise.engine.facts), the 'decisions' global and the value "
                            + "types the facts expose, nothing else of the engine."));

    /** For a type outside the JDK that no hint names: one of the service's libraries. */
    private static final String LIBRARIES = "Rules see only the fact model, never the libraries of the service.";

    private static final String ALLOWED = "Rules may use the fact model, 'decisions', and of the JDK String, numbers, "
            + "Math, read-only collections and java.time values.";

    private MemberNames() {}

    static String method(String owner, String name, String descriptor) {
        String parameters = Arrays.stream(Type.getArgumentTypes(descriptor))
                .map(MemberNames::typeName)
                .collect(Collectors.joining(", "));
        String type = owner.replace('/', '.');
        return name.equals("<init>")
                ? "new " + type + "(" + parameters + ")"
                : type + "." + name + "(" + parameters + ")";
    }

    static String field(String owner, String name) {
        return owner.replace('/', '.') + "." + name;
    }

    /** Why a member of this type may not be used, and what rules use instead. */
    static String hint(String owner, String name) {
        if (name.equals("getClass") || name.equals("forName") || name.equals("getClassLoader")) {
            return "Rules may not use reflection or load classes; use the getters of the fact model.";
        }
        if (owner.startsWith("java/time/") && (name.equals("now") || name.startsWith("current"))) {
            return HINTS.get(1).text();
        }
        if (owner.equals("java/lang/Math") && name.equals("random")) {
            return HINTS.get(2).text();
        }
        for (Hint hint : HINTS) {
            for (String prefix : hint.prefixes()) {
                if (owner.startsWith(prefix)) {
                    return hint.text() + " " + ALLOWED;
                }
            }
        }
        return owner.startsWith("java/") ? ALLOWED : LIBRARIES + " " + ALLOWED;
    }

    private static String typeName(Type type) {
        String name = type.getClassName();
        return name.startsWith("java.lang.") && name.indexOf('.', 10) < 0 ? name.substring(10) : name;
    }
}
