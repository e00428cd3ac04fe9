package dev.pathwise.api.session;

import dev.pathwise.api.tenant.ApiKeyInterceptor;
import dev.pathwise.api.tenant.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates a {@code /v1} request by its session cookie when it carries no {@code X-Api-Key}: the session's
 * caller goes on to the {@link ApiKeyInterceptor}'s role check, and an unsafe request must send the session's CSRF
 * token. A request with {@code X-Api-Key} is authenticated by the key alone, as before.
 */
public class SessionInterceptor implements HandlerInterceptor {

    private final BrowserSessions sessions;

    public SessionInterceptor(BrowserSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod) || request.getHeader(ApiKeyInterceptor.HEADER) != null) {
            return true;
        }
        sessions.caller(request).ifPresent(caller -> {
            sessions.requireCsrfToken(request);
            Caller.authenticated(request, caller);
        });
        return true;
    }
}
