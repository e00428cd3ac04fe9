package dev.pathwise.api.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.testing.Browser;
import dev.pathwise.api.testing.DistrictFixture;
import dev.pathwise.api.testing.Http;
import dev.pathwise.testidp.TestAuthorizationServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * People sign in through the whole stack: a teacher with a password, and a teacher with the district's OpenID
 * Connect provider (a real Spring Authorization Server the tests start), each into a browser session that reaches
 * the learners of their classes only and records their overrides under their name.
 */
abstract class SignInContract extends DistrictStack {

    static final String REGISTRATION = "district-idp";
    static final String OIDC_TENANT = "oidc-district";

    /** The provider, started once for every context of the run. */
    static final class Idp {
        static final ConfigurableApplicationContext CONTEXT = start();

        private static ConfigurableApplicationContext start() {
            ConfigurableApplicationContext idp = TestAuthorizationServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(idp::close));
            return idp;
        }
    }

    /** Pathwise signs in with the test provider: to be registered by each database's test class. */
    static void openIdConnect(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.registration." + REGISTRATION + ".";
        registry.add(prefix + "client-id", () -> TestAuthorizationServer.CLIENT_ID);
        registry.add(prefix + "client-secret", () -> TestAuthorizationServer.CLIENT_SECRET);
        registry.add(prefix + "scope", () -> "openid,profile,email");
        registry.add(prefix + "authorization-grant-type", () -> "authorization_code");
        registry.add(
                "spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri",
                () -> TestAuthorizationServer.issuer(Idp.CONTEXT));
        registry.add("pathwise.oidc.registrations." + REGISTRATION + ".tenant", () -> OIDC_TENANT);
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aTeacherSignsInWithAPasswordAndReachesOnlyTheLearnersOfTheirClasses() {
        DistrictFixture d = DistrictFixture.create(http, operatorKey);
        Browser browser = new Browser();

        Browser.Page wrong = browser.postJson(
                base() + "/v1/session",
                Map.of("tenant", d.tenantId, "username", "rivera", "password", "not her password"),
                Map.of());
        assertThat(wrong.status()).isEqualTo(401);
        Browser.Page unknown = browser.postJson(
                base() + "/v1/session",
                Map.of("tenant", d.tenantId, "username", "nobody", "password", "not her password"),
                Map.of());
        assertThat(unknown.text()).isEqualTo(wrong.text().replace("rivera", "nobody"));
        JsonNode session = json(
                browser.postJson(
                        base() + "/v1/session",
                        Map.of("tenant", d.tenantId, "username", "rivera", "password", DistrictFixture.RIVERA_PASSWORD),
                        Map.of()),
                200);

        assertThat(session.path("userId").asText()).isEqualTo("rivera");
        assertThat(session.path("displayName").asText()).isEqualTo("Ana María Rivera (rivera)");
        assertThat(session.path("roles")).hasToString("[\"teacher\"]");
        assertThat(session.path("signedInWith").asText()).isEqualTo("password");
        assertThat(session.toString()).doesNotContain(DistrictFixture.RIVERA_PASSWORD);
        assertThat(json(browser.get(base() + "/v1/learners"), 200)
                        .path("learners")
                        .findValuesAsText("id"))
                .containsExactly("leo", "maya");
        assertThat(browser.get(base() + "/v1/learners/zoe").status()).isEqualTo(404);
        Map<String, Object> override = Map.of(
                "kind",
                "SET_LEVEL",
                "competencyId",
                "ratio.concept",
                "level",
                "MASTERED",
                "reason",
                "Explained it to the class");
        assertThat(browser.postJson(base() + "/v1/learners/maya/overrides", override, Map.of())
                        .status())
                .as("no CSRF token")
                .isEqualTo(403);
        JsonNode applied = json(
                browser.postJson(
                        base() + "/v1/learners/maya/overrides",
                        override,
                        Map.of("X-CSRF-Token", session.path("csrfToken").asText())),
                201);
        assertThat(applied.path("override").path("author").asText()).isEqualTo("Ana María Rivera (rivera)");
        assertThat(applied.path("override").path("authorUserId").asText()).isEqualTo("rivera");

        // disabled, her session ends at the next request
        Http.expect(
                http.put(
                        "/v1/users/rivera",
                        d.adminKey,
                        Map.of("username", "rivera", "roles", List.of("teacher"), "status", "disabled")),
                200);
        assertThat(browser.get(base() + "/v1/learners").status()).isEqualTo(401);
    }

    @Test
    void fiveWrongPasswordsInARowHoldTheAccountEvenForTheRightOne() {
        DistrictFixture d = DistrictFixture.create(http, operatorKey);
        Browser browser = new Browser();
        Map<String, String> wrong = Map.of("tenant", d.tenantId, "username", "rivera", "password", "guess");

        for (int i = 0; i < 5; i++) {
            assertThat(browser.postJson(base() + "/v1/session", wrong, Map.of()).status())
                    .isEqualTo(401);
        }
        Browser.Page held = browser.postJson(
                base() + "/v1/session",
                Map.of("tenant", d.tenantId, "username", "rivera", "password", DistrictFixture.RIVERA_PASSWORD),
                Map.of());

        assertThat(held.status()).isEqualTo(401);
        assertThat(http.get("/v1/audit?limit=1000", d.adminKey)
                        .body()
                        .path("events")
                        .findValuesAsText("action"))
                .contains("user.sign-in-held");
    }

    @Test
    void aTeacherSignsInWithTheDistrictsOpenIdConnectProvider() {
        String admin = adminOfTheOidcDistrict();
        TestAuthorizationServer.allowRedirect(Idp.CONTEXT, base() + "/v1/session/oidc/" + REGISTRATION + "/callback");
        Browser browser = new Browser();

        // the browser goes to the provider, signs in there, and comes back
        Browser.Page start = browser.get(base() + "/v1/session/oidc/" + REGISTRATION);
        assertThat(start.status()).isEqualTo(302);
        String issuer = TestAuthorizationServer.issuer(Idp.CONTEXT);
        assertThat(start.location())
                .startsWith(issuer + "/oauth2/authorize?")
                .contains("code_challenge=")
                .contains("nonce=")
                .contains("state=");
        Browser.Page toLogin = browser.get(start.location());
        Browser.Page loginForm = browser.get(
                URI.create(start.location()).resolve(toLogin.location()).toString());
        Browser.Page loggedIn = browser.postForm(
                issuer + "/login",
                Map.of(
                        "username",
                        TestAuthorizationServer.USERNAME,
                        "password",
                        TestAuthorizationServer.PASSWORD,
                        "_csrf",
                        csrf(loginForm.text())));
        assertThat(loggedIn.status()).as(loggedIn.text()).isEqualTo(302);
        Browser.Page back =
                browser.get(URI.create(issuer).resolve(loggedIn.location()).toString());
        assertThat(back.location())
                .as(back.text())
                .startsWith(base() + "/v1/session/oidc/" + REGISTRATION + "/callback?code=");
        Browser.Page callback = browser.get(back.location());
        assertThat(callback.status()).as(callback.text()).isEqualTo(302);
        assertThat(callback.location()).isEqualTo("/");

        JsonNode session = json(browser.get(base() + "/v1/session"), 200);
        assertThat(session.path("tenantId").asText()).isEqualTo(OIDC_TENANT);
        assertThat(session.path("userId").asText()).isEqualTo("oidc-teacher");
        assertThat(session.path("signedInWith").asText()).isEqualTo("openid-connect");
        assertThat(json(browser.get(base() + "/v1/learners"), 200)
                        .path("learners")
                        .findValuesAsText("id"))
                .containsExactly("kai");
        assertThat(browser.get(base() + "/v1/learners/lia").status()).isEqualTo(404);

        // the same callback again (a replayed code and state) is refused, and signs nobody in
        Browser other = new Browser();
        Browser.Page replayed = other.get(back.location());
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(other.get(base() + "/v1/session").status()).isEqualTo(401);
        assertThat(http.get("/v1/audit?limit=1000", admin).status()).isEqualTo(200);
    }

    /** The tenant the provider signs in to, made once per database: a teacher (by e-mail) with a class of one. */
    private String adminOfTheOidcDistrict() {
        Http.Response existing = http.exchange(
                "GET", "/v1/operator/tenants/" + OIDC_TENANT, Map.of("X-Operator-Key", operatorKey), null);
        if (existing.status() == 200) {
            return Http.expect(
                            http.exchange(
                                    "POST",
                                    "/v1/operator/tenants/" + OIDC_TENANT + "/keys",
                                    Map.of("X-Operator-Key", operatorKey),
                                    Map.of()),
                            201)
                    .text("key");
        }
        String admin = bareDistrict(OIDC_TENANT);
        Http.expect(http.post("/v1/schools", admin, Map.of("id", "hill", "name", "Hill School")), 201);
        Http.expect(
                http.post(
                        "/v1/users",
                        admin,
                        Map.of(
                                "id",
                                "oidc-teacher",
                                "username",
                                "arivera",
                                "email",
                                TestAuthorizationServer.EMAIL.toUpperCase(),
                                "roles",
                                List.of("teacher"))),
                201);
        String platform = Http.expect(http.post("/v1/keys", admin, Map.of("role", "platform")), 201)
                .text("key");
        for (String learner : List.of("kai", "lia")) {
            Http.expect(http.put("/v1/learners/" + learner, platform, Map.of("grade", 3, "schoolId", "hill")), 200);
        }
        Http.expect(
                http.post(
                        "/v1/classes",
                        admin,
                        Map.of(
                                "id",
                                "hill-3",
                                "schoolId",
                                "hill",
                                "title",
                                "Grade 3",
                                "teacherIds",
                                List.of("oidc-teacher"),
                                "learnerIds",
                                List.of("kai"))),
                201);
        return admin;
    }

    private static String csrf(String html) {
        Matcher matcher =
                Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as(html).isTrue();
        return matcher.group(1);
    }

    private static JsonNode json(Browser.Page page, int status) {
        assertThat(page.status()).as(page.text()).isEqualTo(status);
        return page.json();
    }
}
