package dev.pathwise.api.classes;

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

/** {@code /v1/classes}: read by every role (a teacher sees the classes they teach), changed by admins. */
@RestController
@RequestMapping("/v1/classes")
public class ClassController {

    private final ClassService classes;

    public ClassController(ClassService classes) {
        this.classes = classes;
    }

    @Operation(
            operationId = "listClasses",
            summary = "List classes",
            description = "A teacher sees the classes they teach.")
    @GetMapping
    @RequiresRole({Role.PLATFORM, Role.TEACHER, Role.CURRICULUM})
    public List<ClassService.ClassJson> list(
            Caller caller,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String term,
            @RequestParam(required = false) String teacher) {
        return classes.list(caller, school, term, teacher);
    }

    @Operation(operationId = "getClass", summary = "Read one class")
    @GetMapping("/{id}")
    @RequiresRole({Role.PLATFORM, Role.TEACHER, Role.CURRICULUM})
    public ClassService.ClassJson get(Caller caller, @PathVariable String id) {
        return classes.get(caller, id);
    }

    @Operation(operationId = "createClass", summary = "Create a class")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresRole(Role.ADMIN)
    public ClassService.ClassJson create(Caller caller, @RequestBody ClassService.ClassRequest request) {
        return classes.create(caller, request);
    }

    @Operation(
            operationId = "putClass",
            summary = "Create or replace a class",
            description = "With its teachers and enrolled learners.")
    @PutMapping("/{id}")
    @RequiresRole(Role.ADMIN)
    public ClassService.ClassJson put(
            Caller caller, @PathVariable String id, @RequestBody ClassService.ClassRequest request) {
        return classes.put(caller, id, request);
    }

    @Operation(operationId = "deleteClass", summary = "Delete a class")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresRole(Role.ADMIN)
    public void delete(Caller caller, @PathVariable String id) {
        classes.delete(caller, id);
    }
}
