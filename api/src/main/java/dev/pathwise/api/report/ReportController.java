package dev.pathwise.api.report;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/reports}: the mastery chart of a class ({@code class=...}, or any group as {@code learners=a,b,c}), a
 * school ({@code school=...}) or the district, optionally of one grade, as JSON or CSV, among the learners the
 * caller may read; a learner's pathway for a student-facing page.
 */
@RestController
@RequestMapping("/v1/reports")
@RequiresRole({Role.TEACHER, Role.PLATFORM, Role.CURRICULUM})
public class ReportController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ReportService reports;

    public ReportController(ReportService reports) {
        this.reports = reports;
    }

    /**
     * The chart as JSON. Without {@code limit} every row comes back; with it, one page ({@code offset}, {@code limit}
     * up to 1000) of the rows sorted by {@code sort} (learner, grade, school or a competency id) in {@code order},
     * after the filters {@code gradeBand} and {@code q} (text in the learner id). {@code total} counts the filtered
     * rows, and so does the summary.
     */
    @Operation(
            operationId = "getMasteryReport",
            summary = "Mastery report",
            description =
                    "Learners by competency and level, for a school, class, grade or list of learners; a page at a time with sort and filters.")
    @GetMapping("/mastery")
    public MasteryReport mastery(
            Caller caller,
            @RequestParam(name = "school", required = false) String school,
            @RequestParam(name = "class", required = false) String classId,
            @RequestParam(name = "grade", required = false) Integer grade,
            @RequestParam(name = "learners", required = false) String learners,
            @RequestParam(name = "gradeBand", required = false) String gradeBand,
            @RequestParam(name = "q", required = false) String search,
            @RequestParam(name = "sort", required = false) String sort,
            @RequestParam(name = "order", required = false) String order,
            @RequestParam(name = "offset", required = false) Integer offset,
            @RequestParam(name = "limit", required = false) Integer limit) {
        return reports.mastery(
                caller,
                school,
                classId,
                grade,
                split(learners),
                ChartQuery.of(gradeBand, search, sort, order, offset, limit));
    }

    @Operation(operationId = "getMasteryReportCsv", summary = "Mastery report as CSV")
    @GetMapping("/mastery.csv")
    public ResponseEntity<String> masteryCsv(
            Caller caller,
            @RequestParam(name = "school", required = false) String school,
            @RequestParam(name = "class", required = false) String classId,
            @RequestParam(name = "grade", required = false) Integer grade,
            @RequestParam(name = "learners", required = false) String learners) {
        MasteryReport report = reports.mastery(caller, school, classId, grade, split(learners));
        String scope = classId != null && !classId.isBlank()
                ? "class-" + classId
                : school == null || school.isBlank() ? "district" : school;
        String name = "mastery-" + scope + (grade == null ? "" : "-grade-" + grade) + ".csv";
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._:@~-]", "_") + "\"")
                .body(reports.masteryCsv(report));
    }

    @Operation(operationId = "getStudentPathway", summary = "A learner's pathway report")
    @GetMapping("/learners/{id}/pathway")
    public StudentPathway pathway(Caller caller, @PathVariable String id) {
        return reports.pathway(caller.tenantId(), id);
    }

    private static List<String> split(String learners) {
        if (learners == null || learners.isBlank()) {
            return List.of();
        }
        return Arrays.stream(learners.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
