/**
 * Scenario tests a curriculum team writes in YAML without programming: a learner profile, mastery states and
 * evidence given, evidence sent, and the levels, flags and next steps expected. The runner plays each scenario
 * through a compiled policy and reports, for each failure, the first difference.
 */
package dev.pathwise.engine.scenario;
