/**
 * Policies, the part of the engine its users call: a {@link dev.pathwise.engine.policy.PolicySource} of versioned rule
 * files and parameters in layers (district, grade band, school) is compiled by the
 * {@link dev.pathwise.engine.policy.PolicyRuntime}, cached by version and swapped atomically. Compile problems come
 * back as (file, line, column, message); rules stopped in an evaluation as a
 * {@link dev.pathwise.engine.policy.RulesStoppedException}. The sub-packages are the implementation and free to change.
 */
package dev.pathwise.engine.policy;
