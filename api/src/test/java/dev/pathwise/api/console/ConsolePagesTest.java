package dev.pathwise.api.console;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The console's own addresses answer with its page; any other address stays a 404. */
@ControllerSlice(ConsolePages.class)
class ConsolePagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aSharedLinkToALearnerOpensTheConsolePage() throws Exception {
        mvc.perform(get("/learners/nia").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(forwardedUrl("/index.html"));
        mvc.perform(get("/admin/keys").accept(MediaType.TEXT_HTML)).andExpect(forwardedUrl("/index.html"));
    }

    @Test
    void anAddressThatIsNoPageOfTheConsoleIs404NamingThePath() throws Exception {
        mvc.perform(get("/learners").accept(MediaType.TEXT_HTML))
                .andExpect(Refusals.problem(HttpStatus.NOT_FOUND, "path", "/learners"));
    }
}
