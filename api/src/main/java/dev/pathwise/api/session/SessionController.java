package dev.pathwise.api.session;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /v1/session}: sign in with an API key ({@code POST}), who is signed in ({@code GET}), sign out
 * ({@code DELETE}). The answer to a sign-in sets the session cookie; the key stays on the server.
 */
@RestController
@RequestMapping("/v1/session")
public class SessionController {

    private final BrowserSessions sessions;

    public SessionController(BrowserSessions sessions) {
        this.sessions = sessions;
    }

    /** How to sign in: the API key of the tenant. */
    public record SignIn(String apiKey) {
    }

    @PostMapping
    public BrowserSessions.SessionJson signIn(HttpServletRequest request, @RequestBody SignIn body) {
        sessions.requireSameOrigin(request);
        return sessions.signInWithApiKey(request, body.apiKey());
    }

    @GetMapping
    public BrowserSessions.SessionJson current(HttpServletRequest request) {
        return sessions.current(request);
    }

    /** 204 whether or not there was a session; a session's sign-out needs its CSRF token. */
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
