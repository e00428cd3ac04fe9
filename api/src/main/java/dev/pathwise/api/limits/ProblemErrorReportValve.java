package dev.pathwise.api.limits;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own refusals (a request line it cannot parse, an encoded NUL or slash in the path) as problem+json
 * instead of Tomcat's HTML page: they never reach Spring, so {@code ProblemAdvice} cannot answer them.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String reason = status == 400 ? "Bad Request" : status >= 500 ? "Server error" : "Refused";
        String body = "{\"type\":\"https://pathwise.dev/problems/" + (status == 400 ? "invalid-request" : "refused")
                + "\",\"title\":\"" + reason + "\",\"status\":" + status + ",\"detail\":\"The request was refused"
                + " before it reached the API (for example an encoded NUL, slash or backslash in the path); send a"
                + " well-formed HTTP request\",\"field\":\"path\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is committed: nothing more to say.
        }
    }
}
