package dev.pathwise.api.report;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.evidence.PathUpdateJson;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.LearnerScope;
import dev.pathwise.api.learner.LearnerSelection;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.api.policy.TenantPolicies;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.framework.Competency;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.learner.MasteryLevel;
import dev.pathwise.engine.planner.PathwayEntry;
import dev.pathwise.engine.planner.PathwayStatus;
import dev.pathwise.engine.planner.Planner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Builds the reports from learners' stored state; nothing is written. */
@Service
public class ReportService {

    private final LearnerRepository learners;
    private final CurriculumCache curricula;
    private final TenantPolicies policies;
    private final PathwayEvaluator evaluator;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final LearnerScope scope;

    public ReportService(
            LearnerRepository learners,
            CurriculumCache curricula,
            TenantPolicies policies,
            PathwayEvaluator evaluator,
            JdbcClient jdbc,
            Clock clock,
            LearnerScope scope) {
        this.scope = scope;
        this.learners = learners;
        this.curricula = curricula;
        this.policies = policies;
        this.evaluator = evaluator;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The chart for the learners of a school, a class (or the whole tenant), optionally of one grade, or for a group
     * given as learner ids; always among the learners the caller may read.
     */
    public MasteryReport mastery(Caller caller, String school, String classId, Integer grade, List<String> learnerIds) {
        return mastery(caller, school, classId, grade, learnerIds, ChartQuery.all());
    }

    /** The chart, its learners filtered, sorted and paged by the query; the summary counts every filtered row. */
    public MasteryReport mastery(
            Caller caller, String school, String classId, Integer grade, List<String> learnerIds, ChartQuery query) {
        String tenantId = caller.tenantId();
        LearnerSelection selection = this.scope.selection(caller, school, classId, grade);
        Framework framework = curricula.curriculum(tenantId).framework();
        List<StoredLearner> rows;
        String scope;
        if (learnerIds != null && !learnerIds.isEmpty()) {
            learnerIds.forEach(id -> this.scope.requireVisible(caller, id));
            rows = learnerIds.stream().map(id -> learners.require(tenantId, id)).toList();
            scope = "learners " + learnerIds;
        } else {
            rows = learners.matching(tenantId, selection);
            scope = selection.classId() != null
                    ? "class " + selection.classId()
                    : selection.schoolId() == null ? "district" : "school " + selection.schoolId();
        }
        if (grade != null) {
            int onlyGrade = grade;
            rows = rows.stream()
                    .filter(l -> l.snapshot().profile().grade() == onlyGrade)
                    .toList();
            scope += ", grade " + grade;
        }
        if (query.gradeBand() != null) {
            scope += ", grade band " + query.gradeBand().label();
        }
        java.util.Comparator<MasteryReport.Row> order = query.comparator(framework);
        Map<String, String> codes = codes(tenantId);
        List<MasteryReport.Standard> standards = framework.competencies().stream()
                .map(c -> new MasteryReport.Standard(
                        c.id(), c.name(), c.parentId(), codes.get(c.id()), framework.isLeaf(c.id())))
                .toList();
        List<MasteryReport.Row> table = new ArrayList<>(rows.size());
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        framework.competencies().forEach(c -> {
            Map<String, Integer> atLevel = new LinkedHashMap<>();
            Arrays.stream(MasteryLevel.values()).forEach(l -> atLevel.put(l.name(), 0));
            counts.put(c.id(), atLevel);
        });
        for (StoredLearner learner : rows) {
            LearnerSnapshot snapshot = learner.snapshot();
            Map<String, String> levels = new LinkedHashMap<>();
            Map<String, Double> scores = new LinkedHashMap<>();
            for (Competency c : framework.competencies()) {
                MasteryLevel level = snapshot.level(c.id());
                levels.put(c.id(), level.name());
                scores.put(c.id(), snapshot.state(c.id()).score());
            }
            MasteryReport.Row row = new MasteryReport.Row(
                    learner.learnerId(),
                    snapshot.profile().schoolId(),
                    snapshot.profile().grade(),
                    levels,
                    scores);
            if (!query.keeps(row)) {
                continue;
            }
            levels.forEach((id, level) -> counts.get(id).merge(level, 1, Integer::sum));
            table.add(row);
        }
        int learnerCount = table.size();
        table.sort(order);
        List<MasteryReport.Summary> summary = new ArrayList<>();
        counts.forEach((id, atLevel) -> {
            int mastered = atLevel.get(MasteryLevel.MASTERED.name()) + atLevel.get(MasteryLevel.EXCEEDING.name());
            double percent = learnerCount == 0 ? 0.0 : Math.round(1000.0 * mastered / learnerCount) / 10.0;
            summary.add(new MasteryReport.Summary(id, learnerCount, atLevel, mastered, percent));
        });
        return new MasteryReport(
                framework.id(),
                framework.name(),
                scope,
                clock.instant(),
                Arrays.stream(MasteryLevel.values()).map(Enum::name).toList(),
                standards,
                query.page(table),
                summary,
                learnerCount,
                query.offset(),
                query.limit());
    }

    /** The chart as CSV: learner_id, school_id, grade, then one column of levels per competency id. */
    public String masteryCsv(MasteryReport report) {
        StringBuilder csv = new StringBuilder("learner_id,school_id,grade");
        report.standards().forEach(s -> csv.append(',').append(cell(s.competencyId())));
        csv.append("\r\n");
        for (MasteryReport.Row row : report.learners()) {
            csv.append(cell(row.learnerId()))
                    .append(',')
                    .append(cell(row.schoolId()))
                    .append(',')
                    .append(row.grade());
            report.standards().forEach(s -> csv.append(',').append(row.levels().get(s.competencyId())));
            csv.append("\r\n");
        }
        return csv.toString();
    }

    public StudentPathway pathway(String tenantId, String learnerId) {
        StoredLearner learner = learners.require(tenantId, learnerId);
        Curriculum curriculum = curricula.curriculum(tenantId);
        Framework framework = curriculum.framework();
        LearnerSnapshot snapshot = learner.snapshot();
        Map<String, String> codes = codes(tenantId);
        Map<String, PathwayEntry> entries = new HashMap<>();
        Planner.pathway(framework, snapshot).forEach(e -> entries.put(e.competencyId(), e));
        List<String> leaves = framework.leaves();
        Map<PathwayStatus, Long> byStatus = leaves.stream()
                .collect(Collectors.groupingBy(id -> entries.get(id).status(), Collectors.counting()));
        int mastered = byStatus.getOrDefault(PathwayStatus.MASTERED, 0L).intValue();
        StudentPathway.Progress progress = new StudentPathway.Progress(
                leaves.size(),
                mastered,
                byStatus.getOrDefault(PathwayStatus.IN_PROGRESS, 0L).intValue(),
                byStatus.getOrDefault(PathwayStatus.READY, 0L).intValue(),
                byStatus.getOrDefault(PathwayStatus.LOCKED, 0L).intValue(),
                leaves.isEmpty() ? 0.0 : Math.round(1000.0 * mastered / leaves.size()) / 10.0);
        List<StudentPathway.GoalProgress> goals = snapshot.profile().goals().stream()
                .map(g -> new StudentPathway.GoalProgress(
                        g.id(),
                        g.description(),
                        g.targetDate(),
                        g.competencyIds().size(),
                        (int) g.competencyIds().stream()
                                .filter(id -> snapshot.level(id).isMastered())
                                .count()))
                .toList();
        PathUpdateJson next = PathUpdateJson.of(
                evaluator.nextSteps(policies.active(tenantId), curriculum, snapshot, clock.instant()));
        List<StudentPathway.Step> steps = next.nextSteps().stream()
                .map(s -> {
                    Activity activity = curriculum.activity(s.activityId()).orElse(null);
                    return new StudentPathway.Step(
                            s.rank(),
                            s.activityId(),
                            activity == null ? s.activityId() : activity.title(),
                            s.competencyId(),
                            name(framework, s.competencyId()),
                            s.kind(),
                            s.modality(),
                            activity == null ? null : activity.estimatedMinutes(),
                            s.required(),
                            s.reasons());
                })
                .toList();
        List<StudentPathway.Strand> strands = new ArrayList<>();
        for (Competency top : framework.competencies()) {
            if (top.parentId() != null) {
                continue;
            }
            List<String> ids = framework.isLeaf(top.id())
                    ? List.of(top.id())
                    : framework.descendants(top.id()).stream()
                            .filter(framework::isLeaf)
                            .toList();
            Set<String> inStrand = Set.copyOf(ids);
            List<StudentPathway.Item> items = framework.competencies().stream()
                    .map(Competency::id)
                    .filter(inStrand::contains)
                    .map(id -> item(framework, entries.get(id), codes))
                    .toList();
            PathwayEntry strand = entries.get(top.id());
            strands.add(new StudentPathway.Strand(
                    top.id(),
                    top.name(),
                    strand.status().name(),
                    strand.level().name(),
                    items.size(),
                    (int) items.stream()
                            .filter(i -> i.status().equals("MASTERED"))
                            .count(),
                    items));
        }
        return new StudentPathway(
                learnerId,
                snapshot.profile().grade(),
                snapshot.profile().gradeBand().label(),
                framework.id(),
                framework.name(),
                progress,
                goals,
                steps,
                strands);
    }

    private static StudentPathway.Item item(Framework framework, PathwayEntry entry, Map<String, String> codes) {
        List<String> first = entry.missingPrerequisites().stream()
                .map(id -> name(framework, id))
                .toList();
        String message = switch (entry.status()) {
            case MASTERED -> "You have mastered this.";
            case IN_PROGRESS -> "You are working on this: " + entry.level().label() + " so far.";
            case READY -> "Ready for you to start.";
            case LOCKED -> "Opens once you master: " + String.join("; ", first) + ".";
        };
        String id = entry.competencyId();
        return new StudentPathway.Item(
                id,
                codes.get(id),
                name(framework, id),
                entry.status().name(),
                entry.level().name(),
                entry.level().label(),
                message,
                first);
    }

    private static String name(Framework framework, String id) {
        return framework.find(id).map(Competency::name).orElse(id);
    }

    /** The CASE humanCodingScheme of each competency imported from CASE. */
    private Map<String, String> codes(String tenantId) {
        Map<String, String> codes = new HashMap<>();
        jdbc.sql("select competency_id, human_coding_scheme from case_items where tenant_id = :t and in_framework ="
                        + " true and human_coding_scheme is not null")
                .param("t", tenantId)
                .query(rs -> {
                    codes.put(rs.getString(1), rs.getString(2));
                });
        return codes;
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
