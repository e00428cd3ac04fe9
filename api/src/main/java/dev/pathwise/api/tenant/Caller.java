package dev.pathwise.api.tenant;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling: the tenant every query is scoped to, the roles, the label of the key (or the session) used, and
 * the person behind it when the key or the sign-in belongs to a user. A key of the tenant itself (held by a
 * system) has one role and no person.
 *
 * @param tenantId the tenant every query is scoped to
 * @param roles    what the caller may do; {@link Role#ADMIN} may do everything
 * @param keyLabel the label of the key, the author of what a system does
 * @param person   the user behind the call, or {@code null} for a key of the tenant
 */
public record Caller(String tenantId, Set<Role> roles, String keyLabel, Person person) {

    static final String ATTRIBUTE = Caller.class.getName();

    /** The caller authenticated for this request, or {@code null} before authentication. */
    public static Caller of(jakarta.servlet.http.HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? caller : null;
    }

    /** A user of the tenant, as the audit names them. */
    public record Person(String userId, String username, String name) {

        /** "Maria Núñez (mnunez)", or the username alone when the user has no name. */
        public String displayName() {
            return name == null || name.isBlank() ? username : name + " (" + username + ")";
        }
    }

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A key of the tenant with one role and no person (a system, or a key from before users existed). */
    public static Caller ofKey(String tenantId, Role role, String keyLabel) {
        return new Caller(tenantId, Set.of(role), keyLabel, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when one of the caller's roles is among {@code allowed}; admins are always allowed. */
    public boolean allowedAny(Role... allowed) {
        return has(Role.ADMIN) || Arrays.stream(allowed).anyMatch(roles::contains);
    }

    /**
     * True for a person whose only learner-reading role is teacher: they read and override only the learners of the
     * classes they teach. Admins and curriculum leads read the whole tenant; so do keys of the tenant.
     */
    public boolean seesOwnClassesOnly() {
        return person != null && has(Role.TEACHER) && !has(Role.ADMIN) && !has(Role.CURRICULUM);
    }

    /** The name that goes into an audit trail: the person's display name, or the key's label. */
    public String author() {
        return person != null ? person.displayName() : keyLabel;
    }

    /** The user id behind the call, or {@code null} for a key of the tenant. */
    public String authorUserId() {
        return person == null ? null : person.userId();
    }

    /**
     * Marks the request as made by this caller, authenticated by other means than {@code X-Api-Key} (a browser
     * session); the {@link ApiKeyInterceptor} then checks only the caller's role.
     */
    public static void authenticated(jakarta.servlet.http.HttpServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }
}
