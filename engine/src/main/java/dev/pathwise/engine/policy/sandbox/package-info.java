/**
 * The rule sandbox: what a rule file may declare (checked on the parsed file), what its compiled code may reach (an
 * allow-list checked on the bytecode Drools generates, before it is loaded), and how much CPU time and memory one
 * evaluation's rules may take (a watchdog that halts, then stops, rules past the limits).
 */
package dev.pathwise.engine.policy.sandbox;
