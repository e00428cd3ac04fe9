package dev.pathwise.api.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** A small HTTP client for the full-stack tests: real requests to the running server, JSON answers. */
final class Http {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Response(int status, String contentType, JsonNode body) {
        String text(String field) {
            return body.path(field).asText();
        }
    }

    Response get(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), key);
    }

    Response post(String path, String key, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(bodyOf(body)), key);
    }

    /** A POST with extra headers, such as {@code X-Experience-API-Version}. */
    Response post(String path, String key, Object body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(bodyOf(body));
        headers.forEach(request::header);
        return send(request, key);
    }

    /** A POST of raw bytes (a zip) with its content type; the answer is JSON. */
    Response postBytes(String path, String key, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(60));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose answer is not JSON (CSV): status, content type and the text. */
    TextResponse getText(String path, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()
                .timeout(Duration.ofSeconds(60));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TextResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record TextResponse(int status, String contentType, String text) {
    }

    Response delete(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE(), key);
    }

    Response put(String path, String key, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).PUT(bodyOf(body)), key);
    }

    /** Any request with the given headers (no API key unless among them); a JSON answer, or text as a JSON string. */
    Response exchange(String method, String path, java.util.Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : bodyOf(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : type.contains("json")
                    ? JSON.readTree(response.body()) : JSON.getNodeFactory().textNode(response.body());
            return new Response(response.statusCode(), type, json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder request, String key) {
        request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(60));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
