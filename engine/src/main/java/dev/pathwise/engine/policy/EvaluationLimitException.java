package dev.pathwise.engine.policy;

import java.util.List;

/**
 * An evaluation's rules used more CPU time or allocated more memory than one evaluation may
 * ({@link dev.pathwise.engine.policy.sandbox.EvaluationLimits}), and were stopped.
 */
public final class EvaluationLimitException extends RulesStoppedException {

    /** Which limit was passed. */
    public enum Limit {
        CPU("CPU time"),
        MEMORY("memory");

        private final String label;

        Limit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Limit limit;
    private final String rule;

    public EvaluationLimitException(Limit limit, String rule, String detail) {
        super("The rules were stopped: " + (rule == null ? "an evaluation" : "rule \"" + rule + "\"") + " used "
                + detail + ". A rule that repeats without end or builds ever larger values cannot finish; check "
                + (rule == null ? "the rules that match many facts at once" : "this rule")
                + ". The learner's state is left unchanged.");
        this.limit = limit;
        this.rule = rule;
    }

    public Limit limit() {
        return limit;
    }

    @Override
    public List<String> rules() {
        return rule == null ? List.of() : List.of(rule);
    }

    @Override
    public String problemType() {
        return "rule-limit";
    }
}
