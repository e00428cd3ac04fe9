package dev.pathwise.api.framework;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;

/** {@code /v1/frameworks}: the tenant's competency frameworks. */
@RestController
@RequestMapping("/v1/frameworks")
public class FrameworkController {

    private final FrameworkService frameworks;

    public FrameworkController(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresRole(Role.CURRICULUM)
    public FrameworkJson create(Caller caller, @RequestBody FrameworkJson request) {
        return FrameworkJson.of(frameworks.save(caller.tenantId(), request));
    }

    @GetMapping
    @RequiresRole({Role.CURRICULUM, Role.PLATFORM, Role.TEACHER})
    public java.util.List<FrameworkService.FrameworkSummary> list(Caller caller) {
        return frameworks.list(caller.tenantId());
    }

    @GetMapping("/{id}")
    @RequiresRole({Role.CURRICULUM, Role.PLATFORM, Role.TEACHER})
    public FrameworkJson get(Caller caller, @PathVariable String id) {
        return FrameworkJson.of(frameworks.get(caller.tenantId(), id));
    }
}
