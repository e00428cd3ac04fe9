package dev.pathwise.engine.policy;

/**
 * One rule that fired during an evaluation, for the trace of a path update.
 *
 * @param rule  the rule's name
 * @param phase the ruleflow group it belongs to (mastery-classify, pacing, choice-decide, ...)
 */
public record RuleFiring(String rule, String phase) {}
