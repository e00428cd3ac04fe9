package dev.pathwise.engine.policy;

import java.util.List;

/**
 * One evaluation's use of a policy's rules: facts go in, phases (ruleflow groups) fire in order, decisions come out
 * through the {@code decisions} global. A Drools {@link RuleSession} is the implementation; a plain-Java
 * implementation of the same rules serves as a baseline for benchmarks and differential tests.
 * Used by one thread; {@link #close()} forgets every fact.
 */
public interface RuleRun extends AutoCloseable {

    void setGlobal(String name, Object value);

    void insert(Object fact);

    /** Whether any rule can match a fact of this class; the evaluator leaves out the facts no rule reads. */
    boolean matches(Class<?> factType);

    /**
     * Fires the given phases in order, at most {@code limit} rule firings in all.
     *
     * @throws RuleLoopException when the limit is reached
     */
    void fire(int limit, String... phases);

    /** The rules fired so far, in order. */
    List<RuleFiring> firings();

    @Override
    void close();
}
