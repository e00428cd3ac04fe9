package dev.pathwise.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Real HTTP to a running server: any method, a JSON value or raw bytes as body (with or without a Content-Length),
 * the API key and any other header; the answer as its status, content type and text, read as JSON on demand.
 */
public final class Http {

    public static final ObjectMapper JSON =
            JsonMapper.builder().findAndAddModules().build();

    private static final String APPLICATION_JSON = "application/json";

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The server on this port of the local host. */
    public static Http onPort(int port) {
        return new Http("http://localhost:" + port);
    }

    /** An answer as received: status, Content-Type ({@code ""} when absent) and the body as text. */
    public record Response(int status, String contentType, String text) {

        /**
         * The body as JSON: a null node when empty, a text node for a body that says it is not JSON (CSV, HTML,
         * Prometheus text), else the JSON read strictly.
         */
        public JsonNode body() {
            if (text.isEmpty()) {
                return JSON.nullNode();
            }
            if (!contentType.isEmpty() && !contentType.contains("json")) {
                return JSON.getNodeFactory().textNode(text);
            }
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + ", " + contentType + "): " + text, e);
            }
        }

        /** A member of the JSON body as text, {@code ""} when it is missing. */
        public String text(String member) {
            return body().path(member).asText();
        }

        /** The {@code field} a problem names, {@code null} when it names none. */
        public String field() {
            return body().path("field").asText(null);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    /** The response when it has this status; else an exception that shows the answer. */
    public static Response expect(Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + response);
        }
        return response;
    }

    public Response get(String path, String key) {
        return send("GET", path, key, null, APPLICATION_JSON, false);
    }

    public Response delete(String path, String key) {
        return send("DELETE", path, key, null, APPLICATION_JSON, false);
    }

    /** A POST of a JSON value; a {@link String} is sent as it is (malformed JSON included). */
    public Response post(String path, String key, Object body) {
        return send("POST", path, key, bytes(body), APPLICATION_JSON, false);
    }

    /** A POST with extra headers, such as {@code X-Experience-API-Version}. */
    public Response post(String path, String key, Object body, Map<String, String> headers) {
        return send("POST", path, key, bytes(body), APPLICATION_JSON, false, headers);
    }

    /** A POST of raw bytes (a zip) with their content type. */
    public Response postBytes(String path, String key, byte[] body, String contentType) {
        return send("POST", path, key, body, contentType, false);
    }

    public Response put(String path, String key, Object body) {
        return send("PUT", path, key, bytes(body), APPLICATION_JSON, false);
    }

    /** Any request with the given headers and no API key unless among them; a body is sent as JSON. */
    public Response exchange(String method, String path, Map<String, String> headers, Object body) {
        return send(method, path, null, bytes(body), body == null ? null : APPLICATION_JSON, false, headers);
    }

    /** Any request; {@code chunked} sends the body without a Content-Length. */
    public Response send(String method, String path, String key, byte[] body, String contentType, boolean chunked) {
        return send(method, path, key, body, contentType, chunked, Map.of());
    }

    /** Any request with extra headers; no Content-Type header when {@code contentType} is null. */
    public Response send(
            String method,
            String path,
            String key,
            byte[] body,
            String contentType,
            boolean chunked,
            Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, publisher)
                .timeout(Duration.ofSeconds(60));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A body as bytes: raw bytes as they are, a string in UTF-8, anything else as JSON; null stays null. */
    public static byte[] bytes(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof byte[] raw) {
            return raw;
        }
        try {
            return body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
