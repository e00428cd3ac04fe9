package dev.pathwise.api.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Real HTTP to the running server, with any method, any bytes as body, and the answer as text. */
final class RawHttp {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String baseUrl;

    RawHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Response(int status, String contentType, String text) {

        JsonNode json() {
            try {
                return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        String field() {
            return json().path("field").asText(null);
        }
    }

    Response get(String path, String key) {
        return send("GET", path, key, null, "application/json", false);
    }

    Response delete(String path, String key) {
        return send("DELETE", path, key, null, "application/json", false);
    }

    Response post(String path, String key, Object body) {
        return send("POST", path, key, bytes(body), "application/json", false);
    }

    Response put(String path, String key, Object body) {
        return send("PUT", path, key, bytes(body), "application/json", false);
    }

    /** A POST with extra headers (such as xAPI's version header). */
    Response post(String path, String key, Object body, Map<String, String> headers) {
        return send("POST", path, key, bytes(body), "application/json", false, headers);
    }

    /** Any request; {@code chunked} sends the body without a Content-Length. */
    Response send(String method, String path, String key, byte[] body, String contentType, boolean chunked) {
        return send(method, path, key, body, contentType, chunked, Map.of());
    }

    /** Any request with extra headers. */
    Response send(String method, String path, String key, byte[] body, String contentType, boolean chunked,
                  Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, publisher).timeout(Duration.ofSeconds(60));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(Object body) {
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
