package dev.pathwise.api.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body whose {@code Content-Type} is not one concrete media type ({@code *}{@code /*},
 * {@code application/*}, {@code json}, an unparsable text) with 415 problem+json naming the header, before anything
 * tries to read the body by it. A concrete type the endpoint does not take is refused by Spring MVC, also with 415.
 */
public final class ContentTypeFilter extends OncePerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final ObjectMapper json;

    public ContentTypeFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getContentType();
        if (header != null && WITH_BODY.contains(request.getMethod())) {
            String problem = problem(header);
            if (problem != null) {
                String shown = header.length() <= 100 ? header : header.substring(0, 100) + "...";
                FilterProblems.write(
                        json,
                        request,
                        response,
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "unsupported-media-type",
                        "Unsupported Media Type",
                        "Content-Type",
                        shown,
                        "Content-Type: '" + shown + "' " + problem + "; send Content-Type: application/json (or"
                                + " application/zip where a policy folder is uploaded)");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with the header, or {@code null} when it names one concrete media type. */
    private static String problem(String header) {
        try {
            MediaType type = MediaType.parseMediaType(header);
            return type.isWildcardType() || type.isWildcardSubtype()
                    ? "is a wildcard, not the type of this body"
                    : null;
        } catch (InvalidMediaTypeException e) {
            return "is not a media type (" + e.getMessage() + ")";
        }
    }
}
