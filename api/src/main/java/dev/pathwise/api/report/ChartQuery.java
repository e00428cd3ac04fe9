package dev.pathwise.api.report;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.spelling.Suggestions;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which rows of the mastery chart to answer with, in which order: the filters that narrow the learners (grade band,
 * a search in learner ids), the sort (learner, grade, school or a competency's level) and one page of the rows.
 * The chart's summary counts every row that passes the filters, not only the page.
 *
 * @param gradeBand only learners of this band ({@code 6-8}), or {@code null}
 * @param search    only learners whose id contains this text (case-insensitive), or {@code null}
 * @param sort      {@code learner}, {@code grade}, {@code school} or a competency id
 * @param order     {@code asc} or {@code desc}
 * @param offset    rows to skip
 * @param limit     rows to answer with, {@code null} for all
 */
public record ChartQuery(
        GradeBand gradeBand, String search, String sort, boolean descending, int offset, Integer limit) {

    /** The most rows one page holds. */
    public static final int MAX_LIMIT = 1000;

    private static final List<String> FIELDS = List.of("learner", "grade", "school");

    /** Every row, by learner id: what the chart answered before paging existed. */
    public static ChartQuery all() {
        return new ChartQuery(null, null, "learner", false, 0, null);
    }

    /** Reads the query parameters, refusing each bad one with its name and value. */
    public static ChartQuery of(
            String gradeBand, String search, String sort, String order, Integer offset, Integer limit) {
        GradeBand band = null;
        if (gradeBand != null && !gradeBand.isBlank()) {
            try {
                band = GradeBand.parse(gradeBand.strip());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalid("gradeBand", gradeBand, "gradeBand: " + e.getMessage());
            }
        }
        String direction =
                order == null || order.isBlank() ? "asc" : order.strip().toLowerCase(Locale.ROOT);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ApiProblem.invalid("order", order, "order: '" + order + "' is not an order; use asc or desc");
        }
        if (offset != null && offset < 0) {
            throw ApiProblem.invalid("offset", offset, "offset: " + offset + " must be 0 or more");
        }
        if (limit != null && (limit < 0 || limit > MAX_LIMIT)) {
            throw ApiProblem.invalid(
                    "limit",
                    limit,
                    "limit: " + limit + " must be between 0 and " + MAX_LIMIT
                            + "; page through larger charts with offset");
        }
        String text = search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
        if (text != null && text.length() > 100) {
            throw ApiProblem.invalid("q", null, "q: " + text.length() + " characters; search with at most 100");
        }
        return new ChartQuery(
                band,
                text,
                sort == null || sort.isBlank() ? "learner" : sort.strip(),
                direction.equals("desc"),
                offset == null ? 0 : offset,
                limit);
    }

    boolean keeps(MasteryReport.Row row) {
        return (gradeBand == null || GradeBand.ofGrade(row.grade()) == gradeBand)
                && (search == null || row.learnerId().toLowerCase(Locale.ROOT).contains(search));
    }

    /** The order of the rows; 400 when the sort names neither a field nor a competency of the framework. */
    Comparator<MasteryReport.Row> comparator(Framework framework) {
        Comparator<MasteryReport.Row> byLearner = Comparator.comparing(MasteryReport.Row::learnerId);
        Comparator<MasteryReport.Row> primary = switch (sort) {
            case "learner" -> byLearner;
            case "grade" -> Comparator.comparingInt(MasteryReport.Row::grade);
            case "school" -> Comparator.comparing(MasteryReport.Row::schoolId);
            default -> {
                if (!framework.contains(sort)) {
                    throw ApiProblem.invalid(
                            "sort",
                            sort,
                            "sort: '" + sort + "' is neither " + FIELDS
                                    + " nor a competency of framework '" + framework.id() + "'."
                                    + Suggestions.idHint(
                                            sort,
                                            framework.competencies().stream()
                                                    .map(c -> c.id())
                                                    .toList()));
                }
                String competency = sort;
                yield Comparator.<MasteryReport.Row>comparingInt(r ->
                                MasteryLevel.valueOf(r.levels().get(competency)).value())
                        .thenComparingDouble(r -> r.scores().get(competency));
            }
        };
        Comparator<MasteryReport.Row> ordered = descending ? primary.reversed() : primary;
        return primary == byLearner ? ordered : ordered.thenComparing(byLearner);
    }

    <T> List<T> page(List<T> rows) {
        int from = Math.min(offset, rows.size());
        int to = limit == null ? rows.size() : Math.min(rows.size(), from + limit);
        return rows.subList(from, to);
    }
}
