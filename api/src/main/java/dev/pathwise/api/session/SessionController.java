package dev.pathwise.api.session;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.signin.PasswordSignIn;
import dev.pathwise.api.users.UserRepository;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/session}: sign in with a username and password or an API key ({@code POST}), who is signed in
 * ({@code GET}), sign out ({@code DELETE}). The answer to a sign-in sets the session cookie; nothing secret is in
 * it. Sign-in with OpenID Connect starts at {@code GET /v1/session/oidc/{registration}}.
 */
@RestController
@RequestMapping("/v1/session")
public class SessionController {

    private final BrowserSessions sessions;
    private final PasswordSignIn passwords;

    public SessionController(BrowserSessions sessions, PasswordSignIn passwords) {
        this.sessions = sessions;
        this.passwords = passwords;
    }

    /**
     * How to sign in: a person's username and password ({@code tenant} needed only when the username is used in
     * several districts), or an API key.
     */
    public record SignIn(String apiKey, String username, String password, String tenant) {}

    @Operation(
            operationId = "signIn",
            summary = "Sign in with a password",
            description = "Opens a browser session (cookie) and answers with its CSRF token.")
    @PostMapping
    public BrowserSessions.SessionJson signIn(HttpServletRequest request, @RequestBody SignIn body) {
        sessions.requireSameOrigin(request);
        boolean person = body.username() != null || body.password() != null;
        if (person && body.apiKey() != null) {
            throw ApiProblem.invalid(
                    "apiKey", null, "apiKey: send either an API key or a username and password," + " not both");
        }
        if (person) {
            UserRepository.User user = passwords.signIn(body.tenant(), body.username(), body.password());
            return sessions.signInAsUser(request, user, BrowserSessions.METHOD_PASSWORD);
        }
        return sessions.signInWithApiKey(request, body.apiKey());
    }

    @Operation(operationId = "getSession", summary = "The browser session's person and roles")
    @GetMapping
    public BrowserSessions.SessionJson current(HttpServletRequest request) {
        return sessions.current(request);
    }

    /** 204 whether or not there was a session; a session's sign-out needs its CSRF token. */
    @Operation(operationId = "signOut", summary = "Sign out")
    @DeleteMapping
    public ResponseEntity<Void> signOut(HttpServletRequest request) {
        sessions.requireSameOrigin(request);
        if (sessions.caller(request).isPresent()) {
            sessions.requireCsrfToken(request);
        }
        sessions.signOut(request);
        return ResponseEntity.noContent().build();
    }
}
