package dev.pathwise.api.activity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.Curriculum;

/** Adds or replaces activities, checking each aligns to competencies of the tenant's framework. */
@Service
public class ActivityService {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final CurriculumCache curricula;
    private final Clock clock;

    public ActivityService(JdbcClient jdbc, ObjectMapper json, CurriculumCache curricula, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.curricula = curricula;
        this.clock = clock;
    }

    @Transactional
    public List<Activity> save(String tenantId, List<ActivityJson> requests) {
        InputLimits.list("activities", requests, InputLimits.ACTIVITIES_PER_REQUEST);
        List<Activity> activities = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            ActivityJson request = requests.get(i);
            if (request == null) {
                throw ApiProblem.invalid("activities[" + i + "]", null, "activities[" + i + "]: is null; send an"
                        + " activity object");
            }
            String at = "activities[" + i + "].";
            InputLimits.id(at + "id", request.id());
            InputLimits.text(at + "title", request.title(), InputLimits.NAME);
            InputLimits.ids(at + "competencyIds", request.competencyIds());
            InputLimits.texts(at + "tags", request.tags(), InputLimits.ID);
            try {
                activities.add(requests.get(i).toDomain());
            } catch (IllegalArgumentException | NullPointerException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                ApiProblem problem = Problems.fromEngine(new IllegalArgumentException(message), "activities", null);
                throw ApiProblem.invalid("activities[" + i + "]." + problem.field(), requests.get(i).id(), message);
            }
        }
        Curriculum current = curricula.curriculum(tenantId);
        Map<String, Activity> merged = new LinkedHashMap<>();
        current.activities().forEach(a -> merged.put(a.id(), a));
        activities.forEach(a -> merged.put(a.id(), a));
        try {
            Curriculum.of(current.framework(), new ArrayList<>(merged.values()));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("competencyIds", null, e.getMessage());
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (int i = 0; i < activities.size(); i++) {
            Activity activity = activities.get(i);
            String iri = requests.get(i).iri() == null || requests.get(i).iri().isBlank() ? null
                    : requests.get(i).iri().strip();
            String body = write(ActivityJson.of(activity));
            int updated = jdbc.sql("update activities set body = :b, iri = :iri, updated_at = :at where tenant_id = :t"
                            + " and activity_id = :a")
                    .param("b", body).param("iri", iri).param("at", now).param("t", tenantId)
                    .param("a", activity.id()).update();
            if (updated == 0) {
                jdbc.sql("insert into activities (tenant_id, activity_id, body, iri, updated_at)"
                                + " values (:t, :a, :b, :iri, :at)")
                        .param("t", tenantId).param("a", activity.id()).param("b", body).param("iri", iri)
                        .param("at", now).update();
            }
        }
        curricula.invalidateAfterCommit(tenantId);
        return activities;
    }

    public List<Activity> list(String tenantId, String competencyId) {
        Curriculum curriculum = curricula.curriculum(tenantId);
        if (competencyId == null || competencyId.isBlank()) {
            return curriculum.activities();
        }
        if (!curriculum.framework().contains(competencyId)) {
            throw ApiProblem.invalid("competency", competencyId, "competency: '" + competencyId
                    + "' is not in framework '" + curriculum.framework().id() + "'");
        }
        return curriculum.activitiesFor(competencyId);
    }

    private String write(ActivityJson activity) {
        try {
            return json.writeValueAsString(activity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write activity as JSON", e);
        }
    }
}
