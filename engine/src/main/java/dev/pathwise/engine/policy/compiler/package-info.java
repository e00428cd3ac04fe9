/**
 * How a policy is compiled: rule files (DRL, decision tables) parsed and checked, built with Drools' executable model,
 * the generated code checked by the sandbox, and every problem placed at the file, line and column the author wrote.
 * Implementation behind {@link dev.pathwise.engine.policy.PolicyRuntime}.
 */
package dev.pathwise.engine.policy.compiler;
