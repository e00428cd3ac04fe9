package dev.pathwise.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.operator.OperatorController;
import dev.pathwise.api.tenant.ApiKeyInterceptor;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description at {@code /v3/api-docs}, written for a platform developer: the API key scheme so Swagger UI
 * can send it, the browser session cookie as the other way in, and the operator key of {@code /v1/operator}. Every
 * operation is tagged by its feature, states the roles allowed (in words and as {@code x-roles}) and lists the
 * refusals it can answer, each as {@code application/problem+json} ({@link #PROBLEM}); the caller the service
 * resolves from the key is never a parameter.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    /** The schema of every refusal. */
    public static final String PROBLEM = "Problem";

    private static final String PROBLEM_JSON = "application/problem+json";

    /** Tags in the order a platform developer meets them, with what each holds. */
    private static final Map<String, String> TAGS = tags();

    private static final ObjectMapper EXAMPLES = new ObjectMapper();

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI pathwiseOpenApi() {
        OpenAPI api = new OpenAPI()
                .info(new Info()
                        .title("Pathwise API")
                        .version("v1")
                        .description("Rule-driven adaptive pathways: evidence in, mastery and next steps out. Every"
                                + " request carries the tenant's API key in X-Api-Key (or a browser session); each"
                                + " operation states the roles allowed, admin always among them. Every refusal is"
                                + " application/problem+json naming the field and the value at fault."))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Api-Key"))
                        .addSecuritySchemes(
                                "session",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("pathwise_session")
                                        .description(
                                                "A browser session opened by POST /v1/session; unsafe requests also"
                                                        + " send its csrfToken in the X-CSRF-Token header"))
                        .addSecuritySchemes(
                                "operatorKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-Operator-Key")
                                        .description("The deployment's operators: /v1/operator endpoints and metrics"))
                        .addSchemas(PROBLEM, problemSchema()))
                .servers(List.of(new Server()
                        .url("http://localhost:8080")
                        .description("The service as ./pathwise serve starts it; use your district's URL")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
        TAGS.forEach((name, description) -> api.addTagsItem(new Tag().name(name).description(description)));
        return api;
    }

    /** Tag, roles, refusals and operation id of each operation, from its controller. */
    @Bean
    OperationCustomizer pathwiseOperations() {
        return (operation, handler) -> {
            operation.setTags(List.of(tag(handler)));
            boolean operator = handler.getBeanType().equals(OperatorController.class);
            if (signIn(handler)) {
                operation.addExtension("x-roles", List.of("anyone"));
                operation.setSecurity(List.of());
                return operation;
            }
            String allowed = operator ? "Operators only (X-Operator-Key)." : allowedSentence(roles(handler));
            operation.addExtension("x-roles", operator ? List.of("operator") : Role.labels(roles(handler)));
            operation.setDescription(
                    operation.getDescription() == null ? allowed : operation.getDescription() + "\n\n" + allowed);
            if (operator) {
                operation.setSecurity(List.of(new SecurityRequirement().addList("operatorKey")));
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            if (hasInput(handler)) {
                refusal(responses, "400", "invalid-input (the field and value at fault), invalid-json");
            }
            refusal(responses, "401", "unauthorized: the key is missing or unknown");
            refusal(responses, "403", "forbidden: the caller's role may not call this operation");
            if (Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(PathVariable.class))) {
                refusal(responses, "404", "not-found: no such resource in the caller's tenant");
            }
            responses.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    response.setContent(new Content()
                            .addMediaType(
                                    PROBLEM_JSON,
                                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                }
            });
            operation.setResponses(responses);
            return operation;
        };
    }

    /** Zipped policy folders are files; CSV and NDJSON downloads say exactly what they are. */
    @Bean
    OpenApiCustomizer pathwiseDocument() {
        return api -> api.getPaths()
                .forEach((url, path) -> path.readOperations().forEach(operation -> {
                    examples(operation);
                    String file =
                            url.endsWith(".csv") ? "text/csv" : url.endsWith(".ndjson") ? "application/x-ndjson" : null;
                    ApiResponse ok = operation.getResponses() == null
                            ? null
                            : operation.getResponses().get("200");
                    if (file != null && ok != null) {
                        ok.setContent(new Content()
                                .addMediaType(
                                        file,
                                        new MediaType()
                                                .schema(new StringSchema()
                                                        .description(
                                                                file.equals("text/csv")
                                                                        ? "CSV (RFC 4180) with a header row"
                                                                        : "One JSON object per line"))));
                    }
                    if (operation.getRequestBody() != null
                            && operation.getRequestBody().getContent() != null) {
                        MediaType zip = operation.getRequestBody().getContent().get("application/zip");
                        if (zip != null) {
                            zip.setSchema(new StringSchema()
                                    .format("binary")
                                    .description(
                                            "The policy folder zipped: rule files and parameters.yaml, with school and"
                                                    + " grade-band layers in their folders"));
                        }
                    }
                }));
    }

    /**
     * The request and response examples of an operation, from {@code openapi-examples/<operationId>.request.json}
     * and {@code .response.json} on the classpath: exchanges with the demo district as the service answers them. The
     * response example goes to the operation's first success code.
     */
    private static void examples(Operation operation) {
        Object request = example(operation.getOperationId() + ".request.json");
        if (request != null
                && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            MediaType json = operation.getRequestBody().getContent().get("application/json");
            if (json != null) {
                json.setExample(request);
            }
        }
        Object response = example(operation.getOperationId() + ".response.json");
        if (response != null && operation.getResponses() != null) {
            // the example is the operation's usual answer: its first success (postEvidence's 202 receipt is another)
            operation.getResponses().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("2")
                            && e.getValue().getContent() != null
                            && e.getValue().getContent().get("application/json") != null)
                    .min(java.util.Map.Entry.comparingByKey())
                    .ifPresent(e ->
                            e.getValue().getContent().get("application/json").setExample(response));
        }
    }

    private static Object example(String file) {
        ClassPathResource resource = new ClassPathResource("openapi-examples/" + file);
        if (!resource.exists()) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return EXAMPLES.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("openapi-examples/" + file + " is not valid JSON", e);
        }
    }

    /** "Allowed: platform and admin.": the words of the service's own 403 ({@link ApiKeyInterceptor}). */
    static String allowedSentence(Set<Role> roles) {
        String words = ApiKeyInterceptor.allowedWords(roles.toArray(Role[]::new));
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
    }

    /** The roles allowed, admin always among them, as the service checks them ({@link ApiKeyInterceptor}). */
    static Set<Role> roles(HandlerMethod handler) {
        EnumSet<Role> roles = EnumSet.of(Role.ADMIN);
        roles.addAll(Arrays.asList(ApiKeyInterceptor.allowedRoles(handler)));
        return roles;
    }

    /** The feature the controller belongs to, from its package: {@code dev.pathwise.api.learner} is Learners. */
    static String tag(HandlerMethod handler) {
        String packageName = handler.getBeanType().getPackageName();
        String feature = handler.getBeanType().getSimpleName().equals("VerificationController")
                ? "learner"
                : packageName.substring(packageName.lastIndexOf('.') + 1);
        String tag = switch (feature) {
            case "evidence" -> "Evidence";
            case "learner", "privacy" -> "Learners";
            case "policy" -> "Policies";
            case "framework", "casestandards" -> "Frameworks";
            case "activity" -> "Activities";
            case "xapi" -> "xAPI";
            case "report", "flag", "group" -> "Reports";
            case "school", "term", "classes", "roster" -> "Schools and classes";
            case "users", "signin", "session" -> "People and sign-in";
            case "tenant", "operator", "audit" -> "District";
            case "export" -> "Exports";
            default -> feature.substring(0, 1).toUpperCase(Locale.ROOT) + feature.substring(1);
        };
        return tag;
    }

    /** Signing in and out: open to anyone, by password, OpenID Connect or the session cookie. */
    private static boolean signIn(HandlerMethod handler) {
        String packageName = handler.getBeanType().getPackageName();
        return packageName.endsWith(".session") || packageName.endsWith(".signin");
    }

    private static boolean hasInput(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class)
                        || p.hasParameterAnnotation(RequestParam.class)
                        || p.hasParameterAnnotation(PathVariable.class));
    }

    private static void refusal(ApiResponses responses, String code, String types) {
        ApiResponse existing = responses.get(code);
        if (existing == null) {
            responses.addApiResponse(code, new ApiResponse().description("Problem types: " + types));
        } else if (existing.getDescription() == null
                || !existing.getDescription().startsWith("Problem types")) {
            existing.setDescription("Problem types: "
                    + (existing.getDescription() == null
                                    || existing.getDescription().isBlank()
                                    || existing.getDescription().equals("default response")
                            ? types
                            : existing.getDescription()));
        }
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details: what was refused and how to fix it")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .example("https://pathwise.dev/problems/invalid-input")
                                .description("https://pathwise.dev/problems/ followed by the problem type named in the"
                                        + " operation's responses"))
                .addProperty("title", new StringSchema().example("Invalid input"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty(
                        "detail",
                        new StringSchema().example("gradeBand: '13' is not a grade band; use K-2, 3-5, 6-8 or 9-12"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty(
                        "field",
                        new StringSchema()
                                .description("The field, header or parameter at fault")
                                .example("gradeBand"))
                .addProperty(
                        "value",
                        new Schema<>()
                                .description("The value at fault, as sent")
                                .example("13"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new StringSchema())
                                .description("Every problem found, when there are several"))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Evidence", "Evidence in, one piece or a batch: mastery, unlocks, flags and next steps out");
        tags.put("Learners", "Profiles, next steps, pathway, mastery chart, teacher overrides, export and erasure");
        tags.put("xAPI", "xAPI 1.0.3 statements in, validated and mapped to evidence");
        tags.put("Frameworks", "Competency frameworks, CASE 1.0 packages in and out");
        tags.put("Activities", "The activities learners are offered and the competencies they align to");
        tags.put("Policies", "Progression policies: rule files and parameters, checked, tested, simulated, versioned");
        tags.put("Reports", "Mastery reports, the flag queue and suggested groups for teachers");
        tags.put("Schools and classes", "Schools, terms, classes with their teachers and learners, OneRoster import");
        tags.put("People and sign-in", "People of the district, their keys, passwords and sign-in");
        tags.put("District", "The tenant's keys and audit trail; operators create and disable districts");
        tags.put("Exports", "The district's evidence, learners and curriculum out");
        return tags;
    }
}
