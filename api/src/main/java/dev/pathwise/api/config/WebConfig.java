package dev.pathwise.api.config;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.DeserializationFeature;

import dev.pathwise.api.classes.ClassScopeInterceptor;
import dev.pathwise.api.classes.EnrollmentRepository;
import dev.pathwise.api.operator.OperatorKeyInterceptor;
import dev.pathwise.api.operator.OperatorKeys;
import dev.pathwise.api.tenant.ApiKeyAuthenticator;
import dev.pathwise.api.tenant.ApiKeyInterceptor;
import dev.pathwise.api.tenant.CallerArgumentResolver;

/**
 * API keys on every {@code /v1} endpoint but the operator's (which take an operator key), then the teacher's class
 * scope; strict JSON request bodies.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private final ApiKeyAuthenticator authenticator;
    private final EnrollmentRepository enrollments;
    private final OperatorKeys operatorKeys;

    public WebConfig(ApiKeyAuthenticator authenticator, EnrollmentRepository enrollments, OperatorKeys operatorKeys) {
        this.authenticator = authenticator;
        this.enrollments = enrollments;
        this.operatorKeys = operatorKeys;
    }

    /** The key first (who is calling), then the teacher's classes (which learners they may reach). */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiKeyInterceptor(authenticator)).addPathPatterns("/v1/**")
                .excludePathPatterns("/v1/operator/**");
        registry.addInterceptor(new ClassScopeInterceptor(enrollments)).addPathPatterns("/v1/**")
                .excludePathPatterns("/v1/operator/**");
        registry.addInterceptor(new OperatorKeyInterceptor(operatorKeys)).addPathPatterns("/v1/operator/**");
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
