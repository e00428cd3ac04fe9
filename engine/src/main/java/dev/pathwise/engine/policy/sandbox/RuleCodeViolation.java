package dev.pathwise.engine.policy.sandbox;

/**
 * One thing a policy's compiled rule code does that rules may not do.
 *
 * @param rule    the rule the code belongs to, or null when it cannot be traced to one
 * @param token   the word to look for in the rule's text to place the problem (a method, field or type name), or
 *                null when there is none
 * @param message what the code does and why rules may not, for example "calls java.lang.System.exit(int), which
 *                rules may not use: ..."
 */
public record RuleCodeViolation(String rule, String token, String message) {}
