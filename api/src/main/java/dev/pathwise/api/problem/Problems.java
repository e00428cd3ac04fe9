package dev.pathwise.api.problem;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds problem details the same way for single requests and for the items of a batch. */
public final class Problems {

    /** "score.raw: 12.0 is outside ..." — the engine's messages start with the field they are about. */
    private static final Pattern FIELD_PREFIX = Pattern.compile("^([A-Za-z][\\w.\\[\\]/]*): ");

    /** A Java class name with its package ("java.lang.ArithmeticException"): only the last part is kept. */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)");

    private Problems() {}

    /**
     * What went wrong when a policy's rules failed during an evaluation, in words for the client: the root cause's
     * message, without package names, at most 300 characters ("a rule recursed too deep" for a stack overflow).
     */
    public static String describeFailure(Throwable failed) {
        Throwable cause = failed;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof StackOverflowError) {
            return "a rule recursed too deep";
        }
        if (cause instanceof OutOfMemoryError) {
            return "a rule used more memory than an evaluation may";
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "a rule threw " + cause.getClass().getSimpleName();
        }
        message = withoutPackages(message);
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    /**
     * A 422 {@code evaluation-failed} for rules that failed while a policy was tried (its scenarios, a simulation),
     * with the detail the caller words; a refusal already made ({@link ApiProblem}) is kept as it is.
     */
    public static ApiProblem evaluationFailed(Throwable failed, String detail) {
        if (failed instanceof ApiProblem problem) {
            return problem;
        }
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "evaluation-failed", "files", null, detail, List.of());
    }

    public static ProblemDetail of(ApiProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        detail.setType(URI.create("https://pathwise.dev/problems/" + problem.type()));
        detail.setTitle(
                switch (problem.type()) {
                    case "csrf-token" -> "Missing or wrong CSRF token";
                    case "not-signed-in" -> "Not signed in";
                    case "cross-site-request" -> "Cross-site request refused";
                    default -> title(problem.status());
                });
        if (problem.field() != null) {
            detail.setProperty("field", problem.field());
        }
        detail.setProperty("value", problem.value());
        if (!problem.errors().isEmpty()) {
            detail.setProperty("errors", problem.errors());
        }
        problem.properties().forEach(detail::setProperty);
        return detail;
    }

    /** The text with every package-qualified Java class name cut to its simple name. */
    public static String withoutPackages(String text) {
        return text == null ? null : QUALIFIED_NAME.matcher(text).replaceAll("$1");
    }

    /** An engine {@link IllegalArgumentException} as a 400, reading the field from the message when it names one. */
    public static ApiProblem fromEngine(IllegalArgumentException e, String fallbackField, Object value) {
        String message = e.getMessage() == null ? "invalid input" : withoutPackages(e.getMessage());
        Matcher matcher = FIELD_PREFIX.matcher(message);
        String field = matcher.find() ? matcher.group(1) : fallbackField;
        List<String> errors = e instanceof dev.pathwise.engine.framework.FrameworkException fe ? fe.problems() : null;
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-input", field, value, message, errors);
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "Invalid input";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case UNAUTHORIZED -> "Missing or unknown API key";
            case FORBIDDEN -> "Role not allowed";
            case PAYLOAD_TOO_LARGE -> "Too large";
            case UNPROCESSABLE_ENTITY -> "Unprocessable";
            default -> status.getReasonPhrase();
        };
    }
}
