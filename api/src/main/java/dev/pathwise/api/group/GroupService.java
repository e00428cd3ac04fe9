package dev.pathwise.api.group;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.LearnerScope;
import dev.pathwise.api.learner.LearnerSelection;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.api.policy.TenantPolicies;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.learner.CompetencyRecord;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.planner.PathwayEntry;
import dev.pathwise.engine.planner.PathwayStatus;
import dev.pathwise.engine.planner.Planner;
import dev.pathwise.engine.policy.BandParameters;
import dev.pathwise.engine.policy.CompiledPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Groups learners by a shared need on a competency: READY (every prerequisite mastered, no evidence yet) or
 * STRUGGLING (the policy's {@code struggleAfter} latest results all below its approaching threshold).
 */
@Service
public class GroupService {

    private final LearnerRepository learners;
    private final CurriculumCache curricula;
    private final TenantPolicies policies;

    private final LearnerScope scope;

    public GroupService(
            LearnerRepository learners, CurriculumCache curricula, TenantPolicies policies, LearnerScope scope) {
        this.scope = scope;
        this.learners = learners;
        this.curricula = curricula;
        this.policies = policies;
    }

    /** The activity suggested to a group. */
    public record SuggestedActivity(String id, String title, String kind, String modality) {}

    /** One suggested group. */
    public record GroupJson(
            String competencyId,
            String competencyName,
            String need,
            String gradeBand,
            List<String> learnerIds,
            boolean belowMinimumSize,
            SuggestedActivity suggestedActivity,
            String why) {}

    public record GroupsJson(String school, String classId, String competency, List<GroupJson> groups) {}

    private record Need(String competencyId, String need, String band) {}

    public GroupsJson groups(Caller caller, String school, String classId, String competency) {
        String tenantId = caller.tenantId();
        LearnerSelection selection = scope.selection(caller, school, classId, null);
        Curriculum curriculum = curricula.curriculum(tenantId);
        Framework framework = curriculum.framework();
        if (competency != null && !framework.contains(competency)) {
            throw ApiProblem.invalid(
                    "competency",
                    competency,
                    "competency: '" + competency + "' is not in framework '" + framework.id() + "'");
        }
        CompiledPolicy policy = policies.active(tenantId);
        Map<Need, List<String>> byNeed = new TreeMap<>(Comparator.comparing(Need::competencyId)
                .thenComparing(Need::need)
                .thenComparing(Need::band));
        Map<String, BandParameters> parametersByBand = new TreeMap<>();
        for (StoredLearner stored : learners.matching(tenantId, selection)) {
            LearnerSnapshot learner = stored.snapshot();
            BandParameters parameters = policy.resolve(
                            learner.profile().gradeBand(), learner.profile().schoolId())
                    .parameters();
            String band = learner.profile().gradeBand().label();
            parametersByBand.putIfAbsent(band, parameters);
            for (PathwayEntry entry : Planner.pathway(framework, learner)) {
                String id = entry.competencyId();
                if (!framework.isLeaf(id) || (competency != null && !competency.equals(id))) {
                    continue;
                }
                String need = entry.status() == PathwayStatus.READY
                        ? "READY"
                        : entry.status() == PathwayStatus.IN_PROGRESS && struggling(learner.record(id), parameters)
                                ? "STRUGGLING"
                                : null;
                if (need != null) {
                    byNeed.computeIfAbsent(new Need(id, need, band), k -> new ArrayList<>())
                            .add(learner.learnerId());
                }
            }
        }
        List<GroupJson> groups = new ArrayList<>();
        byNeed.forEach((need, ids) -> {
            BandParameters parameters = parametersByBand.get(need.band());
            int min = parameters.getGroupSizeMin();
            int max = Math.max(min, parameters.getGroupSizeMax());
            int count = (ids.size() + max - 1) / max;
            int from = 0;
            for (int g = 0; g < count; g++) {
                int size = ids.size() / count + (g < ids.size() % count ? 1 : 0);
                List<String> members = List.copyOf(ids.subList(from, from + size));
                from += size;
                groups.add(new GroupJson(
                        need.competencyId(),
                        framework.get(need.competencyId()).name(),
                        need.need(),
                        need.band(),
                        members,
                        members.size() < min,
                        suggestion(curriculum, need.competencyId()),
                        members.size() + " learner(s) in grade band " + need.band() + " are "
                                + need.need().toLowerCase(java.util.Locale.ROOT) + " on '" + need.competencyId()
                                + "'; the policy groups " + min + " to " + max + " learners"));
            }
        });
        return new GroupsJson(selection.schoolId(), selection.classId(), competency, groups);
    }

    private static boolean struggling(CompetencyRecord record, BandParameters parameters) {
        int window = parameters.getStruggleAfter();
        double[] scores = record.scores();
        if (window <= 0 || scores.length < window || record.state().level().isMastered()) {
            return false;
        }
        for (int i = scores.length - window; i < scores.length; i++) {
            if (scores[i] >= parameters.getApproachingThreshold()) {
                return false;
            }
        }
        return true;
    }

    private static SuggestedActivity suggestion(Curriculum curriculum, String competencyId) {
        List<Activity> activities = curriculum.activitiesFor(competencyId);
        Activity chosen = activities.stream()
                .filter(a -> a.kind() == ActivityKind.MINI_LESSON)
                .findFirst()
                .orElse(activities.stream()
                        .filter(a -> a.grouping() == Grouping.SMALL_GROUP)
                        .findFirst()
                        .orElse(null));
        return chosen == null
                ? null
                : new SuggestedActivity(
                        chosen.id(),
                        chosen.title(),
                        chosen.kind().name(),
                        chosen.modality().name());
    }
}
