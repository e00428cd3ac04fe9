package dev.pathwise.api.school;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/schools}: read by every role, created, renamed and deleted by admins. */
@RestController
@RequestMapping("/v1/schools")
public class SchoolController {

    private final SchoolService schools;

    public SchoolController(SchoolService schools) {
        this.schools = schools;
    }

    @Operation(operationId = "listSchools", summary = "List schools")
    @GetMapping
    @RequiresRole({Role.PLATFORM, Role.TEACHER, Role.CURRICULUM})
    public List<SchoolService.SchoolJson> list(Caller caller) {
        return schools.list(caller.tenantId());
    }

    @Operation(operationId = "getSchool", summary = "Read one school")
    @GetMapping("/{id}")
    @RequiresRole({Role.PLATFORM, Role.TEACHER, Role.CURRICULUM})
    public SchoolService.SchoolJson get(Caller caller, @PathVariable String id) {
        return schools.get(caller.tenantId(), id);
    }

    @Operation(operationId = "createSchool", summary = "Create a school")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresRole(Role.ADMIN)
    public SchoolService.SchoolJson create(Caller caller, @RequestBody SchoolService.SchoolRequest request) {
        return schools.create(caller, request);
    }

    @Operation(operationId = "putSchool", summary = "Create or replace a school")
    @PutMapping("/{id}")
    @RequiresRole(Role.ADMIN)
    public SchoolService.SchoolJson put(
            Caller caller, @PathVariable String id, @RequestBody SchoolService.SchoolRequest request) {
        return schools.put(caller, id, request);
    }

    @Operation(operationId = "deleteSchool", summary = "Delete a school without learners or classes")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresRole(Role.ADMIN)
    public void delete(Caller caller, @PathVariable String id) {
        schools.delete(caller, id);
    }
}
