package dev.pathwise.engine.policy;

/**
 * The rule Drools is firing on this thread, set by the rule session just before each firing and cleared after it.
 * Explanations that rules give ({@code decisions.struggling(...)}, {@code LevelProposal.of(...)}) are signed with it, so
 * no rule has to pass {@code kcontext} for the engine to know which rule decided. Rules cannot reach this class: the
 * rule sandbox allows them the fact model only.
 */
public final class FiringRule {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private FiringRule() {}

    /** The name of the rule firing on this thread. */
    public static String current() {
        String rule = CURRENT.get();
        if (rule == null) {
            throw new IllegalStateException("No rule is firing on this thread: a rule's explanation is given from"
                    + " the right-hand side of a rule, while it fires");
        }
        return rule;
    }

    /** Sets the rule about to fire on this thread, or clears it ({@code null}) once it has fired. */
    public static void set(String rule) {
        CURRENT.set(rule);
    }
}
