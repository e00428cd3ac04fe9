/**
 * Reports out: the standards-based mastery chart of a class, a school or the district (JSON and CSV; the JSON paged,
 * sorted and filtered by {@link dev.pathwise.api.report.ChartQuery}), and a learner's pathway shaped for a
 * student-facing page. Read-only views over learners' stored state.
 */
package dev.pathwise.api.report;
