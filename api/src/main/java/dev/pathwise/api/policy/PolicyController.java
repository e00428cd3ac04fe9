package dev.pathwise.api.policy;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;

/**
 * {@code /v1/policies}: the tenant's active policy, its files and parameters; publishing versions (a zip of the
 * policy folder, or JSON files), the history, rollback; check, test and simulate without publishing.
 */
@RestController
@RequestMapping("/v1/policies")
@RequiresRole({Role.CURRICULUM, Role.TEACHER})
public class PolicyController {

    private static final String ZIP = "application/zip";

    private final PolicyService policies;
    private final PolicyPublishing publishing;
    private final StoredEvidenceSimulation simulation;

    public PolicyController(PolicyService policies, PolicyPublishing publishing, StoredEvidenceSimulation simulation) {
        this.policies = policies;
        this.publishing = publishing;
        this.simulation = simulation;
    }

    /** A version as JSON: its name, why, and its files (paths relative to the policy folder). */
    public record FilesJson(String version, String author, String message, List<PolicyFiles.File> files) {
        PolicyFiles policyFiles() {
            if (files == null || files.isEmpty()) {
                throw ApiProblem.invalid("files", null, "files: send the policy's files as [{\"path\": "
                        + "\"mastery.drl\", \"content\": \"...\"}, ...], or the folder zipped as application/zip");
            }
            return new PolicyFiles(files);
        }
    }

    @GetMapping
    public List<PolicyService.PolicySummary> list(Caller caller) {
        return policies.list(caller.tenantId());
    }

    @GetMapping("/{id}")
    public PolicyService.PolicyDetail get(Caller caller, @PathVariable String id) {
        return policies.get(caller.tenantId(), id);
    }

    @PostMapping(path = "/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole(Role.CURRICULUM)
    public ResponseEntity<PolicyPublishing.VersionJson> publish(Caller caller, @PathVariable String id,
                                                                @RequestBody FilesJson body) {
        return published(publishing.publish(caller.tenantId(), id, new PolicyPublishing.Request(body.version(),
                author(caller, body.author()), body.message()), body.policyFiles()));
    }

    @PostMapping(path = "/{id}/versions", consumes = ZIP)
    @RequiresRole(Role.CURRICULUM)
    public ResponseEntity<PolicyPublishing.VersionJson> publishZip(Caller caller, @PathVariable String id,
                                                                   @RequestBody byte[] zip,
                                                                   @RequestParam(required = false) String version,
                                                                   @RequestParam(required = false) String message,
                                                                   @RequestParam(required = false) String author) {
        return published(publishing.publish(caller.tenantId(), id, new PolicyPublishing.Request(version,
                author(caller, author), message), PolicyFiles.fromZip(zip)));
    }

    @GetMapping("/{id}/versions")
    public PolicyPublishing.History history(Caller caller, @PathVariable String id) {
        return publishing.history(caller.tenantId(), id);
    }

    /** One version with the content of every file and the report it passed. */
    @GetMapping("/{id}/versions/{version}")
    public PolicyPublishing.VersionFilesJson version(Caller caller, @PathVariable String id,
                                                     @PathVariable String version) {
        return publishing.version(caller.tenantId(), id, version);
    }

    @PostMapping("/{id}/versions/{version}/activate")
    @RequiresRole(Role.CURRICULUM)
    public PolicyPublishing.VersionJson activate(Caller caller, @PathVariable String id,
                                                 @PathVariable String version) {
        return publishing.activate(caller.tenantId(), id, version);
    }

    @PostMapping(path = "/{id}/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole(Role.CURRICULUM)
    public PolicyReport check(Caller caller, @PathVariable String id, @RequestBody FilesJson body) {
        return publishing.check(caller.tenantId(), id, body.policyFiles(), false);
    }

    @PostMapping(path = "/{id}/check", consumes = ZIP)
    @RequiresRole(Role.CURRICULUM)
    public PolicyReport checkZip(Caller caller, @PathVariable String id, @RequestBody byte[] zip) {
        return publishing.check(caller.tenantId(), id, PolicyFiles.fromZip(zip), false);
    }

    @PostMapping(path = "/{id}/test", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole(Role.CURRICULUM)
    public PolicyReport test(Caller caller, @PathVariable String id, @RequestBody FilesJson body) {
        return publishing.check(caller.tenantId(), id, body.policyFiles(), true);
    }

    @PostMapping(path = "/{id}/test", consumes = ZIP)
    @RequiresRole(Role.CURRICULUM)
    public PolicyReport testZip(Caller caller, @PathVariable String id, @RequestBody byte[] zip) {
        return publishing.check(caller.tenantId(), id, PolicyFiles.fromZip(zip), true);
    }

    @PostMapping(path = "/{id}/simulate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole(Role.CURRICULUM)
    public StoredEvidenceSimulation.SimulationJson simulate(Caller caller, @PathVariable String id,
                                                            @RequestBody FilesJson body,
                                                            @RequestParam(defaultValue = "10") int sample) {
        return simulation.simulate(caller.tenantId(), id, body.policyFiles(), sample);
    }

    @PostMapping(path = "/{id}/simulate", consumes = ZIP)
    @RequiresRole(Role.CURRICULUM)
    public StoredEvidenceSimulation.SimulationJson simulateZip(Caller caller, @PathVariable String id,
                                                               @RequestBody byte[] zip,
                                                               @RequestParam(defaultValue = "10") int sample) {
        return simulation.simulate(caller.tenantId(), id, PolicyFiles.fromZip(zip), sample);
    }

    /**
     * The author of a version: the person signed in (an author in the request that is not them is refused), or for
     * a key of the tenant the author given, else the key's label.
     */
    private static String author(Caller caller, String given) {
        boolean named = given != null && !given.isBlank();
        if (caller.person() != null && named && !given.strip().equals(caller.author())) {
            throw ApiProblem.invalid("author", given.length() > 60 ? given.substring(0, 60) + "..." : given,
                    "author: you are signed in as " + caller.author() + "; a version is published under your name,"
                            + " leave author out");
        }
        return named && caller.person() == null ? given : caller.author();
    }

    private static ResponseEntity<PolicyPublishing.VersionJson> published(PolicyPublishing.Published published) {
        return ResponseEntity.status(published.created() ? 201 : 200).body(published.version());
    }
}
