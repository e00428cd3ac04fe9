package dev.pathwise.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.pathwise.api.classes.ClassScopeInterceptor;
import dev.pathwise.api.classes.EnrollmentRepository;
import dev.pathwise.api.operator.OperatorKeyInterceptor;
import dev.pathwise.api.operator.OperatorKeys;
import dev.pathwise.api.session.BrowserSessions;
import dev.pathwise.api.session.SessionInterceptor;
import dev.pathwise.api.tenant.ApiKeyAuthenticator;
import dev.pathwise.api.tenant.ApiKeyInterceptor;
import dev.pathwise.api.tenant.CallerArgumentResolver;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A browser session or an API key on every {@code /v1} endpoint but the operator's (which take an operator key) and
 * signing in and out; then the teacher's class scope; strict JSON request bodies.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    /** Signing in and out is the session's own business: no key, and its own CSRF rule. */
    private static final String SESSION = "/v1/session";
    /** Sign-in with OpenID Connect: the browser comes and goes without a key or a session yet. */
    private static final String SESSION_OIDC = "/v1/session/oidc/**";

    private static final String OPERATOR = "/v1/operator/**";

    private final ApiKeyAuthenticator authenticator;
    private final BrowserSessions sessions;
    private final EnrollmentRepository enrollments;
    private final OperatorKeys operatorKeys;

    public WebConfig(
            ApiKeyAuthenticator authenticator,
            BrowserSessions sessions,
            EnrollmentRepository enrollments,
            OperatorKeys operatorKeys) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.enrollments = enrollments;
        this.operatorKeys = operatorKeys;
    }

    /** The session or the key first (who is calling), then the teacher's classes (which learners they may reach). */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // The CASE REST binding (/ims/case/v1p0/...) is read with the same keys (or session) as /v1.
        registry.addInterceptor(new SessionInterceptor(sessions))
                .addPathPatterns("/v1/**", "/ims/case/**")
                .excludePathPatterns(SESSION, SESSION_OIDC, OPERATOR);
        registry.addInterceptor(new ApiKeyInterceptor(authenticator))
                .addPathPatterns("/v1/**", "/ims/case/**")
                .excludePathPatterns(SESSION, SESSION_OIDC, OPERATOR);
        registry.addInterceptor(new ClassScopeInterceptor(enrollments))
                .addPathPatterns("/v1/**")
                .excludePathPatterns(SESSION, SESSION_OIDC, OPERATOR);
        registry.addInterceptor(new OperatorKeyInterceptor(operatorKeys)).addPathPatterns(OPERATOR);
    }

    /**
     * Request bodies refuse unknown fields (a misspelt {@code observedat} would otherwise be lost without a word) and
     * anything after the document ({@code {...}{...}}).
     * Only the HTTP reader is strict: stored JSON is read leniently so that older rows stay readable.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                jackson.setObjectMapper(jackson.getObjectMapper()
                        .copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
            }
        }
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
