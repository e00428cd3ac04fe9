package dev.pathwise.api.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The standards-based mastery chart: a column per competency, a row per learner, a summary per competency.
 *
 * @param scope     "district", "school north-middle", "learners [...]" — who is in the chart
 * @param standards the columns, in framework order
 * @param learners  the rows: each learner's level per competency id
 * @param summary   per competency: how many learners are at each level, and the share mastered (every learner
 *                  that passes the filters, not only this page)
 * @param total     learners that pass the filters
 * @param offset    rows skipped before this page
 * @param limit     the page size asked for, {@code null} when every row is in the answer
 */
public record MasteryReport(
        String frameworkId,
        String frameworkName,
        String scope,
        Instant generatedAt,
        List<String> levels,
        List<Standard> standards,
        List<Row> learners,
        List<Summary> summary,
        int total,
        int offset,
        Integer limit) {

    /** A column: the competency, its statement, its parent and its CASE coding when imported from CASE. */
    public record Standard(String competencyId, String name, String parentId, String code, boolean leaf) {}

    public record Row(
            String learnerId, String schoolId, int grade, Map<String, String> levels, Map<String, Double> scores) {}

    public record Summary(
            String competencyId, int learners, Map<String, Integer> atLevel, int mastered, double percentMastered) {}
}
