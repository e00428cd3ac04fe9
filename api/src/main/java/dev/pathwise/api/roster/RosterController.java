package dev.pathwise.api.roster;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/rosters/oneroster}: a OneRoster CSV zip (Content-Type application/zip), bulk or delta, for admins.
 * {@code ?dryRun=true} reports what would change without writing.
 */
@RestController
@RequestMapping("/v1/rosters")
@RequiresRole(Role.ADMIN)
public class RosterController {

    private final OneRosterImport imports;

    public RosterController(OneRosterImport imports) {
        this.imports = imports;
    }

    /** The content types a zip is sent with (browsers on Windows say x-zip-compressed). */
    static final java.util.List<String> ZIP_TYPES =
            java.util.List.of("application/zip", "application/x-zip-compressed", "application/octet-stream");

    @Operation(
            operationId = "importOneRoster",
            summary = "Import a OneRoster 1.2 (or 1.1) CSV zip",
            description = "Bulk or delta: schools, terms, classes, people and enrollments.")
    @PostMapping("/oneroster")
    public OneRosterImport.Report importOneRoster(
            Caller caller,
            @RequestBody byte[] zip,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        String type =
                contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!ZIP_TYPES.contains(type)) {
            throw new ApiProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    "Content-Type",
                    contentType,
                    "send the OneRoster CSV files zipped, Content-Type: application/zip",
                    null);
        }
        return imports.run(caller, zip, dryRun);
    }
}
