package dev.pathwise.api.console;

import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's files: {@code /assets/} holds files named by their content hash, cached for a year; the page
 * itself ({@code index.html}) is revalidated on every load, so a new release is picked up at once.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleWebConfig implements WebMvcConfigurer {

    private final String[] staticLocations;

    /** The static locations Spring Boot serves ({@code spring.web.resources.static-locations}). */
    public ConsoleWebConfig(WebProperties web) {
        this.staticLocations = web.getResources().getStaticLocations();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(java.util.Arrays.stream(staticLocations)
                        .map(location -> location.endsWith("/") ? location + "assets/" : location + "/assets/")
                        .toArray(String[]::new))
                .setCacheControl(
                        CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable());
        registry.addResourceHandler("/index.html")
                .addResourceLocations(staticLocations)
                .setCacheControl(CacheControl.noCache());
    }

    @Bean
    FilterRegistrationBean<ConsoleSecurityHeaders> consoleSecurityHeaders() {
        FilterRegistrationBean<ConsoleSecurityHeaders> registration =
                new FilterRegistrationBean<>(new ConsoleSecurityHeaders());
        registration.addUrlPatterns("/*");
        return registration;
    }
}
