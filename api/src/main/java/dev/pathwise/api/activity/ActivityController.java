package dev.pathwise.api.activity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.problem.ProblemAdvice;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/activities}: one activity or a list of them, one replaced or retired, the activities of a competency. */
@RestController
@RequestMapping("/v1/activities")
public class ActivityController {

    private final ActivityService activities;
    private final ObjectMapper json;

    public ActivityController(ActivityService activities, ObjectMapper json) {
        this.activities = activities;
        this.json = json;
    }

    @Operation(operationId = "createActivities", summary = "Create one activity or a list of them")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresRole(Role.CURRICULUM)
    public List<ActivityJson> create(Caller caller, @RequestBody JsonNode body) {
        List<ActivityJson> requests = body.isArray()
                ? java.util.Arrays.asList(read(body, ActivityJson[].class))
                : java.util.Collections.singletonList(read(body, ActivityJson.class));
        return activities.save(caller.tenantId(), requests);
    }

    /** Replaces one activity (its competencies, title, IRI...); a retired activity is offered again. */
    @Operation(
            operationId = "updateActivity",
            summary = "Replace one activity",
            description = "Its competencies, title, IRI...; a retired activity is offered again.")
    @PutMapping("/{id}")
    @RequiresRole(Role.CURRICULUM)
    public ActivityJson update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        return activities.update(caller.tenantId(), id, read(body, ActivityJson.class));
    }

    /** Retires the activity: no longer offered or mapped from xAPI; its evidence is kept. */
    @Operation(
            operationId = "retireActivity",
            summary = "Retire an activity",
            description = "No longer offered or mapped from xAPI; its evidence is kept.")
    @DeleteMapping("/{id}")
    @RequiresRole(Role.CURRICULUM)
    public ActivityJson retire(Caller caller, @PathVariable String id) {
        return activities.retire(caller.tenantId(), id);
    }

    @Operation(
            operationId = "listActivities",
            summary = "List activities",
            description = "All of the tenant's, or those of one competency.")
    @GetMapping
    @RequiresRole({Role.CURRICULUM, Role.PLATFORM, Role.TEACHER})
    public List<ActivityJson> list(
            Caller caller,
            @RequestParam(name = "competency", required = false) String competency,
            @RequestParam(name = "retired", defaultValue = "false") boolean retired) {
        return activities.list(caller.tenantId(), competency, retired);
    }

    /** The body read as {@code type}, unknown fields refused as in every request body; unreadable, a 400. */
    private <T> T read(JsonNode body, Class<T> type) {
        try {
            return json.reader()
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .treeToValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemAdvice.unreadableJson(e);
        }
    }
}
