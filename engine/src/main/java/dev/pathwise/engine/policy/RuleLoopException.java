package dev.pathwise.engine.policy;

import java.util.List;

/** Rules fired more often than the configured limit in one evaluation: most likely a loop between rules. */
public final class RuleLoopException extends RulesStoppedException {

    private final int limit;
    private final List<String> rules;

    public RuleLoopException(int limit, List<String> rules) {
        super("Rules fired more than " + limit + " times in one evaluation, most likely a loop between "
                + String.join(", ", rules.stream().map(r -> "\"" + r + "\"").toList())
                + ". Check that these rules do not keep re-activating each other (modify/insert of the facts they "
                + "match); the learner's state is left unchanged.");
        this.limit = limit;
        this.rules = List.copyOf(rules);
    }

    public int limit() {
        return limit;
    }

    /** The rules most likely looping in the cut-off evaluation: those that updated facts first, then the most fired. */
    @Override
    public List<String> rules() {
        return rules;
    }

    @Override
    public String problemType() {
        return "rule-loop";
    }
}
