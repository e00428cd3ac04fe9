/**
 * Mastery methods: pure functions from a learner's scores on one competency (oldest first, each in [0, 1])
 * to a mastery value, such as the decaying average, n-of-m or Bayesian Knowledge Tracing, looked up by name
 * with their parameters through {@link dev.pathwise.engine.mastery.MasteryMethods}.
 * A {@link dev.pathwise.engine.mastery.Rollup} decides a parent competency from how many of its children are mastered.
 */
package dev.pathwise.engine.mastery;
