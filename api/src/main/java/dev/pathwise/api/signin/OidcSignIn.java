package dev.pathwise.api.signin;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.ApiKeyAuthenticator;
import dev.pathwise.api.tenant.TenantService;
import dev.pathwise.api.users.UserIdentities;
import dev.pathwise.api.users.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in with OpenID Connect, with Spring Security's OAuth2 client doing the protocol: the authorization request
 * (state, nonce, PKCE) is kept until the provider sends the browser back ({@link SignInRequests}); the code is
 * exchanged for tokens, the ID token's signature (the provider's published keys), issuer, audience, expiry and nonce
 * are checked. The identity then finds its user: by the link made at an earlier sign-in, else by the claim the
 * registration matches on (a verified e-mail address, or the username), and is linked for next time.
 */
@Service
public class OidcSignIn {

    static final String BASE_URI = "/v1/session/oidc";

    private final ClientRegistrationRepository registrations;
    private final OidcProviders.Settings settings;
    private final UserRepository users;
    private final UserIdentities identities;
    private final TenantService tenants;
    private final Clock clock;
    private final DefaultOAuth2AuthorizationRequestResolver resolver;
    private final SignInRequests inFlight;
    private final OidcAuthorizationCodeAuthenticationProvider provider =
            new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), new OidcUserService());

    public OidcSignIn(
            ClientRegistrationRepository registrations,
            OidcProviders.Settings settings,
            UserRepository users,
            UserIdentities identities,
            TenantService tenants,
            SignInRequests inFlight,
            Clock clock) {
        this.inFlight = inFlight;
        this.registrations = registrations;
        this.settings = settings;
        this.users = users;
        this.identities = identities;
        this.tenants = tenants;
        this.clock = clock;
        this.resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, BASE_URI);
        this.resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    }

    /** Starts a sign-in: keeps the request in the session and answers where to send the browser. */
    public String start(HttpServletRequest request, HttpServletResponse response, String registrationId) {
        ClientRegistration registration = require(registrationId);
        OAuth2AuthorizationRequest authorization = resolver.resolve(request, registration.getRegistrationId());
        inFlight.saveAuthorizationRequest(authorization, request, response);
        return authorization.getAuthorizationRequestUri();
    }

    /** Finishes a sign-in when the provider sends the browser back: the user it signs in. */
    @Transactional
    public UserRepository.User finish(HttpServletRequest request, HttpServletResponse response, String registrationId) {
        ClientRegistration registration = require(registrationId);
        String error = request.getParameter(OAuth2ParameterNames.ERROR);
        OAuth2AuthorizationRequest authorization = inFlight.removeAuthorizationRequest(request, response);
        if (error != null) {
            throw refused("the provider refused the sign-in: " + error
                    + describe(request.getParameter(OAuth2ParameterNames.ERROR_DESCRIPTION)));
        }
        if (authorization == null
                || !registrationId.equals(authorization.getAttribute(OAuth2ParameterNames.REGISTRATION_ID))) {
            throw refused("no sign-in with '" + registrationId + "' is in progress in this browser (it expired, or"
                    + " was started elsewhere); start again at " + BASE_URI + "/" + registrationId);
        }
        String code = request.getParameter(OAuth2ParameterNames.CODE);
        if (code == null) {
            throw refused("the provider sent no authorization code back");
        }
        OAuth2AuthorizationResponse answer = OAuth2AuthorizationResponse.success(code)
                .redirectUri(authorization.getRedirectUri())
                .state(request.getParameter(OAuth2ParameterNames.STATE))
                .build();
        OidcUser identity;
        try {
            var authenticated =
                    (OAuth2LoginAuthenticationToken) provider.authenticate(new OAuth2LoginAuthenticationToken(
                            registration, new OAuth2AuthorizationExchange(authorization, answer)));
            identity = (OidcUser) authenticated.getPrincipal();
        } catch (OAuth2AuthenticationException e) {
            throw refused("the provider's answer was refused: " + e.getError().getErrorCode()
                    + describe(e.getError().getDescription()));
        } catch (AuthenticationException e) {
            throw refused("the provider's answer was refused: " + e.getMessage());
        }
        return user(registrationId, identity);
    }

    private UserRepository.User user(String registrationId, OidcUser identity) {
        OidcProviders.Settings.Registration setting =
                settings.getRegistrations().get(registrationId);
        String tenantId = setting.getTenant();
        ApiKeyAuthenticator.requireActiveTenant(
                tenantId, tenants.require(tenantId).status());
        String issuer = String.valueOf(identity.getIssuer());
        String subject = identity.getSubject();
        var linked = identities.userOf(tenantId, issuer, subject).flatMap(id -> users.find(tenantId, id));
        UserRepository.User user = linked.orElseGet(() -> match(tenantId, setting, identity));
        if (linked.isEmpty()) {
            identities.link(tenantId, issuer, subject, user.id(), registrationId, clock.instant());
        }
        if (!user.active()) {
            throw refused("user '" + user.username() + "' is disabled; ask your admin");
        }
        users.signedIn(tenantId, user.id(), clock.instant());
        return user;
    }

    private UserRepository.User match(String tenantId, OidcProviders.Settings.Registration setting, OidcUser identity) {
        List<UserRepository.User> found;
        String claim;
        if ("username".equals(setting.getMatch().toLowerCase(Locale.ROOT))) {
            claim = identity.getPreferredUsername();
            found = claim == null
                    ? List.of()
                    : users.byUsername(tenantId, claim).stream().toList();
        } else {
            claim = identity.getEmail();
            if (claim != null && !Boolean.TRUE.equals(identity.getEmailVerified())) {
                throw refused("the provider has not verified the e-mail address " + claim + "; Pathwise signs in a"
                        + " person by a verified address only");
            }
            found = claim == null ? List.of() : users.byEmail(tenantId, claim);
        }
        if (found.size() != 1) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "no-such-user",
                    setting.getMatch(),
                    claim,
                    "the identity ("
                            + setting.getMatch() + " " + claim + ") matches "
                            + (found.isEmpty() ? "no user" : found.size() + " users")
                            + " of this district; ask your admin to create your user with that "
                            + setting.getMatch(),
                    null);
        }
        return found.get(0);
    }

    private ClientRegistration require(String registrationId) {
        ClientRegistration registration = registrations.findByRegistrationId(registrationId);
        if (registration == null) {
            throw ApiProblem.notFound(
                    "registration",
                    registrationId,
                    "registration: no OpenID Connect provider '"
                            + registrationId + "' is configured"
                            + dev.pathwise.engine.spelling.Suggestions.nameHint(
                                    registrationId, settings.getRegistrations().keySet()));
        }
        return registration;
    }

    private static String describe(String description) {
        return description == null ? "" : " (" + description + ")";
    }

    private static ApiProblem refused(String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "oidc", null, detail, null);
    }
}
