package dev.pathwise.api.flag;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/flags}: the flag queue of a school, a class or the district, optionally one grade band or kind, among
 * the learners the caller may read (a teacher: those of their classes).
 */
@RestController
@RequestMapping("/v1/flags")
@RequiresRole(Role.TEACHER)
public class FlagController {

    private final FlagQueue queue;

    public FlagController(FlagQueue queue) {
        this.queue = queue;
    }

    /** {@code limit} flags (1 to 500, default 100) from {@code offset}, most urgent first. */
    @Operation(
            operationId = "listFlags",
            summary = "The flag queue",
            description = "Most urgent first: behind pace, struggling, stalled, with a suggested support.")
    @GetMapping
    public FlagQueue.QueueJson flags(
            Caller caller,
            @RequestParam(name = "school", required = false) String school,
            @RequestParam(name = "class", required = false) String classId,
            @RequestParam(name = "gradeBand", required = false) String gradeBand,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "offset", defaultValue = "0") int offset,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        return queue.queue(caller, school, classId, gradeBand, kind, offset, limit);
    }
}
