package dev.pathwise.authoring.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Requests to one Pathwise service with one API key: JSON answers read by Jackson, a refusal turned into
 * {@link ServiceRefusal} with the service's problem detail, a service out of reach into {@link ServiceUnreachable}.
 */
final class ServiceConnection {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Publishing compiles every layer combination and plays the scenarios: minutes on a busy server. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private final String url;
    private final String apiKey;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    ServiceConnection(String url, String apiKey) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    String url() {
        return url;
    }

    JsonNode get(String path) {
        return read(send(request(path).GET().build()));
    }

    JsonNode post(String path) {
        return read(send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build()));
    }

    JsonNode post(String path, String contentType, byte[] body) {
        return read(send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build()));
    }

    /** Writes the answer to {@code target} as it comes (through a temporary file, so a refusal leaves no file). */
    void download(String path, Path target) {
        HttpResponse<InputStream> response = send(request(path).GET().build());
        try (InputStream body = response.body()) {
            Path absolute = target.toAbsolutePath();
            Path partial = Files.createTempFile(absolute.getParent(), ".pathwise-", ".part");
            try {
                Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path))
                .timeout(REQUEST_TIMEOUT)
                .header("X-Api-Key", apiKey)
                .header("Accept", "application/json, application/problem+json, */*");
    }

    /** Sends the request; any answer but 2xx is a {@link ServiceRefusal}. */
    private HttpResponse<InputStream> send(HttpRequest request) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ServiceUnreachable(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnreachable(url, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw refusal(response);
        }
        return response;
    }

    private ServiceRefusal refusal(HttpResponse<InputStream> response) {
        String text;
        try (InputStream body = response.body()) {
            text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        JsonNode problem;
        try {
            problem = json.readTree(text);
        } catch (IOException e) {
            problem = null;
        }
        return new ServiceRefusal(response.statusCode(), problem != null && problem.isObject() ? problem : null, text);
    }

    private JsonNode read(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            return json.readTree(body);
        } catch (IOException e) {
            throw new ServiceUnreachable(url, e);
        }
    }
}
