package dev.pathwise.api.signin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.tenant.ApiKeys;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Repository;

/**
 * The {@code sign_in_requests} table: OpenID Connect authorization requests in progress, found again by the
 * {@code state} the provider sends back, and only from the browser that started them (its {@value #COOKIE} cookie,
 * SameSite=Lax so that it comes back from the provider; kept here as a hash). Used at most once, for at most
 * {@link #LIFETIME}.
 */
@Repository
public class SignInRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "pathwise_sign_in";
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public SignInRequests(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The request as stored: every part of it, all text. */
    record Stored(
            String authorizationUri,
            String clientId,
            String redirectUri,
            Set<String> scopes,
            String state,
            Map<String, Object> additionalParameters,
            Map<String, Object> attributes,
            String authorizationRequestUri) {}

    @Override
    public void saveAuthorizationRequest(
            OAuth2AuthorizationRequest request, HttpServletRequest http, HttpServletResponse response) {
        if (request == null) {
            removeAuthorizationRequest(http, response);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("delete from sign_in_requests where created_at < :before")
                .param("before", now.minus(LIFETIME))
                .update();
        String browser = dev.pathwise.api.tenant.KeyService.newSecret();
        jdbc.sql("insert into sign_in_requests (state_hash, browser_hash, registration_id, request, created_at)"
                        + " values (:s, :b, :r, :q, :at)")
                .param("s", ApiKeys.hash(request.getState()))
                .param("b", ApiKeys.hash(browser))
                .param("r", String.valueOf(request.getAttributes().get(OAuth2ParameterNames.REGISTRATION_ID)))
                .param("q", write(request))
                .param("at", now)
                .update();
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(COOKIE, browser)
                        .httpOnly(true)
                        .sameSite("Lax")
                        .secure(http.isSecure())
                        .path(OidcSignIn.BASE_URI)
                        .maxAge(LIFETIME)
                        .build()
                        .toString());
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest http) {
        return find(http, false);
    }

    /** The request this browser started with the state the provider sent back, used up; null when there is none. */
    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(
            HttpServletRequest http, HttpServletResponse response) {
        OAuth2AuthorizationRequest request = find(http, true);
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(COOKIE, "")
                        .httpOnly(true)
                        .sameSite("Lax")
                        .secure(http.isSecure())
                        .path(OidcSignIn.BASE_URI)
                        .maxAge(0)
                        .build()
                        .toString());
        return request;
    }

    private OAuth2AuthorizationRequest find(HttpServletRequest http, boolean remove) {
        String state = http.getParameter(OAuth2ParameterNames.STATE);
        String browser = cookie(http);
        if (state == null || browser == null) {
            return null;
        }
        String stateHash = ApiKeys.hash(state);
        OffsetDateTime oldest =
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(LIFETIME);
        var stored = jdbc.sql("select request from sign_in_requests where state_hash = :s and browser_hash = :b"
                        + " and created_at >= :oldest")
                .param("s", stateHash)
                .param("b", ApiKeys.hash(browser))
                .param("oldest", oldest)
                .query(String.class)
                .optional();
        if (remove) {
            jdbc.sql("delete from sign_in_requests where state_hash = :s")
                    .param("s", stateHash)
                    .update();
        }
        return stored.map(this::read).orElse(null);
    }

    private static String cookie(HttpServletRequest http) {
        Cookie[] cookies = http.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private String write(OAuth2AuthorizationRequest r) {
        try {
            return json.writeValueAsString(new Stored(
                    r.getAuthorizationUri(),
                    r.getClientId(),
                    r.getRedirectUri(),
                    r.getScopes(),
                    r.getState(),
                    r.getAdditionalParameters(),
                    r.getAttributes(),
                    r.getAuthorizationRequestUri()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not store the authorization request", e);
        }
    }

    private OAuth2AuthorizationRequest read(String text) {
        try {
            Stored s = json.readValue(text, Stored.class);
            return OAuth2AuthorizationRequest.authorizationCode()
                    .authorizationUri(s.authorizationUri())
                    .clientId(s.clientId())
                    .redirectUri(s.redirectUri())
                    .scopes(new LinkedHashSet<>(s.scopes()))
                    .state(s.state())
                    .additionalParameters(new LinkedHashMap<>(s.additionalParameters()))
                    .attributes(new LinkedHashMap<>(s.attributes()))
                    .authorizationRequestUri(s.authorizationRequestUri())
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored authorization request is not valid JSON", e);
        }
    }
}
