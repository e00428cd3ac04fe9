/**
 * The planner: the ready-to-learn fringe (not mastered, every prerequisite mastered), the pathway status of every
 * competency, and the ranking of candidate activities that the choice rules then trim.
 */
package dev.pathwise.engine.planner;
