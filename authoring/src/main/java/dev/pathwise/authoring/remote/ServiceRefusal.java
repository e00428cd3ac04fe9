package dev.pathwise.authoring.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The service answered, and said no: its status and problem detail ({@code application/problem+json}). */
final class ServiceRefusal extends RuntimeException {

    private final int status;
    private final transient JsonNode problem;

    ServiceRefusal(int status, JsonNode problem, String body) {
        super(
                problem != null && problem.hasNonNull("detail")
                        ? problem.get("detail").asText()
                        : body.isBlank() ? "no detail given" : body.strip());
        this.status = status;
        this.problem = problem;
    }

    int status() {
        return status;
    }

    /** The lines printed for it: status, title and detail, then each of the problem's {@code errors}. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        String title = problem != null && problem.hasNonNull("title")
                ? " " + problem.get("title").asText()
                : "";
        lines.add("refused by the service (" + status + title + "): " + getMessage());
        if (problem != null && problem.path("errors").isArray()) {
            problem.get("errors").forEach(error -> lines.add("  " + error.asText()));
        }
        return lines;
    }
}
