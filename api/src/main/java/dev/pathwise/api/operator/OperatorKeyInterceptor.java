package dev.pathwise.api.operator;

import dev.pathwise.api.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates {@code X-Operator-Key} on {@code /v1/operator/**}: 401 without a key or with an unknown one (a tenant's
 * API key is not an operator key), 403 for a key of scope {@code metrics}.
 */
public class OperatorKeyInterceptor implements HandlerInterceptor {

    public static final String HEADER = "X-Operator-Key";
    static final String ATTRIBUTE = "dev.pathwise.api.operator.OperatorKey";

    private final OperatorKeys keys;

    public OperatorKeyInterceptor(OperatorKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        String key = request.getHeader(HEADER);
        if (key == null || key.isBlank()) {
            throw operatorUnauthorized("header " + HEADER + " is missing; send an operator key (created with"
                    + " 'pathwise admin operator-key create' on the deployment's database)");
        }
        OperatorKeys.OperatorKey found = keys.authenticate(key.strip())
                .orElseThrow(() -> operatorUnauthorized("the key in " + HEADER
                        + " is not an operator key; a tenant's API key does not manage tenants"));
        if (!OperatorKeys.OPERATOR.equals(found.scope())) {
            throw new ApiProblem(
                    org.springframework.http.HttpStatus.FORBIDDEN,
                    "forbidden",
                    HEADER,
                    found.scope(),
                    "operator key '" + found.id() + "' has scope '" + found.scope() + "', which reads metrics only",
                    null);
        }
        request.setAttribute(ATTRIBUTE, found);
        return true;
    }

    static ApiProblem operatorUnauthorized(String detail) {
        return new ApiProblem(
                org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthorized", HEADER, null, detail, null);
    }
}
