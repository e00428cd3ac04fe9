package dev.pathwise.api;

import dev.pathwise.api.config.DefaultPackCompile;
import dev.pathwise.api.operator.AdminCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Pathwise service: REST /v1 over the engine, with persistence, API keys, OpenAPI and metrics. With
 * {@code admin} as its first argument, the operator's command line instead ({@link AdminCommand}).
 *
 * <p>Spring Security's web configuration is left out on purpose: requests are authenticated by the service's own
 * key, session and operator-key checks; Spring Security's OAuth2 client is used for OpenID Connect sign-in only, and
 * its crypto for password hashes. Kafka's auto-configuration is left out too: without {@code pathwise.kafka.enabled} no
 * Kafka bean exists.
 */
@SpringBootApplication(
        excludeName = {
            "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration",
            "org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
            // Kafka is configured by dev.pathwise.api.stream, only when pathwise.kafka.enabled=true.
            "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration"
        })
public class PathwiseApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication application = new SpringApplication(PathwiseApplication.class);
        // the service's own start (not the tests' contexts): the default pack compiles while the context starts
        application.addInitializers(new DefaultPackCompile());
        application.run(args);
    }
}
