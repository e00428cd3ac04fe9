package dev.pathwise.api.policy;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
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
                throw ApiProblem.invalid(
                        "files",
                        null,
                        "files: send the policy's files as [{\"path\": "
                                + "\"mastery.drl\", \"content\": \"...\"}, ...], or the folder zipped as application/zip");
            }
            return new PolicyFiles(files);
        }
    }

    @Operation(operationId = "listPolicies", summary = "List policies")
    @GetMapping
    public List<PolicyService.PolicySummary> list(Caller caller) {
        return policies.list(caller.tenantId());
    }

    @Operation(operationId = "getPolicy", summary = "Read one policy")
    @GetMapping("/{id}")
    public PolicyService.PolicyDetail get(Caller caller, @PathVariable String id) {
        return policies.get(caller.tenantId(), id);
    }

    @Operation(
            operationId = "publishPolicyVersion",
            summary = "Publish a policy version (files as JSON)",
            description = "Checked and tested before it is stored; refused with file:line:column problems (422).")
    @PostMapping(path = "/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole(Role.CURRICULUM)
    public ResponseEntity<PolicyPublishing.VersionJson> publish(
            Caller caller, @PathVariable String id, @RequestBody FilesJson body) {
        return published(publishing.publish(
                caller.tenantId(),
                id,
                new PolicyPublishing.Request(body.version(), author(caller, body.author()), body.message()),
                body.policyFiles()));
    }

    @Operation(
            operationId = "publishPolicyVersionZip",
            summary = "Publish a policy version (the folder zipped)",
            description = "Checked and tested before it is stored; refused with file:line:column problems (422).")
    @PostMapping(path = "/{id}/versions", consumes = ZIP)
    @RequiresRole(Role.CURRICULUM)
    public ResponseEntity<PolicyPublishing.VersionJson> publishZip(
            Caller caller,
            @PathVariable String id,
            @RequestBody byte[] zip,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String message,
            @RequestParam(required = false) String author) {
        return published(publishing.publish(
                caller.tenantId(),
                id,
                new PolicyPublishing.Request(version, author(caller, author), message),
                PolicyFiles.fromZip(zip)));
    }

    @Operation(
            operationId = "listPolicyVersions",
            summary = "List a policy's versions",
            description = "Oldest first, with the active version and every refused attempt.")
    @GetMapping("/{id}/versions")
    public PolicyPublishing.History history(Caller caller, @PathVariable String id) {
        return publishing.history(caller.tenantId(), id);
    }

    /** One version with the content of every file and the report it passed. */
    @Operation(
            operationId = "getPolicyVersion",
            summary = "Read one policy version",
            description = "The content of every file and the report it passed.")
    @GetMapping("/{id}/versions/{version}")
    public PolicyPublishing.VersionFilesJson version(
            Caller caller, @PathVariable String id, @PathVariable String version) {
        return publishing.version(caller.tenantId(), id, version);
    }

    @Operation(
            operationId = "activatePolicyVersion",
            summary = "Activate a policy version",
            description = "Evaluations in flight finish on the version they started with.")
    @PostMapping("/{id}/versions/{version}/activate")
    @RequiresRole(Role.CURRICULUM)
    public PolicyPublishing.VersionJson activate(Caller caller, @PathVariable String id, @PathVariable String version) {
        return publishing.activate(caller.tenantId(), id, version);
    }

    @Operation(
            operationId = "checkPolicy",
            summary = "Check policy files (JSON)",
            description = "Compiles them; problems as file:line:column with a suggestion. Nothing is stored.")
    @PostMapping(path = "/{id}/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole(Role.CURRICULUM)
    public PolicyReport check(Caller caller, @PathVariable String id, @RequestBody FilesJson body) {
        return publishing.check(caller.tenantId(), id, body.policyFiles(), false);
    }

    @Operation(
            operationId = "checkPolicyZip",
            summary = "Check a zipped policy folder",
            description = "Compiles it; problems as file:line:column with a suggestion. Nothing is stored.")
    @PostMapping(path = "/{id}/check", consumes = ZIP)
    @RequiresRole(Role.CURRICULUM)
    public PolicyReport checkZip(Caller caller, @PathVariable String id, @RequestBody byte[] zip) {
        return publishing.check(caller.tenantId(), id, PolicyFiles.fromZip(zip), false);
    }

    @Operation(
            operationId = "testPolicy",
            summary = "Run a policy's scenarios (JSON)",
            description = "Nothing is stored.")
    @PostMapping(path = "/{id}/test", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole(Role.CURRICULUM)
    public PolicyReport test(Caller caller, @PathVariable String id, @RequestBody FilesJson body) {
        return publishing.check(caller.tenantId(), id, body.policyFiles(), true);
    }

    @Operation(
            operationId = "testPolicyZip",
            summary = "Run a zipped policy's scenarios",
            description = "Nothing is stored.")
    @PostMapping(path = "/{id}/test", consumes = ZIP)
    @RequiresRole(Role.CURRICULUM)
    public PolicyReport testZip(Caller caller, @PathVariable String id, @RequestBody byte[] zip) {
        return publishing.check(caller.tenantId(), id, PolicyFiles.fromZip(zip), true);
    }

    @Operation(
            operationId = "simulatePolicy",
            summary = "What-if: replay stored evidence under policy files (JSON)",
            description = "Says which learners would end at another level. Nothing is stored.")
    @PostMapping(path = "/{id}/simulate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresRole(Role.CURRICULUM)
    public StoredEvidenceSimulation.SimulationJson simulate(
            Caller caller,
            @PathVariable String id,
            @RequestBody FilesJson body,
            @RequestParam(defaultValue = "10") int sample) {
        return simulation.simulate(caller.tenantId(), id, body.policyFiles(), sample);
    }

    @Operation(
            operationId = "simulatePolicyZip",
            summary = "What-if: replay stored evidence under a zipped policy",
            description = "Says which learners would end at another level. Nothing is stored.")
    @PostMapping(path = "/{id}/simulate", consumes = ZIP)
    @RequiresRole(Role.CURRICULUM)
    public StoredEvidenceSimulation.SimulationJson simulateZip(
            Caller caller,
            @PathVariable String id,
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
            throw ApiProblem.invalid(
                    "author",
                    given.length() > 60 ? given.substring(0, 60) + "..." : given,
                    "author: you are signed in as " + caller.author() + "; a version is published under your name,"
                            + " leave author out");
        }
        return named && caller.person() == null ? given : caller.author();
    }

    private static ResponseEntity<PolicyPublishing.VersionJson> published(PolicyPublishing.Published published) {
        return ResponseEntity.status(published.created() ? 201 : 200).body(published.version());
    }
}
