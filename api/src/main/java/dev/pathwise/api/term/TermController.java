package dev.pathwise.api.term;

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

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;

/** {@code /v1/terms}: academic sessions, read by every role, changed by admins. */
@RestController
@RequestMapping("/v1/terms")
public class TermController {

    private final TermService terms;

    public TermController(TermService terms) {
        this.terms = terms;
    }

    @GetMapping
    @RequiresRole({Role.PLATFORM, Role.TEACHER, Role.CURRICULUM})
    public List<TermService.TermJson> list(Caller caller) {
        return terms.list(caller.tenantId());
    }

    @GetMapping("/{id}")
    @RequiresRole({Role.PLATFORM, Role.TEACHER, Role.CURRICULUM})
    public TermService.TermJson get(Caller caller, @PathVariable String id) {
        return terms.get(caller.tenantId(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresRole(Role.ADMIN)
    public TermService.TermJson create(Caller caller, @RequestBody TermService.TermJson request) {
        return terms.create(caller, request);
    }

    @PutMapping("/{id}")
    @RequiresRole(Role.ADMIN)
    public TermService.TermJson put(Caller caller, @PathVariable String id,
                                    @RequestBody TermService.TermJson request) {
        return terms.put(caller, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequiresRole(Role.ADMIN)
    public void delete(Caller caller, @PathVariable String id) {
        terms.delete(caller, id);
    }
}
