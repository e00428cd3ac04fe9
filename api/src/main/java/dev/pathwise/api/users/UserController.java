package dev.pathwise.api.users;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.KeyService;
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

/** {@code /v1/users}: the tenant's people, their passwords and API keys; admins only. */
@RestController
@RequestMapping("/v1/users")
@RequiresRole(Role.ADMIN)
public class UserController {

    private final UserService users;

    public UserController(UserService users) {
        this.users = users;
    }

    @Operation(operationId = "listUsers", summary = "List the district's people")
    @GetMapping
    public List<UserService.UserJson> list(Caller caller) {
        return users.list(caller.tenantId());
    }

    @Operation(operationId = "createUser", summary = "Create a person")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public UserService.UserJson create(Caller caller, @RequestBody UserService.UserRequest request) {
        return users.create(caller, request);
    }

    @Operation(operationId = "getUser", summary = "Read one person")
    @GetMapping("/{id}")
    public UserService.UserJson get(Caller caller, @PathVariable String id) {
        return users.get(caller.tenantId(), id);
    }

    @Operation(operationId = "putUser", summary = "Create or replace a person")
    @PutMapping("/{id}")
    public UserService.UserJson put(
            Caller caller, @PathVariable String id, @RequestBody UserService.UserRequest request) {
        return users.put(caller, id, request);
    }

    @Operation(operationId = "deleteUser", summary = "Delete a person")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Caller caller, @PathVariable String id) {
        users.delete(caller, id);
    }

    @Operation(operationId = "setUserPassword", summary = "Set a person's password")
    @PutMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void password(Caller caller, @PathVariable String id, @RequestBody UserService.PasswordRequest request) {
        users.setPassword(caller, id, request);
    }

    @Operation(
            operationId = "createUserKey",
            summary = "Create an API key for a person",
            description = "The secret is in this answer only; store it.")
    @PostMapping("/{id}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    public KeyService.CreatedKey createKey(
            Caller caller, @PathVariable String id, @RequestBody(required = false) UserService.NewKey request) {
        return users.createKey(caller, id, request);
    }

    @Operation(operationId = "listUserKeys", summary = "List a person's API keys")
    @GetMapping("/{id}/keys")
    public List<KeyService.KeyJson> keys(Caller caller, @PathVariable String id) {
        return users.keys(caller.tenantId(), id);
    }
}
