package dev.pathwise.api.term;

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

/** {@code /v1/terms}: academic sessions, read by every role, changed by admins. */
@RestController
@RequestMapping("/v1/terms")
public class TermController {

    private final TermService terms;

    public TermController(TermService terms) {
        this.terms = terms;
    }

    @Operation(operationId = "listTerms", summary = "List terms")
    @GetMapping
    @RequiresRole({Role.PLATFORM, Role.TEACHER, Role.CURRICULUM})
    public List<TermService.TermJson> list(Caller caller) {
        return terms.list(caller.tenantId());
    }

    @Operation(operationId = "getTerm", summary = "Read one term")
    @GetMapping("/{id}")
    @RequiresRole({Role.PLATFORM, Role.TEACHER, Role.CURRICULUM})
    public TermService.TermJson get(Caller caller, @PathVariable String id) {
        return terms.get(caller.tenantId(), id);
    }

    @Operation(operationId = "createTerm", summary = "Create a term")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresRole(Role.ADMIN)
    public TermService.TermJson create(Caller caller, @RequestBody TermService.TermJson request) {
        return terms.create(caller, request);
    }

    @Operation(operationId = "putTerm", summary = "Create or replace a term")
    @PutMapping("/{id}")
    @RequiresRole(Role.ADMIN)
    public TermService.TermJson put(Caller caller, @PathVariable String id, @RequestBody TermService.TermJson request) {
        return terms.put(caller, id, request);
    }

    @Operation(operationId = "deleteTerm", summary = "Delete a term")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresRole(Role.ADMIN)
    public void delete(Caller caller, @PathVariable String id) {
        terms.delete(caller, id);
    }
}
