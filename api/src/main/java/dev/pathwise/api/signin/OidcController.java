package dev.pathwise.api.signin;

import dev.pathwise.api.session.BrowserSessions;
import dev.pathwise.api.users.UserRepository;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/session/oidc/{registration}}: sign-in with the district's OpenID Connect provider. The first request
 * sends the browser to the provider; the provider sends it back to {@code .../callback}, which opens the same
 * browser session as a password sign-in and sends the browser to the console.
 */
@RestController
@RequestMapping("/v1/session/oidc/{registration}")
public class OidcController {

    private final OidcSignIn oidc;
    private final BrowserSessions sessions;

    public OidcController(OidcSignIn oidc, BrowserSessions sessions) {
        this.oidc = oidc;
        this.sessions = sessions;
    }

    /** 302 to the provider's authorization endpoint. */
    @Operation(
            operationId = "startOidcSignIn",
            summary = "Sign in with OpenID Connect",
            description = "Redirects to the district's identity provider.")
    @GetMapping
    public ResponseEntity<Void> start(
            HttpServletRequest request, HttpServletResponse response, @PathVariable String registration) {
        sessions.requireSameOrigin(request);
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(oidc.start(request, response, registration)))
                .build();
    }

    /** The provider's answer: signed in, 302 to the console; refused, a 401 problem that says why. */
    @Operation(
            operationId = "finishOidcSignIn",
            summary = "OpenID Connect callback",
            description = "The identity provider returns here; opens a browser session.")
    @GetMapping("/callback")
    public ResponseEntity<Void> callback(
            HttpServletRequest request, HttpServletResponse response, @PathVariable String registration) {
        UserRepository.User user = oidc.finish(request, response, registration);
        sessions.signInAsUser(request, user, BrowserSessions.METHOD_OIDC);
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/")).build();
    }
}
