package dev.pathwise.api.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.tenant.TenantService;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The browser session contract over real HTTP on H2: sign in with an API key, the cookie's attributes, CSRF on
 * every unsafe request the cookie authenticates, roles as for keys, sign-out, revocation, and X-Api-Key unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "pathwise.demo.enabled=false")
class SessionContractTest {

    private static final Path DATA_DIR = tempDir();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TenantService tenants;

    @Autowired
    JdbcTemplate jdbc;

    String tenant;
    Map<Role, String> keys;
    Browser browser;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void tenantWithALearner() {
        tenant = "session-" + UUID.randomUUID().toString().substring(0, 8);
        keys = tenants.createWithNewKeys(tenant, "Session District " + tenant);
        tenants.addSchool(tenant, "s1", "School 1");
        browser = new Browser();
        Answer framework = browser.send(
                "POST",
                "/v1/frameworks",
                Map.of("X-Api-Key", keys.get(Role.CURRICULUM)),
                Map.of("id", "f", "name", "F", "competencies", List.of(Map.of("id", "c1", "name", "C1"))));
        assertThat(framework.status()).as(framework.text()).isEqualTo(201);
        Answer learner = browser.send(
                "PUT",
                "/v1/learners/lea",
                Map.of("X-Api-Key", keys.get(Role.PLATFORM)),
                Map.of("grade", 6, "schoolId", "s1"));
        assertThat(learner.status()).as(learner.text()).isEqualTo(200);
    }

    @Test
    void signingInWithAKeyAnswersTheCallerAndSetsAnHttpOnlyStrictSessionCookie() {
        Answer signIn = browser.signIn(keys.get(Role.TEACHER));

        assertThat(signIn.status()).as(signIn.text()).isEqualTo(200);
        assertThat(signIn.json().path("tenantId").asText()).isEqualTo(tenant);
        assertThat(signIn.json().path("tenantName").asText()).isEqualTo("Session District " + tenant);
        assertThat(signIn.json().path("roles").toString()).isEqualTo("[\"teacher\"]");
        assertThat(signIn.json().path("displayName").asText()).isEqualTo("teacher-key");
        assertThat(signIn.json().path("signedInWith").asText()).isEqualTo("api-key");
        assertThat(signIn.json().path("idleTimeoutSeconds").asInt()).isEqualTo(8 * 3600);
        assertThat(signIn.json().path("csrfToken").asText()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(signIn.text()).doesNotContain(keys.get(Role.TEACHER));
        String setCookie = signIn.header("Set-Cookie");
        assertThat(setCookie)
                .startsWith("pathwise_session=")
                .contains("; HttpOnly")
                .contains("; SameSite=Strict")
                .contains("; Path=/");
        Answer current = browser.send("GET", "/v1/session", Map.of(), null);
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().path("csrfToken").asText())
                .isEqualTo(signIn.json().path("csrfToken").asText());
        assertThat(current.json().path("roles").toString()).isEqualTo("[\"teacher\"]");
    }

    @Test
    void theSessionIsStoredInTheDatabaseWithTheKeysHashNeverTheKey() {
        browser.signIn(keys.get(Role.TEACHER));

        List<byte[]> attributes =
                jdbc.queryForList("select attribute_bytes from browser_sessions_attributes", byte[].class);
        assertThat(attributes).isNotEmpty();
        String stored = String.join(
                "|",
                attributes.stream()
                        .map(b -> new String(b, StandardCharsets.ISO_8859_1))
                        .toList());
        assertThat(stored)
                .doesNotContain(keys.get(Role.TEACHER))
                .contains(dev.pathwise.api.tenant.ApiKeys.hash(keys.get(Role.TEACHER)));
    }

    @Test
    void withoutASessionGetSessionIs401Problem() {
        Answer answer = browser.send("GET", "/v1/session", Map.of(), null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("title").asText()).isEqualTo("Not signed in");
        assertThat(answer.json().path("detail").asText()).contains("POST /v1/session");
    }

    @Test
    void anUnknownKeyIs401AndSetsNoCookieAMissingOneIs400() {
        Answer unknown = browser.signIn("pw_no-such-key");
        Answer missing = browser.send("POST", "/v1/session", Map.of(), Map.of());

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("field").asText()).isEqualTo("apiKey");
        assertThat(unknown.header("Set-Cookie")).isNull();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("detail").asText()).startsWith("apiKey: is required");
        assertThat(browser.send("GET", "/v1/session", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void theCookieAuthenticatesReadsWithTheRolesOfTheKey() {
        browser.signIn(keys.get(Role.TEACHER));

        Answer read = browser.send("GET", "/v1/learners/lea/overrides", Map.of(), null);
        Answer adminOnly = browser.send("GET", "/v1/keys", Map.of(), null);

        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.text()).isEqualTo("[]");
        assertThat(adminOnly.status()).isEqualTo(403);
        assertThat(adminOnly.json().path("detail").asText()).startsWith("role 'teacher' may not call GET /v1/keys");
    }

    @Test
    void anUnsafeRequestOfTheSessionNeedsItsCsrfToken() {
        String token =
                browser.signIn(keys.get(Role.TEACHER)).json().path("csrfToken").asText();
        Map<String, Object> override = Map.of(
                "kind",
                "SET_LEVEL",
                "competencyId",
                "c1",
                "level",
                "MASTERED",
                "reason",
                "Explained it in a conference");

        Answer without = browser.send("POST", "/v1/learners/lea/overrides", Map.of(), override);
        Answer wrong =
                browser.send("POST", "/v1/learners/lea/overrides", Map.of("X-CSRF-Token", token + "x"), override);
        Answer right = browser.send("POST", "/v1/learners/lea/overrides", Map.of("X-CSRF-Token", token), override);

        assertThat(without.status()).isEqualTo(403);
        assertThat(without.json().path("title").asText()).isEqualTo("Missing or wrong CSRF token");
        assertThat(without.json().path("field").asText()).isEqualTo("X-CSRF-Token");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().path("detail").asText()).contains("does not match");
        assertThat(right.status()).as(right.text()).isEqualTo(201);
        assertThat(right.json().path("override").path("author").asText()).isEqualTo("key 'teacher-key'");
        List<String> reasons =
                jdbc.queryForList("select reason from overrides where tenant_id = ?", String.class, tenant);
        assertThat(reasons).containsExactly("Explained it in a conference");
    }

    @Test
    void aRequestWithAnApiKeyIsAuthenticatedByTheKeyAloneAsBefore() {
        browser.signIn(keys.get(Role.TEACHER));

        Answer asAdmin = browser.send(
                "POST",
                "/v1/keys",
                Map.of("X-Api-Key", keys.get(Role.ADMIN)),
                Map.of("role", "platform", "label", "lms"));
        Answer unknownKey = browser.send("GET", "/v1/learners/lea/overrides", Map.of("X-Api-Key", "nope"), null);

        assertThat(asAdmin.status()).as(asAdmin.text()).isEqualTo(201);
        assertThat(unknownKey.status())
                .as("a wrong key is not rescued by the cookie")
                .isEqualTo(401);
    }

    @Test
    void signingOutNeedsTheTokenAndEndsTheSession() {
        String token =
                browser.signIn(keys.get(Role.TEACHER)).json().path("csrfToken").asText();
        String sessionId = new String(
                java.util.Base64.getDecoder().decode(browser.sessionCookie().getValue()), StandardCharsets.US_ASCII);
        String rows = "select count(*) from browser_sessions where session_id = ?";
        assertThat(jdbc.queryForObject(rows, Long.class, sessionId)).isEqualTo(1);

        Answer withoutToken = browser.send("DELETE", "/v1/session", Map.of(), null);
        Answer signOut = browser.send("DELETE", "/v1/session", Map.of("X-CSRF-Token", token), null);

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(signOut.status()).isEqualTo(204);
        assertThat(browser.send("GET", "/v1/session", Map.of(), null).status()).isEqualTo(401);
        assertThat(browser.send("GET", "/v1/learners/lea/overrides", Map.of(), null)
                        .status())
                .isEqualTo(401);
        assertThat(jdbc.queryForObject(rows, Long.class, sessionId)).isZero();
    }

    @Test
    void signingInAgainGivesANewSessionAndTheOldCookieNoLongerWorks() {
        browser.signIn(keys.get(Role.TEACHER));
        HttpCookie first = browser.sessionCookie();

        browser.signIn(keys.get(Role.CURRICULUM));
        HttpCookie second = browser.sessionCookie();
        Browser stale = new Browser();
        stale.cookies.getCookieStore().add(URI.create(browser.base), first);

        assertThat(second.getValue()).isNotEqualTo(first.getValue());
        assertThat(browser.send("GET", "/v1/session", Map.of(), null)
                        .json()
                        .path("roles")
                        .toString())
                .isEqualTo("[\"curriculum\"]");
        assertThat(stale.send("GET", "/v1/session", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void revokingTheKeyEndsItsSessionsAtOnce() {
        browser.signIn(keys.get(Role.TEACHER));
        Browser admin = new Browser();
        JsonNode listed = admin.send("GET", "/v1/keys", Map.of("X-Api-Key", keys.get(Role.ADMIN)), null)
                .json();
        String teacherKeyId = null;
        for (JsonNode key : listed) {
            if (key.path("role").asText().equals("teacher")) {
                teacherKeyId = key.path("id").asText();
            }
        }

        assertThat(admin.send("DELETE", "/v1/keys/" + teacherKeyId, Map.of("X-Api-Key", keys.get(Role.ADMIN)), null)
                        .status())
                .isEqualTo(200);

        Answer after = browser.send("GET", "/v1/learners/lea/overrides", Map.of(), null);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().path("detail").asText()).contains("revoked");
        assertThat(browser.send("GET", "/v1/session", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void aSignInSentByAPageOfAnotherSiteIsRefused() {
        Answer crossSite = browser.send(
                "POST",
                "/v1/session",
                Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("apiKey", keys.get(Role.TEACHER)));
        Answer sameOrigin = browser.send(
                "POST",
                "/v1/session",
                Map.of("Sec-Fetch-Site", "same-origin"),
                Map.of("apiKey", keys.get(Role.TEACHER)));

        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.json().path("field").asText()).isEqualTo("Sec-Fetch-Site");
        assertThat(crossSite.header("Set-Cookie")).isNull();
        assertThat(sameOrigin.status()).isEqualTo(200);
    }

    @Test
    void aFormPostCannotSignIn() {
        Answer form = browser.sendRaw(
                "POST", "/v1/session", "application/x-www-form-urlencoded", "apiKey=" + keys.get(Role.TEACHER));

        assertThat(form.status()).isEqualTo(415);
        assertThat(form.header("Set-Cookie")).isNull();
    }

    /** A client that keeps cookies, as a browser does. */
    final class Browser {

        final String base = "http://localhost:" + port;
        final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        Answer signIn(String key) {
            return send("POST", "/v1/session", Map.of(), Map.of("apiKey", key));
        }

        HttpCookie sessionCookie() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("pathwise_session"))
                    .findFirst()
                    .orElseThrow();
        }

        Answer send(String method, String path, Map<String, String> headers, Object body) {
            try {
                return sendRaw(
                        method, path, "application/json", body == null ? null : JSON.writeValueAsString(body), headers);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        Answer sendRaw(String method, String path, String contentType, String body) {
            return sendRaw(method, path, contentType, body, Map.of());
        }

        private Answer sendRaw(
                String method, String path, String contentType, String body, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    record Answer(int status, Map<String, List<String>> headers, String text) {

        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + text, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pathwise-session-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
