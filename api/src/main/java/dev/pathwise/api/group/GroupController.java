package dev.pathwise.api.group;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;

/** {@code /v1/groups}: small-group suggestions for a school and/or competency. */
@RestController
@RequestMapping("/v1/groups")
@RequiresRole(Role.TEACHER)
public class GroupController {

    private final GroupService groups;

    public GroupController(GroupService groups) {
        this.groups = groups;
    }

    @GetMapping
    public GroupService.GroupsJson groups(Caller caller,
                                          @RequestParam(name = "school", required = false) String school,
                                          @RequestParam(name = "competency", required = false) String competency) {
        return groups.groups(caller.tenantId(), school, competency);
    }
}
