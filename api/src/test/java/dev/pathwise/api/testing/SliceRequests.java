package dev.pathwise.api.testing;

import dev.pathwise.api.tenant.ApiKeyInterceptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Requests to a {@link ControllerSlice}: a request with an API key (none for {@code null}), and with a JSON body.
 * {@code mvc.perform(json(SliceKeys.ADMIN, post("/v1/schools"), "{...}"))}.
 */
public final class SliceRequests {

    private SliceRequests() {}

    /** The request with header {@code X-Api-Key: key}, or without the header for a {@code null} key. */
    public static MockHttpServletRequestBuilder as(String key, MockHttpServletRequestBuilder request) {
        return key == null ? request : request.header(ApiKeyInterceptor.HEADER, key);
    }

    /** The request with the key and {@code body} as {@code application/json}. */
    public static MockHttpServletRequestBuilder json(String key, MockHttpServletRequestBuilder request, String body) {
        return as(key, request).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
