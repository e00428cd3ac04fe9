package dev.pathwise.api.testing;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * What a refusal of the API looks like to a {@link ControllerSlice}: {@code application/problem+json} with its
 * status, the field and the value at fault and, for the key checks, the exact sentence the client reads.
 */
public final class Refusals {

    private Refusals() {}

    /** A problem with this status naming {@code field} and {@code value} ({@code null}: no value). */
    public static ResultMatcher problem(HttpStatus status, String field, Object value) {
        return ResultMatcher.matchAll(
                status().is(status.value()),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.field").value(field),
                value == null
                        ? jsonPath("$.value").doesNotExist()
                        : jsonPath("$.value").value(value));
    }

    /** A 400 problem naming the field and the value. */
    public static ResultMatcher invalid(String field, Object value) {
        return problem(HttpStatus.BAD_REQUEST, field, value);
    }

    /** A 400 problem naming the field, whatever value it shows. */
    public static ResultMatcher invalid(String field) {
        return ResultMatcher.matchAll(
                status().isBadRequest(),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.field").value(field));
    }

    /** A 401 for a request without {@code X-Api-Key}, saying what to send. */
    public static ResultMatcher withoutKey() {
        return ResultMatcher.matchAll(
                problem(HttpStatus.UNAUTHORIZED, "X-Api-Key", null),
                jsonPath("$.detail").value("header X-Api-Key is missing; send the API key of your tenant"));
    }

    /**
     * A 403 for a key whose role may not call the endpoint: {@code role 'teacher' may not call POST /v1/schools;
     * allowed to admin only}, with {@code allowed} the part after the semicolon.
     */
    public static ResultMatcher forbidden(String role, String call, String allowed) {
        return ResultMatcher.matchAll(
                problem(HttpStatus.FORBIDDEN, "X-Api-Key", role),
                jsonPath("$.detail").value("role '" + role + "' may not call " + call + "; " + allowed));
    }
}
