package dev.pathwise.api.config;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.DeserializationFeature;

import dev.pathwise.api.session.BrowserSessions;
import dev.pathwise.api.session.SessionInterceptor;
import dev.pathwise.api.tenant.ApiKeyAuthenticator;
import dev.pathwise.api.tenant.ApiKeyInterceptor;
import dev.pathwise.api.tenant.CallerArgumentResolver;

/** A browser session or an API key on every {@code /v1} endpoint; strict JSON request bodies. */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    /** Signing in and out is the session's own business: no key, and its own CSRF rule. */
    private static final String SESSION = "/v1/session";

    private final ApiKeyAuthenticator authenticator;
    private final BrowserSessions sessions;

    public WebConfig(ApiKeyAuthenticator authenticator, BrowserSessions sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // The CASE REST binding (/ims/case/v1p0/...) is read with the same keys (or session) as /v1.
        registry.addInterceptor(new SessionInterceptor(sessions)).addPathPatterns("/v1/**", "/ims/case/**")
                .excludePathPatterns(SESSION);
        registry.addInterceptor(new ApiKeyInterceptor(authenticator)).addPathPatterns("/v1/**", "/ims/case/**")
                .excludePathPatterns(SESSION);
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
                jackson.setObjectMapper(jackson.getObjectMapper().copy()
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
