package dev.pathwise.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.pathwise.api.learner.LearnerStateConflict;
import dev.pathwise.engine.policy.RulesStoppedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every refusal into {@code application/problem+json} with the field and the value at fault. */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAdvice.class);

    private final Counter stateConflicts;

    public ProblemAdvice(MeterRegistry registry) {
        this.stateConflicts = Counter.builder("pathwise.learner.state.conflicts")
                .description("Writes of a learner's state refused by the database (must stay 0)")
                .register(registry);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return respond(Problems.of(problem));
    }

    /** Rules stopped in an evaluation that stores nothing of its own (an override, a verification, a what-if). */
    @ExceptionHandler(RulesStoppedException.class)
    ResponseEntity<ProblemDetail> rulesStopped(RulesStoppedException stopped) {
        return respond(Problems.of(new ApiProblem(
                HttpStatus.UNPROCESSABLE_ENTITY,
                stopped.problemType(),
                "rules",
                stopped.rules(),
                stopped.getMessage(),
                stopped.rules().stream().map(rule -> "rule \"" + rule + "\"").toList(),
                java.util.Map.of("rules", stopped.rules()))));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> engineRefusal(IllegalArgumentException e) {
        return respond(Problems.of(Problems.fromEngine(e, null, null)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return respond(Problems.of(unreadableJson(e.getCause())));
    }

    /** A body Jackson could not read: malformed JSON, or a value of the wrong type for its field. */
    public static ApiProblem unreadableJson(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException upe) {
            String field = path(upe);
            return ApiProblem.invalid(
                    field,
                    upe.getPropertyName(),
                    field + ": unknown field '"
                            + upe.getPropertyName() + "'" + known(upe)
                            + "; unknown fields are refused so that a misspelt"
                            + " one is not silently lost");
        }
        if (cause instanceof StreamConstraintsException sce) {
            return ApiProblem.invalid(
                    "body", null, "JSON over a limit: " + sce.getOriginalMessage() + "; send a smaller document");
        }
        if (cause instanceof InvalidFormatException ife && ife.getTargetType() == String.class) {
            String field = path(ife);
            return ApiProblem.invalid(field, null, field + ": " + ife.getOriginalMessage());
        }
        if (cause instanceof InvalidFormatException ife) {
            String field = path(ife);
            return ApiProblem.invalid(
                    field,
                    String.valueOf(ife.getValue()),
                    field + ": '" + ife.getValue() + "' is not a valid "
                            + ife.getTargetType().getSimpleName() + allowed(ife.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mie) {
            String field = mie.getPath().isEmpty() ? "body" : path(mie);
            return ApiProblem.invalid(
                    field, null, field + ": wrong JSON type; expected " + jsonType(mie.getTargetType()));
        }
        if (cause instanceof JsonMappingException jme && jme.getCause() instanceof IllegalArgumentException iae) {
            return Problems.fromEngine(iae, path(jme), null);
        }
        String reason = cause instanceof JsonProcessingException jpe
                ? Problems.withoutPackages(jpe.getOriginalMessage())
                : "the body is missing";
        return ApiProblem.invalid("body", null, "Malformed JSON: " + reason + "; send a JSON document");
    }

    /**
     * The database cannot be reached (down, restarting, no free connection within the pool's timeout): 503 at once,
     * so that clients retry. Nothing was half-written: every write runs in one transaction. A commit whose outcome
     * is unknown (the connection died during it, {@link TransactionSystemException}) is a 503 too: the retry with
     * the same evidence id gets the stored result if the commit went through.
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class,
        TransientDataAccessException.class,
        RecoverableDataAccessException.class,
        TransactionSystemException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        LOG.warn("Database unavailable: {}", e.getClass().getSimpleName());
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The database is not reachable right now; nothing was stored. Retry in a few seconds (same evidence"
                        + " id: it is an idempotency key)");
        detail.setType(URI.create("https://pathwise.dev/problems/database-unavailable"));
        detail.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail);
    }

    /** A value the database refuses that no check caught: a 400, and the log names the constraint, not the value. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> refusedByDatabase(DataIntegrityViolationException e) {
        Throwable root = e.getMostSpecificCause();
        LOG.warn(
                "Database refused a value: {} (SQL state {})",
                e.getClass().getSimpleName(),
                root instanceof java.sql.SQLException sql ? sql.getSQLState() : "?");
        return respond(Problems.of(ApiProblem.invalid(
                "body",
                null,
                "a value in the request is refused by the"
                        + " database (too long or malformed); check the lengths of ids and names")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return respond(Problems.of(
                ApiProblem.invalid(e.getHeaderName(), null, "header " + e.getHeaderName() + " is required")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return respond(Problems.of(ApiProblem.invalid(
                e.getParameterName(), null, "query parameter " + e.getParameterName() + " is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(Problems.of(ApiProblem.invalid(
                e.getName(),
                String.valueOf(e.getValue()),
                e.getName() + ": '" + e.getValue() + "' is not a valid value")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        MediaType sent = e.getContentType();
        List<String> accepted = e.getSupportedMediaTypes().stream()
                .filter(type -> !type.isWildcardType() && !type.getSubtype().contains("*"))
                .map(type -> type.getType() + "/" + type.getSubtype())
                .distinct()
                .sorted(Comparator.comparing((String type) -> !type.equals(MediaType.APPLICATION_JSON_VALUE))
                        .thenComparing(Comparator.naturalOrder()))
                .map(type -> type.equals("application/zip") ? type + " (the policy folder zipped)" : type)
                .toList();
        String send = "send Content-Type: "
                + (accepted.isEmpty() ? MediaType.APPLICATION_JSON_VALUE : String.join(" or ", accepted));
        return respond(Problems.of(new ApiProblem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Content-Type",
                sent == null ? null : sent.toString(),
                (sent == null
                                ? "the Content-Type header is" + " missing"
                                : "Content-Type " + sent + " is not accepted here")
                        + "; " + send,
                null)));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(Problems.of(new ApiProblem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "method",
                e.getMethod(),
                "method " + e.getMethod() + " is not supported here; use " + e.getSupportedHttpMethods(),
                null)));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return respond(Problems.of(
                ApiProblem.notFound("path", "/" + e.getResourcePath(), "no such endpoint: /" + e.getResourcePath())));
    }

    /**
     * The database refused a learner's state: a writer left stored evidence out of it or lost a race. Nothing of the
     * request was kept; it must never happen, so it is loud: logged as an error, counted, answered 500.
     */
    @ExceptionHandler(LearnerStateConflict.class)
    ResponseEntity<ProblemDetail> learnerStateConflict(LearnerStateConflict e) {
        LOG.error("Learner state refused by the database: {}", e.getMessage());
        stateConflicts.increment();
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The learner's state could not be written consistently; nothing of this request was stored. Retry"
                        + " (same evidence id: it is an idempotency key)");
        detail.setType(URI.create("https://pathwise.dev/problems/learner-state-conflict"));
        detail.setTitle("Internal error");
        detail.setProperty("field", "learnerId");
        detail.setProperty("value", e.learnerId());
        return respond(detail);
    }

    /** The client went away before its answer was written (a killed or timed-out client): nothing to answer. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone(Exception e) {
        LOG.debug("Client gone before its answer was written: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse known) {
            // Spring MVC's own refusals (406, 415, missing parts, ...) already carry their status and problem.
            return respond(known.getBody());
        }
        LOG.error("Unexpected error", e);
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error: " + e.getClass().getSimpleName() + "; the server log has the details");
        detail.setType(URI.create("https://pathwise.dev/problems/internal"));
        return respond(detail);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail detail) {
        return ResponseEntity.status(detail.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String known(UnrecognizedPropertyException e) {
        if (e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty()) {
            return "";
        }
        return "; known fields: "
                + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
    }

    /** The JSON a field of this Java type takes, in JSON's words (never a Java class name). */
    private static String jsonType(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == String.class
                || type == Character.class
                || type == char.class
                || java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return "a JSON object";
    }

    private static String allowed(Class<?> type) {
        if (type.isEnum()) {
            return "; use one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "";
    }
}
