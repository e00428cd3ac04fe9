/**
 * Mastery methods: pure functions from a learner's scores on one competency (oldest first, each in [0, 1]) to a
 * mastery value, such as Canvas's weighted and decaying averages, n_mastery, the power law or Bayesian Knowledge
 * Tracing, looked up by name with their parameters through {@link dev.pathwise.engine.mastery.MasteryMethods}
 * (formulas and sources in {@code docs/mastery-methods.md}). Each method is a {@code Calculation}; its
 * {@code MethodDefinition} names it, checks its parameters and the scores.
 * A {@link dev.pathwise.engine.mastery.Rollup} decides a parent competency from how many of its children are mastered.
 */
package dev.pathwise.engine.mastery;
