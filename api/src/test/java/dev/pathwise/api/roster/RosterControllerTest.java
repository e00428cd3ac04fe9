package dev.pathwise.api.roster;

import static dev.pathwise.api.testing.SliceRequests.as;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.pathwise.api.testing.ControllerSlice;
import dev.pathwise.api.testing.Refusals;
import dev.pathwise.api.testing.SliceKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

/** The HTTP contract of {@code POST /v1/rosters/oneroster}: a zip by its Content-Type, a dry run, admins only. */
@ControllerSlice(RosterController.class)
class RosterControllerTest {

    private static final byte[] ZIP = "PK\u0003\u0004 not really".getBytes(StandardCharsets.ISO_8859_1);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    OneRosterImport imports;

    @Test
    void aDryRunOfAZipSentFromWindowsIsReportedWithoutWriting() throws Exception {
        given(imports.run(SliceKeys.caller(SliceKeys.ADMIN), ZIP, true))
                .willReturn(new OneRosterImport.Report(
                        "1.1",
                        true,
                        false,
                        Map.of("users.csv", "bulk"),
                        Map.of("users", Map.of("created", 3)),
                        0,
                        0,
                        0,
                        List.of(),
                        List.of(),
                        List.of()));

        mvc.perform(as(SliceKeys.ADMIN, post("/v1/rosters/oneroster?dryRun=true"))
                        .contentType("application/x-zip-compressed")
                        .content(ZIP))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                                {"oneRosterVersion": "1.1", "dryRun": true, "applied": false,
                                 "files": {"users.csv": "bulk"}, "counts": {"users": {"created": 3}},
                                 "errorCount": 0, "warningCount": 0, "skippedCount": 0,
                                 "errors": [], "warnings": [], "skipped": []}""", JsonCompareMode.STRICT));
    }

    @Test
    void aCsvInsteadOfAZipIs415NamingTheContentType() throws Exception {
        mvc.perform(as(SliceKeys.ADMIN, post("/v1/rosters/oneroster"))
                        .contentType("text/csv;charset=UTF-8")
                        .content("sourcedId,status\n"))
                .andExpect(
                        Refusals.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(jsonPath("$.detail")
                        .value("send the OneRoster CSV files zipped, Content-Type: application/zip"));

        verifyNoInteractions(imports);
    }

    @Test
    void aDryRunThatIsNoBooleanIs400NamingIt() throws Exception {
        mvc.perform(as(SliceKeys.ADMIN, post("/v1/rosters/oneroster?dryRun=perhaps"))
                        .contentType("application/zip")
                        .content(ZIP))
                .andExpect(Refusals.invalid("dryRun", "perhaps"));

        verifyNoInteractions(imports);
    }

    @Test
    void thePlatformMayNotImportARoster() throws Exception {
        mvc.perform(as(SliceKeys.PLATFORM, post("/v1/rosters/oneroster"))
                        .contentType("application/zip")
                        .content(ZIP))
                .andExpect(Refusals.forbidden("platform", "POST /v1/rosters/oneroster", "allowed to admin only"));

        verifyNoInteractions(imports);
    }
}
