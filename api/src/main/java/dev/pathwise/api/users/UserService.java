package dev.pathwise.api.users;

import dev.pathwise.api.audit.AuditTrail;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.KeyService;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.engine.spelling.Suggestions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes, disables and removes the tenant's people; sets passwords; gives a person API keys. */
@Service
public class UserService {

    private final UserRepository users;
    private final UserIdentities identities;
    private final TeachingAssignments teaching;
    private final PasswordHashing passwords;
    private final KeyService keys;
    private final AuditTrail audit;
    private final Clock clock;

    public UserService(
            UserRepository users,
            UserIdentities identities,
            TeachingAssignments teaching,
            PasswordHashing passwords,
            KeyService keys,
            AuditTrail audit,
            Clock clock) {
        this.users = users;
        this.identities = identities;
        this.teaching = teaching;
        this.passwords = passwords;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A person as the API shows them: never a password or its hash, only whether one is set. */
    public record UserJson(
            String id,
            String username,
            String givenName,
            String familyName,
            String email,
            List<String> roles,
            String status,
            boolean hasPassword,
            List<String> classes) {
        static UserJson of(UserRepository.User u, List<String> classes) {
            return new UserJson(
                    u.id(),
                    u.username(),
                    u.givenName(),
                    u.familyName(),
                    u.email(),
                    Role.labels(u.roles()),
                    u.status(),
                    u.passwordHash() != null,
                    classes);
        }
    }

    /** What a client sends; {@code id} defaults to the username, {@code status} to active. */
    public record UserRequest(
            String id,
            String username,
            String givenName,
            String familyName,
            String email,
            List<String> roles,
            String status,
            String password) {}

    public record PasswordRequest(String password) {}

    public record NewKey(String label) {}

    public List<UserJson> list(String tenantId) {
        return users.all(tenantId).stream()
                .map(u -> UserJson.of(u, teaching.classesOf(tenantId, u.id())))
                .toList();
    }

    public UserJson get(String tenantId, String userId) {
        return UserJson.of(require(tenantId, userId), teaching.classesOf(tenantId, userId));
    }

    public UserRepository.User require(String tenantId, String userId) {
        return users.find(tenantId, userId)
                .orElseThrow(() -> ApiProblem.notFound("userId", userId, unknown(tenantId, "userId", userId)));
    }

    /** The message for an unknown user, with the closest known id. */
    public String unknown(String tenantId, String field, String userId) {
        return field + ": user '" + userId + "' does not exist in this tenant."
                + Suggestions.idHint(userId, users.ids(tenantId)) + " GET /v1/users lists the users";
    }

    @Transactional
    public UserJson create(Caller caller, UserRequest request) {
        String username = InputLimits.resourceId("username", request.username());
        String id = request.id() == null ? username : InputLimits.resourceId("id", request.id());
        if (users.find(caller.tenantId(), id).isPresent()) {
            throw ApiProblem.conflict(
                    "user-exists",
                    "id",
                    id,
                    "id: user '" + id + "' already exists; change it with" + " PUT /v1/users/" + id);
        }
        UserRepository.User user = checked(caller.tenantId(), id, request);
        String hash = request.password() == null ? null : passwords.hash(username, request.password());
        users.insert(user.withPasswordHash(hash), clock.instant());
        audit.record(caller, "user.created", "user", id, "roles " + Role.labels(user.roles()));
        return get(caller.tenantId(), id);
    }

    /** Creates or changes the user (not the password: PUT /v1/users/{id}/password). Disabling revokes the keys. */
    @Transactional
    public UserJson put(Caller caller, String userId, UserRequest request) {
        String id = InputLimits.resourceId("id", userId);
        if (request.id() != null && !request.id().equals(id)) {
            throw ApiProblem.invalid(
                    "id",
                    request.id(),
                    "id: '" + request.id() + "' differs from the path's '" + id + "'; leave id out of the body");
        }
        var existing = users.find(caller.tenantId(), id);
        if (existing.isEmpty()) {
            return create(
                    caller,
                    new UserRequest(
                            id,
                            request.username(),
                            request.givenName(),
                            request.familyName(),
                            request.email(),
                            request.roles(),
                            request.status(),
                            request.password()));
        }
        if (request.password() != null) {
            throw ApiProblem.invalid("password", null, "password: set it with PUT /v1/users/" + id + "/password");
        }
        UserRepository.User user = checked(caller.tenantId(), id, request);
        if (id.equals(caller.authorUserId())
                && (!user.active() || !user.roles().contains(Role.ADMIN))
                && existing.get().roles().contains(Role.ADMIN)) {
            throw ApiProblem.invalid(
                    "roles",
                    Role.labels(user.roles()),
                    "roles: you cannot take the admin role" + " from yourself or disable yourself; ask another admin");
        }
        users.update(user, clock.instant());
        if (!user.active() && existing.get().active()) {
            keys.revokeAllOfUser(caller.tenantId(), id);
        }
        audit.record(caller, "user.updated", "user", id, "roles " + Role.labels(user.roles()) + ", " + user.status());
        return get(caller.tenantId(), id);
    }

    @Transactional
    public void setPassword(Caller caller, String userId, PasswordRequest request) {
        UserRepository.User user = require(caller.tenantId(), userId);
        users.setPasswordHash(
                caller.tenantId(),
                userId,
                passwords.hash(user.username(), request == null ? null : request.password()),
                clock.instant());
        audit.record(caller, "user.password-set", "user", userId, null);
    }

    /** A new key of the user, shown once; it carries the user's roles for as long as the user is active. */
    @Transactional
    public KeyService.CreatedKey createKey(Caller caller, String userId, NewKey request) {
        UserRepository.User user = require(caller.tenantId(), userId);
        if (!user.active()) {
            throw ApiProblem.conflict(
                    "user-disabled",
                    "userId",
                    userId,
                    "user '" + userId + "' is disabled;" + " enable them (PUT /v1/users/" + userId
                            + " with status active) first");
        }
        KeyService.CreatedKey key =
                keys.createUserKey(caller.tenantId(), userId, request == null ? null : request.label());
        audit.record(caller, "key.created", "key", key.id(), "user " + userId);
        return key;
    }

    public List<KeyService.KeyJson> keys(String tenantId, String userId) {
        require(tenantId, userId);
        return keys.keysOfUser(tenantId, userId);
    }

    /** Removes the user: their keys are revoked and their classes lose them as a teacher. */
    @Transactional
    public void delete(Caller caller, String userId) {
        require(caller.tenantId(), userId);
        if (userId.equals(caller.authorUserId())) {
            throw ApiProblem.invalid("userId", userId, "userId: you cannot remove yourself; ask another admin");
        }
        keys.revokeAllOfUser(caller.tenantId(), userId);
        teaching.removeUser(caller.tenantId(), userId);
        identities.removeUser(caller.tenantId(), userId);
        users.delete(caller.tenantId(), userId);
        audit.record(caller, "user.deleted", "user", userId, null);
    }

    /** The user as it will be stored (password hash left out), every field checked. */
    public UserRepository.User checked(String tenantId, String id, UserRequest request) {
        String username = InputLimits.resourceId("username", request.username());
        users.byUsername(tenantId, username)
                .filter(other -> !other.id().equals(id))
                .ifPresent(other -> {
                    throw ApiProblem.conflict(
                            "username-taken",
                            "username",
                            username,
                            "username: '" + username + "' is the username of user '" + other.id()
                                    + "'; choose another");
                });
        String given = optionalName("givenName", request.givenName());
        String family = optionalName("familyName", request.familyName());
        String email = email(request.email());
        Set<Role> roles = roles(request.roles());
        String status = request.status() == null ? "active" : request.status().strip();
        if (!status.equals("active") && !status.equals("disabled")) {
            throw ApiProblem.invalid(
                    "status",
                    InputLimits.text("status", status, InputLimits.NAME),
                    "status: '" + status + "' is not a status; use 'active' or 'disabled'");
        }
        return new UserRepository.User(tenantId, id, username, given, family, email, roles, status, null);
    }

    /** The roles of a person: at least one of teacher, curriculum, admin. */
    public static Set<Role> roles(List<String> given) {
        List<String> allowed = Role.OF_PEOPLE.stream().map(Role::label).toList();
        if (given == null || given.isEmpty()) {
            throw ApiProblem.invalid("roles", null, "roles: give at least one of " + allowed);
        }
        InputLimits.list("roles", given, 10);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> wrong = new ArrayList<>();
        for (String label : given) {
            Role role = Role.ofLabel(label).filter(Role.OF_PEOPLE::contains).orElse(null);
            if (role == null) {
                wrong.add(label);
            } else {
                roles.add(role);
            }
        }
        if (!wrong.isEmpty()) {
            String first = String.valueOf(wrong.get(0));
            throw ApiProblem.invalid(
                    "roles",
                    InputLimits.text("roles", first, InputLimits.NAME),
                    "roles: '" + first
                            + "' is not a role of a person; use " + allowed + Suggestions.nameHint(first, allowed)
                            + (first.equalsIgnoreCase("platform")
                                    ? " (a platform is a system: give it a key of the tenant," + " POST /v1/keys)"
                                    : ""));
        }
        return roles;
    }

    private static String optionalName(String field, String value) {
        return value == null || value.isBlank() ? null : InputLimits.name(field, value);
    }

    private static String email(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        InputLimits.text("email", value, 320);
        String email = value.strip();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ApiProblem.invalid("email", email, "email: '" + email + "' is not an e-mail address");
        }
        return email;
    }
}
