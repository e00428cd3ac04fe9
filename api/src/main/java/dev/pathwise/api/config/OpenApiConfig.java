package dev.pathwise.api.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description at {@code /v3/api-docs}, with the API key scheme so Swagger UI can send it, the browser
 * session cookie as the other way in, and the operator key scheme of {@code /v1/operator}.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    OpenAPI pathwiseOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Pathwise API").version("v1")
                        .description("Rule-driven adaptive pathways: evidence in, mastery and next steps out."))
                .components(new Components().addSecuritySchemes("apiKey", new SecurityScheme()
                                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-Api-Key"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("pathwise_session")
                                .description("A browser session opened by POST /v1/session; unsafe requests also"
                                        + " send its csrfToken in the X-CSRF-Token header"))
                        .addSecuritySchemes("operatorKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Operator-Key")
                                .description("The deployment's operators: /v1/operator endpoints and metrics")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }
}
