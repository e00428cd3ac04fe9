/**
 * The default policy pack written out in plain Java, with no Drools: the baseline the benchmarks divide the
 * Drools figures by, and the reference the differential test holds the rules to. It plugs into the evaluator as a
 * {@link dev.pathwise.engine.policy.RuleRun}, so everything around the rules is the same code on both sides.
 */
package dev.pathwise.benchmarks.baseline;
