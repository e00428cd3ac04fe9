package dev.pathwise.api.roster;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;

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

    @PostMapping(path = "/oneroster", consumes = "application/zip")
    public OneRosterImport.Report importOneRoster(Caller caller, @RequestBody byte[] zip,
                                                  @RequestParam(defaultValue = "false") boolean dryRun) {
        return imports.run(caller, zip, dryRun);
    }
}
