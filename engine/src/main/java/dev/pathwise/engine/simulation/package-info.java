/**
 * What-if simulation of a policy change: stored evidence (an exported JSON or CSV file for now) is replayed for
 * every learner under the current and a candidate policy, and the learners whose levels, flags or next steps differ
 * are reported with counts per grade band and school and a sample of explained differences.
 */
package dev.pathwise.engine.simulation;
