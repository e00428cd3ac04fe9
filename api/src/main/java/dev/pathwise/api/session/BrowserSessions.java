package dev.pathwise.api.session;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.ApiKeyAuthenticator;
import dev.pathwise.api.tenant.ApiKeys;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.api.tenant.TenantService;
import dev.pathwise.api.users.UserCallers;
import dev.pathwise.api.users.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Signs a caller into a browser session (with an API key, or as a person after their password or OpenID Connect
 * identity was checked), finds the caller of a session, checks CSRF tokens and signs out.
 *
 * <p>A session signed in with an API key keeps the key's SHA-256 hash (never the key) and looks the key up again on
 * every request, so a revoked key ends its sessions at once. Each sign-in gets a new session id (no fixation) and a
 * new random CSRF token; an unsafe request authenticated by the session must send the token in {@link #CSRF_HEADER}.
 */
@Component
public class BrowserSessions {

    /** The header an unsafe request sends its session's CSRF token in. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    static final String METHOD_API_KEY = "api-key";
    /** A person signed in with their username and password. */
    public static final String METHOD_PASSWORD = "password";
    /** A person signed in with the district's OpenID Connect provider. */
    public static final String METHOD_OIDC = "openid-connect";

    private static final String METHOD = "pathwise.session.method";
    private static final String KEY_HASH = "pathwise.session.keyHash";
    private static final String CSRF = "pathwise.session.csrf";
    private static final String DISPLAY_NAME = "pathwise.session.displayName";
    private static final String SIGNED_IN_AT = "pathwise.session.signedInAt";
    private static final String TENANT = "pathwise.session.tenant";
    private static final String USER = "pathwise.session.user";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyAuthenticator keys;
    private final UserCallers users;
    private final TenantService tenants;
    private final Clock clock;

    public BrowserSessions(ApiKeyAuthenticator keys, UserCallers users, TenantService tenants, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Who is signed in, as the console shows it.
     *
     * @param roles        the caller's roles ({@code teacher}, {@code curriculum}, {@code admin}, {@code platform})
     * @param userId       the person signed in ({@code null} for an API key of the tenant)
     * @param signedInWith how the session was opened: {@code api-key}, {@code password} or {@code openid-connect}
     * @param csrfToken    the token every unsafe request of this session sends in {@code X-CSRF-Token}
     * @param idleTimeoutSeconds the session ends after this long without a request
     */
    public record SessionJson(
            String tenantId,
            String tenantName,
            List<String> roles,
            String displayName,
            String userId,
            String signedInWith,
            Instant signedInAt,
            int idleTimeoutSeconds,
            String csrfToken) {}

    /** Opens a session for the holder of the API key: 401 when the key is unknown or revoked. */
    public SessionJson signInWithApiKey(HttpServletRequest request, String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw ApiProblem.invalid(
                    "apiKey",
                    null,
                    "apiKey: is required; send {\"apiKey\": \"...\"} with the API key" + " of your tenant");
        }
        if (apiKey.length() > 200) {
            throw ApiProblem.invalid(
                    "apiKey",
                    null,
                    "apiKey: " + apiKey.length() + " characters is longer than any" + " API key (at most 200)");
        }
        String hash = ApiKeys.hash(apiKey.strip());
        Caller caller = keys.authenticateHash(hash)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.UNAUTHORIZED,
                        "unauthorized",
                        "apiKey",
                        null,
                        "apiKey: the key is unknown or revoked; check it or ask your admin" + " for a key",
                        null));
        HttpSession session = open(request, METHOD_API_KEY, caller.author());
        session.setAttribute(KEY_HASH, hash);
        return describe(session, caller);
    }

    /**
     * Opens a session for a person whose password or OpenID Connect identity was checked: the session keeps who
     * they are (tenant and user id), and their roles are read again on every request.
     */
    public SessionJson signInAsUser(HttpServletRequest request, UserRepository.User user, String method) {
        Caller caller = users.caller(user.tenantId(), user.id(), method)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.UNAUTHORIZED,
                        "unauthorized",
                        "user",
                        null,
                        "user '" + user.username() + "' is disabled;" + " ask your admin",
                        null));
        HttpSession session = open(request, method, caller.author());
        session.setAttribute(TENANT, user.tenantId());
        session.setAttribute(USER, user.id());
        return describe(session, caller);
    }

    /** A new session (never the old one: no fixation) with a new CSRF token. */
    private HttpSession open(HttpServletRequest request, String method, String displayName) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(METHOD, method);
        session.setAttribute(CSRF, newToken());
        session.setAttribute(DISPLAY_NAME, displayName);
        session.setAttribute(SIGNED_IN_AT, clock.instant().toString());
        return session;
    }

    /** The caller of the request's session, if it has one that is still valid. */
    public Optional<Caller> caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(USER) instanceof String userId
                && session.getAttribute(TENANT) instanceof String tenantId) {
            Optional<Caller> person = users.caller(tenantId, userId, String.valueOf(session.getAttribute(METHOD)));
            if (person.isEmpty()) {
                throw ended(session, "the user of this session was disabled or removed; the session has ended");
            }
            return person;
        }
        if (session == null || !(session.getAttribute(KEY_HASH) instanceof String hash)) {
            return Optional.empty();
        }
        Optional<Caller> caller = keys.authenticateHash(hash);
        if (caller.isEmpty()) {
            throw ended(
                    session,
                    "the API key this session was signed in with has been revoked; the session has ended, sign in"
                            + " again (POST /v1/session)");
        }
        return caller;
    }

    /** Ends a session whose caller is gone; the 401 says why. */
    private static ApiProblem ended(HttpSession session, String why) {
        session.invalidate();
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "not-signed-in", "session", null, why, null);
    }

    /** The session as JSON: 401 when the request has no valid session. */
    public SessionJson current(HttpServletRequest request) {
        Caller caller = caller(request)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.UNAUTHORIZED,
                        "not-signed-in",
                        "session",
                        null,
                        "not signed in (no session, or it ended): sign in with POST /v1/session"
                                + " {\"username\": \"...\", \"password\": \"...\"} or {\"apiKey\": \"...\"}, or with your district's"
                                + " provider at GET /v1/session/oidc/{registration}",
                        null));
        return describe(request.getSession(false), caller);
    }

    /**
     * Refuses an unsafe request of a session (POST, PUT, PATCH, DELETE) unless it sends the session's CSRF token in
     * {@link #CSRF_HEADER}: a page of another site can make the browser send the cookie, but cannot read the token.
     */
    public void requireCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(CSRF);
        String sent = request.getHeader(CSRF_HEADER);
        if (sent == null || sent.isBlank()) {
            throw csrf("header " + CSRF_HEADER + " is missing; a request signed in by the session cookie sends the"
                    + " csrfToken of GET /v1/session in " + CSRF_HEADER);
        }
        if (!(expected instanceof String token)
                || !MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8), sent.strip().getBytes(StandardCharsets.UTF_8))) {
            throw csrf("header " + CSRF_HEADER + " does not match this session's token; read it again from GET"
                    + " /v1/session");
        }
    }

    /** Ends the request's session, if any. */
    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** Refuses a sign-in sent by a page of another site (the browser says so in Sec-Fetch-Site). */
    public void requireSameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "cross-site-request",
                    "Sec-Fetch-Site",
                    site,
                    "Sec-Fetch-Site: '" + site + "'; sessions are opened and closed from the console's own pages"
                            + " only",
                    null);
        }
    }

    private SessionJson describe(HttpSession session, Caller caller) {
        return new SessionJson(
                caller.tenantId(),
                tenants.name(caller.tenantId()),
                Role.labels(caller.roles()),
                caller.author(),
                caller.authorUserId(),
                String.valueOf(session.getAttribute(METHOD)),
                Instant.parse(String.valueOf(session.getAttribute(SIGNED_IN_AT))),
                session.getMaxInactiveInterval(),
                String.valueOf(session.getAttribute(CSRF)));
    }

    private static ApiProblem csrf(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "csrf-token", CSRF_HEADER, null, detail, null);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
