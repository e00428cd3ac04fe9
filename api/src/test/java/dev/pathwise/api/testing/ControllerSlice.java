package dev.pathwise.api.testing;

import dev.pathwise.api.config.WebConfig;
import dev.pathwise.api.limits.JsonLimits;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A web slice of one controller with the service's real HTTP edge: the key and role checks, the session and class
 * scope interceptors and the strict JSON reader ({@link WebConfig}), the JSON limits and Content-Type and body size
 * filters ({@link JsonLimits}), and the problem answers of {@code ProblemAdvice}. Keys are looked up in
 * {@link SliceKeys} instead of the database; the controller's services are left to the test ({@code @MockitoBean}).
 * Spring Security's web configuration is left out, as the application leaves it out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(
        excludeAutoConfiguration = {
            SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class,
            OAuth2ClientWebSecurityAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class
        })
@Import({WebConfig.class, JsonLimits.class, SliceKeys.Edge.class})
public @interface ControllerSlice {

    /** The controller under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
