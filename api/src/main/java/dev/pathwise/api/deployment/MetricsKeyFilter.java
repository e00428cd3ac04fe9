package dev.pathwise.api.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.operator.OperatorKeyInterceptor;
import dev.pathwise.api.operator.OperatorKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through {@code /actuator/health...} and {@code /actuator/info}; every other actuator endpoint (metrics,
 * Prometheus) needs an operator key of scope {@code operator} or {@code metrics}, in {@code X-Operator-Key} or as
 * {@code Authorization: Bearer <key>} (what Prometheus sends with {@code authorization: credentials}). Without one:
 * 401 problem+json, nothing of the metrics.
 */
public final class MetricsKeyFilter extends OncePerRequestFilter {

    private final OperatorKeys keys;
    private final ObjectMapper json;

    public MetricsKeyFilter(OperatorKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (open(path) || authorized(request)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNAUTHORIZED,
                path + " needs an operator"
                        + " key in production mode: send " + OperatorKeyInterceptor.HEADER
                        + " or 'Authorization: Bearer"
                        + " <key>' (a key of scope metrics is enough)");
        problem.setType(URI.create("https://pathwise.dev/problems/unauthorized"));
        problem.setTitle("Missing or unknown operator key");
        problem.setProperty("field", OperatorKeyInterceptor.HEADER);
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "Bearer realm=\"pathwise-metrics\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    static boolean open(String path) {
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/actuator/info");
    }

    private boolean authorized(HttpServletRequest request) {
        String key = request.getHeader(OperatorKeyInterceptor.HEADER);
        String authorization = request.getHeader("Authorization");
        if ((key == null || key.isBlank())
                && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7);
        }
        return key != null && !key.isBlank() && keys.authenticate(key.strip()).isPresent();
    }
}
