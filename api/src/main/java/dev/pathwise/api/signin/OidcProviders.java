package dev.pathwise.api.signin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientPropertiesMapper;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The OpenID Connect providers people sign in with, from Spring Boot's
 * {@code spring.security.oauth2.client.registration.<id>} and {@code provider.<id>.issuer-uri} properties (the
 * provider's metadata discovered from its issuer at start), each tied to the tenant whose users it signs in
 * ({@code pathwise.oidc.registrations.<id>.tenant}) and to the claim that finds the user the first time
 * ({@code match}: {@code email}, the default, or {@code username}). The redirect URI is always the service's own
 * callback, {@code {baseUrl}/v1/session/oidc/{registrationId}/callback}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OAuth2ClientProperties.class, OidcProviders.Settings.class})
public class OidcProviders {

    static final String CALLBACK = "{baseUrl}/v1/session/oidc/{registrationId}/callback";

    /** Pathwise's settings per registration. */
    @ConfigurationProperties("pathwise.oidc")
    public static class Settings {

        private Map<String, Registration> registrations = new LinkedHashMap<>();

        public Map<String, Registration> getRegistrations() {
            return registrations;
        }

        public void setRegistrations(Map<String, Registration> registrations) {
            this.registrations = registrations;
        }

        /** The tenant a provider signs in to, and the claim that finds the user. */
        public static class Registration {

            private String tenant;
            private String match = "email";

            public String getTenant() {
                return tenant;
            }

            public void setTenant(String tenant) {
                this.tenant = tenant;
            }

            public String getMatch() {
                return match;
            }

            public void setMatch(String match) {
                this.match = match;
            }
        }
    }

    /** Every configured registration, with the service's callback as its redirect URI (none configured: empty). */
    @Bean
    ClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties, Settings settings) {
        Map<String, ClientRegistration> byId = new LinkedHashMap<>();
        new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().forEach((id, registration) -> {
            if (settings.getRegistrations().get(id) == null
                    || settings.getRegistrations().get(id).getTenant() == null) {
                throw new IllegalStateException("OpenID Connect registration '" + id + "' signs in to no tenant: set"
                        + " pathwise.oidc.registrations." + id + ".tenant");
            }
            byId.put(
                    id,
                    ClientRegistration.withClientRegistration(registration)
                            .redirectUri(CALLBACK)
                            .build());
        });
        return byId::get;
    }
}
