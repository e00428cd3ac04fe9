package dev.pathwise.api.tenant;

/**
 * Who is calling: the tenant every query is scoped to, the role of the key and its label (used as an author).
 */
public record Caller(String tenantId, Role role, String keyLabel) {

    static final String ATTRIBUTE = Caller.class.getName();

    /**
     * Marks the request as made by this caller, authenticated by other means than {@code X-Api-Key} (a browser
     * session); the {@link ApiKeyInterceptor} then checks only the caller's role.
     */
    public static void authenticated(jakarta.servlet.http.HttpServletRequest request, Caller caller) {
        request.setAttribute(ATTRIBUTE, caller);
    }
}
