package dev.pathwise.api.limits;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The limits of JSON read by the service: nesting depth, number and string length, no NUL character in text (which
 * PostgreSQL cannot store), and the request body size filter. NaN and Infinity are refused too: as bare tokens Jackson
 * refuses them, as strings ("NaN") the score check does. A key given twice in one object is refused (which value would
 * win is otherwise up to the parser).
 */
@Configuration(proxyBeanMethods = false)
public class JsonLimits {

    /** Deep enough for every document of the API (a framework is 4 levels), shallow enough to stop a stack attack. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Digits in one number: more than any double needs. */
    public static final int MAX_NUMBER_LENGTH = 64;
    /** Characters in one JSON string (the body limit bounds it further). */
    public static final int MAX_STRING_LENGTH = 1_000_000;

    public static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .build();

    @Bean
    Jackson2ObjectMapperBuilderCustomizer jsonReadLimits() {
        return builder -> builder.deserializerByType(String.class, new TextWithoutNul())
                .deserializerByType(Instant.class, new IsoInstant())
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> {
                    mapper.getFactory().setStreamReadConstraints(CONSTRAINTS);
                    // "observedAt": "" is a malformed time, not an absent one.
                    mapper.coercionConfigFor(LogicalType.DateTime)
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                });
    }

    /** Tomcat's own refusals as problem+json too (see {@link ProblemErrorReportValve}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(
            @Value("${pathwise.limits.max-body-bytes:2097152}") long maxBodyBytes,
            @Value("${pathwise.limits.max-roster-bytes:52428800}") long maxRosterBytes,
            @Value("${pathwise.limits.max-case-package-bytes:33554432}") long maxCasePackageBytes,
            ObjectMapper json) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(new RequestSizeFilter(
                maxBodyBytes,
                java.util.Map.of("/v1/frameworks/case", maxCasePackageBytes, "/v1/rosters/", maxRosterBytes),
                json));
        registration.addUrlPatterns("/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ContentTypeFilter> contentTypeFilter(ObjectMapper json) {
        FilterRegistrationBean<ContentTypeFilter> registration =
                new FilterRegistrationBean<>(new ContentTypeFilter(json));
        registration.addUrlPatterns("/v1/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /**
     * A time as an ISO-8601 text only: a number would be read as epoch seconds, and a huge one ({@code 1e400})
     * overflows into some unrelated time instead of being refused.
     */
    static final class IsoInstant extends StdScalarDeserializer<Instant> {

        private static final long serialVersionUID = 1L;

        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                return InstantDeserializer.INSTANT.deserialize(parser, context);
            }
            return (Instant) context.handleUnexpectedToken(
                    Instant.class,
                    parser.currentToken(),
                    parser,
                    "a time is an ISO-8601 text such as \"2026-01-31T10:15:30Z\"");
        }
    }

    /** Strings as usual, but a NUL character (U+0000) is refused: no database column should hold one. */
    static final class TextWithoutNul extends StringDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                return (String) context.handleWeirdStringValue(
                        String.class, text.replace('\u0000', '?'), "text may not hold the NUL character (U+0000)");
            }
            return text;
        }
    }
}
