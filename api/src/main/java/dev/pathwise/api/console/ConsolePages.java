package dev.pathwise.api.console;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's own addresses ({@code /chart}, {@code /learners/nia}, ...) answer with its page, so that a reload or
 * a shared link opens the same view; the page then routes in the browser. Only these addresses: anything else that
 * is not a file of the console stays a 404.
 */
@Controller
public class ConsolePages {

    @GetMapping(
            path = {
                "/sign-in",
                "/chart",
                "/flags",
                "/groups",
                "/learners/{learnerId}",
                "/frameworks",
                "/policy",
                "/admin/{page}"
            },
            produces = MediaType.TEXT_HTML_VALUE)
    public String page() {
        return "forward:/index.html";
    }
}
