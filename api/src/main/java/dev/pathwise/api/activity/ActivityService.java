package dev.pathwise.api.activity;

import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.Curriculum;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds, replaces and retires activities, checking each aligns to competencies of the tenant's frameworks. A retired
 * activity keeps its evidence; it is no longer offered as a next step nor mapped from xAPI statements.
 */
@Service
public class ActivityService {

    private final ActivityRepository activities;
    private final CurriculumCache curricula;
    private final Clock clock;

    public ActivityService(ActivityRepository activities, CurriculumCache curricula, Clock clock) {
        this.activities = activities;
        this.curricula = curricula;
        this.clock = clock;
    }

    @Transactional
    public List<ActivityJson> save(String tenantId, List<ActivityJson> requests) {
        InputLimits.list("activities", requests, InputLimits.ACTIVITIES_PER_REQUEST);
        List<Activity> checked = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            checked.add(check("activities[" + i + "]", requests.get(i)));
        }
        Curriculum current = curricula.curriculum(tenantId);
        Map<String, Activity> merged = new LinkedHashMap<>();
        current.activities().forEach(a -> merged.put(a.id(), a));
        checked.forEach(a -> merged.put(a.id(), a));
        try {
            Curriculum.of(current.frameworks(), new ArrayList<>(merged.values()));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("competencyIds", null, e.getMessage());
        }
        List<ActivityJson> saved = new ArrayList<>(requests.size());
        for (int i = 0; i < checked.size(); i++) {
            ActivityJson stored =
                    ActivityJson.of(checked.get(i)).stored(iri(requests.get(i).iri()), null);
            activities.save(tenantId, stored, clock.instant());
            saved.add(stored);
        }
        curricula.invalidateAfterCommit(tenantId);
        return saved;
    }

    /** Replaces one activity; the id in the body, when given, must be the id in the path. */
    @Transactional
    public ActivityJson update(String tenantId, String activityId, ActivityJson request) {
        InputLimits.id("activityId", activityId);
        if (request == null) {
            throw ApiProblem.invalid("body", null, "body: send the activity as a JSON object");
        }
        if (request.id() != null && !request.id().equals(activityId)) {
            throw ApiProblem.invalid(
                    "id",
                    request.id(),
                    "id: '" + request.id() + "' is not the activity '"
                            + activityId + "' of the path; an activity keeps its id (create a new one with POST"
                            + " /v1/activities)");
        }
        require(tenantId, activityId);
        ActivityJson withId = new ActivityJson(
                activityId,
                request.title(),
                request.competencyIds(),
                request.kind(),
                request.modality(),
                request.grouping(),
                request.online(),
                request.estimatedMinutes(),
                request.tags(),
                request.iri(),
                null);
        return save(tenantId, List.of(withId)).get(0);
    }

    /** Retires the activity: it is no longer offered or mapped; its evidence stays. Retiring twice changes nothing. */
    @Transactional
    public ActivityJson retire(String tenantId, String activityId) {
        InputLimits.id("activityId", activityId);
        ActivityRepository.StoredActivity stored = require(tenantId, activityId);
        if (stored.retiredAt() != null) {
            return stored.activity();
        }
        activities.retire(tenantId, activityId, clock.instant());
        curricula.invalidateAfterCommit(tenantId);
        return activities.find(tenantId, activityId).orElseThrow().activity();
    }

    /** The offered activities (or all, retired ones too), optionally only those of one competency. */
    public List<ActivityJson> list(String tenantId, String competencyId, boolean withRetired) {
        Curriculum curriculum = curricula.curriculum(tenantId);
        if (competencyId != null
                && !competencyId.isBlank()
                && !curriculum.framework().contains(competencyId)) {
            throw ApiProblem.invalid(
                    "competency",
                    competencyId,
                    "competency: '" + competencyId
                            + "' is in none of this tenant's frameworks."
                            + dev.pathwise.engine.spelling.Suggestions.idHint(
                                    competencyId,
                                    curriculum.framework().competencies().stream()
                                            .map(c -> c.id())
                                            .toList()));
        }
        return activities.all(tenantId, withRetired).stream()
                .map(ActivityRepository.StoredActivity::activity)
                .filter(a -> competencyId == null
                        || competencyId.isBlank()
                        || a.competencyIds().contains(competencyId))
                .toList();
    }

    private ActivityRepository.StoredActivity require(String tenantId, String activityId) {
        return activities
                .find(tenantId, activityId)
                .orElseThrow(() -> ApiProblem.notFound(
                        "activityId",
                        activityId,
                        "activity '" + activityId + "' does not exist."
                                + dev.pathwise.engine.spelling.Suggestions.idHint(
                                        activityId,
                                        activities.all(tenantId, true).stream()
                                                .map(a -> a.activity().id())
                                                .toList())));
    }

    private static Activity check(String at, ActivityJson request) {
        if (request == null) {
            throw ApiProblem.invalid(at, null, at + ": is null; send an activity object");
        }
        InputLimits.id(at + ".id", request.id());
        InputLimits.text(at + ".title", request.title(), InputLimits.NAME);
        InputLimits.ids(at + ".competencyIds", request.competencyIds());
        InputLimits.texts(at + ".tags", request.tags(), InputLimits.ID);
        InputLimits.text(at + ".iri", request.iri(), 1_000);
        if (request.iri() != null && !request.iri().isBlank()) {
            String wrong = dev.pathwise.api.interop.Iris.problem(request.iri().strip());
            if (wrong != null) {
                throw ApiProblem.invalid(at + ".iri", request.iri(), at + ".iri: " + wrong);
            }
        }
        try {
            return request.toDomain();
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            ApiProblem problem = Problems.fromEngine(new IllegalArgumentException(message), "activities", null);
            throw ApiProblem.invalid(at + "." + problem.field(), request.id(), message);
        }
    }

    private static String iri(String iri) {
        return iri == null || iri.isBlank() ? null : iri.strip();
    }
}
