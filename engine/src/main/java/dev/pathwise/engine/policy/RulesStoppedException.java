package dev.pathwise.engine.policy;

import java.util.List;

/**
 * An evaluation whose rules were stopped before they finished: they fired without end ({@link RuleLoopException})
 * or went past the CPU or allocation limit of one evaluation ({@link EvaluationLimitException}). Nothing the
 * evaluation decided is kept: the learner's state stays as it was, and the evidence that triggered it stays stored.
 */
public abstract sealed class RulesStoppedException extends RuntimeException
        permits RuleLoopException, EvaluationLimitException {

    protected RulesStoppedException(String message) {
        super(message, null, false, false);
    }

    /** The rules most likely responsible, most likely first; empty when no rule can be named. */
    public abstract List<String> rules();

    /** The problem type this is reported as: {@code rule-loop} or {@code rule-limit}. */
    public abstract String problemType();
}
