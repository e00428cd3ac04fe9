package dev.pathwise.api.group;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/groups}: small-group suggestions for a school, a class and/or a competency, among the learners the
 * caller may read (a teacher: those of their classes).
 */
@RestController
@RequestMapping("/v1/groups")
@RequiresRole(Role.TEACHER)
public class GroupController {

    private final GroupService groups;

    public GroupController(GroupService groups) {
        this.groups = groups;
    }

    @Operation(operationId = "suggestGroups", summary = "Suggest groups of learners with the same need")
    @GetMapping
    public GroupService.GroupsJson groups(
            Caller caller,
            @RequestParam(name = "school", required = false) String school,
            @RequestParam(name = "class", required = false) String classId,
            @RequestParam(name = "competency", required = false) String competency) {
        return groups.groups(caller, school, classId, competency);
    }
}
