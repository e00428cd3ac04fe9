package dev.pathwise.api.problem;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the HTTP status, a short type slug, the field and value at fault and a detail
 * that says how to fix it. Thrown by services; {@link ProblemAdvice} turns it into problem+json.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String type;
    private final String field;
    private final transient Object value;
    private final List<String> errors;
    private final transient java.util.Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String type, String field, Object value, String detail, List<String> errors) {
        this(status, type, field, value, detail, errors, java.util.Map.of());
    }

    /** A problem with more members in its problem+json, such as a policy's full check report. */
    public ApiProblem(
            HttpStatus status,
            String type,
            String field,
            Object value,
            String detail,
            List<String> errors,
            java.util.Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.field = field;
        this.value = value;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.properties = properties == null ? java.util.Map.of() : java.util.Map.copyOf(properties);
    }

    public static ApiProblem invalid(String field, Object value, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-input", field, value, detail, null);
    }

    public static ApiProblem notFound(String field, Object value, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", field, value, detail, null);
    }

    public static ApiProblem conflict(String type, String field, Object value, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, field, value, detail, null);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "X-Api-Key", null, detail, null);
    }

    public static ApiProblem forbidden(String role, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "X-Api-Key", role, detail, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String field() {
        return field;
    }

    public Object value() {
        return value;
    }

    public List<String> errors() {
        return errors;
    }

    /** Further members of the problem+json. */
    public java.util.Map<String, Object> properties() {
        return properties;
    }
}
