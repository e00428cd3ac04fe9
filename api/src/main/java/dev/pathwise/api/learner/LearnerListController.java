package dev.pathwise.api.learner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/learners}: the learners the caller may read, a page at a time (a teacher: those of their classes), and
 * many learners created or updated at once.
 */
@RestController
@RequestMapping("/v1/learners")
public class LearnerListController {

    private final LearnerDirectory directory;
    private final LearnerBatch batch;

    public LearnerListController(LearnerDirectory directory, LearnerBatch batch) {
        this.directory = directory;
        this.batch = batch;
    }

    @Operation(
            operationId = "listLearners",
            summary = "List learners",
            description = "A page at a time; a teacher sees the learners of their classes.")
    @GetMapping
    @RequiresRole({Role.PLATFORM, Role.TEACHER})
    public LearnerDirectory.Page list(
            Caller caller,
            @RequestParam(required = false) String school,
            @RequestParam(name = "class", required = false) String classId,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "100") int limit) {
        return directory.page(caller, school, classId, after, limit);
    }

    @Operation(operationId = "putLearners", summary = "Create or update learners in a batch")
    @PostMapping("/batch")
    @RequiresRole(Role.PLATFORM)
    public LearnerBatch.Result batch(Caller caller, @RequestBody JsonNode body) {
        return batch.put(caller.tenantId(), body);
    }
}
