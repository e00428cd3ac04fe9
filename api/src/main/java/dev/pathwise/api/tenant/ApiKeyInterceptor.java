package dev.pathwise.api.tenant;

import dev.pathwise.api.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates {@code X-Api-Key} on every {@code /v1} endpoint and checks the endpoint's {@link RequiresRole}:
 * 401 without a key or with an unknown one, 403 for a role the endpoint does not allow. An endpoint without the
 * annotation is for admins only. A request already authenticated by a browser session (see
 * {@link Caller#authenticated}) and without a key gets the role check only.
 */
public class ApiKeyInterceptor implements HandlerInterceptor {

    public static final String HEADER = "X-Api-Key";

    private final ApiKeyAuthenticator authenticator;

    public ApiKeyInterceptor(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        String key = request.getHeader(HEADER);
        Caller caller = key == null && request.getAttribute(Caller.ATTRIBUTE) instanceof Caller signedIn
                ? signedIn
                : authenticate(key);
        Role[] allowed = allowedRoles(method);
        if (!caller.allowedAny(allowed)) {
            String roles = String.join(", ", Role.labels(caller.roles()));
            throw ApiProblem.forbidden(
                    roles,
                    (caller.roles().size() == 1 ? "role '" : "roles '") + roles
                            + "' may not call "
                            + request.getMethod() + " " + request.getRequestURI() + "; " + allowedWords(allowed));
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
        return true;
    }

    /** "allowed: teacher, curriculum and admin", or "allowed to admin only": admin may do everything. */
    public static String allowedWords(Role... allowed) {
        EnumSet<Role> roles = EnumSet.of(Role.ADMIN);
        roles.addAll(Arrays.asList(allowed));
        List<String> labels = new ArrayList<>(Role.labels(roles));
        if (labels.size() == 1) {
            return "allowed to " + labels.get(0) + " only";
        }
        String last = labels.remove(labels.size() - 1);
        return "allowed: " + String.join(", ", labels) + " and " + last;
    }

    private Caller authenticate(String key) {
        if (key == null || key.isBlank()) {
            throw ApiProblem.unauthorized("header " + HEADER + " is missing; send the API key of your tenant");
        }
        return authenticator
                .authenticate(key.strip())
                .orElseThrow(() -> ApiProblem.unauthorized(
                        "the API key in " + HEADER + " is unknown; check it or ask your admin for a key"));
    }

    /** The roles an endpoint names: its method's {@link RequiresRole}, else its controller's; admin alone without. */
    public static Role[] allowedRoles(HandlerMethod method) {
        RequiresRole onMethod = method.getMethodAnnotation(RequiresRole.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        RequiresRole onType = method.getBeanType().getAnnotation(RequiresRole.class);
        return onType != null ? onType.value() : new Role[] {Role.ADMIN};
    }
}
