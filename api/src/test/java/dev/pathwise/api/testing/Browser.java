package dev.pathwise.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser as the sign-in tests need one: it keeps cookies (of the service and of the OpenID Connect provider),
 * does not follow redirects on its own (the tests follow them, step by step), and sends no API key.
 */
public final class Browser {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public record Page(int status, String location, String contentType, String text) {
        public JsonNode json() {
            try {
                return Http.JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException(text, e);
            }
        }
    }

    public Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), Map.of());
    }

    public Page get(String url, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    public Page postJson(String url, Object body, Map<String, String> headers) {
        try {
            return send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body))),
                    headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Page postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                Map.of());
    }

    /** Follows redirects from {@code url} (relative locations against the page's own URI) until a page answers. */
    public Page follow(String url, int maxHops) {
        String next = url;
        for (int hop = 0; hop < maxHops; hop++) {
            Page page = get(next);
            if (page.status() / 100 != 3) {
                return page;
            }
            next = URI.create(next).resolve(page.location()).toString();
        }
        throw new IllegalStateException("more than " + maxHops + " redirects from " + url);
    }

    private Page send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Page(
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
