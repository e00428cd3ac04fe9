package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.evidence.EvidenceRepository;
import dev.pathwise.api.learner.LearnerScope;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/xapi}: statements in (one or an array, header {@code X-Experience-API-Version: 1.0.x}), the parked
 * statements, and the actor and IRI mappings.
 */
@RestController
@RequestMapping("/v1/xapi")
@RequiresRole(Role.PLATFORM)
public class XapiController {

    static final String VERSION_HEADER = "X-Experience-API-Version";
    static final String VERSION = "1.0.3";

    private final XapiStatementService statements;
    private final XapiMappings mappings;
    private final EvidenceRepository evidence;
    private final LearnerScope scope;

    public XapiController(
            XapiStatementService statements, XapiMappings mappings, EvidenceRepository evidence, LearnerScope scope) {
        this.evidence = evidence;
        this.scope = scope;
        this.statements = statements;
        this.mappings = mappings;
    }

    @Operation(
            operationId = "postXapiStatements",
            summary = "Send xAPI statements",
            description =
                    "One statement or an array, validated to xAPI 1.0.3; each mapped statement becomes evidence, the rest are parked as unmapped with the reason.")
    @PostMapping("/statements")
    public ResponseEntity<XapiStatementService.StatementsResponse> statements(
            Caller caller,
            @RequestHeader(name = VERSION_HEADER, required = false) String version,
            @RequestBody(required = false) String body) {
        if (version == null || version.isBlank()) {
            throw ApiProblem.invalid(
                    VERSION_HEADER,
                    null,
                    "header " + VERSION_HEADER + " is required by xAPI; send " + VERSION_HEADER + ": " + VERSION);
        }
        if (!version.strip().startsWith("1.0")) {
            throw ApiProblem.invalid(
                    VERSION_HEADER,
                    version,
                    "header " + VERSION_HEADER + ": '" + version
                            + "' is not supported; Pathwise takes xAPI 1.0.x statements (" + VERSION + ")");
        }
        return ResponseEntity.ok().header(VERSION_HEADER, VERSION).body(statements.receive(caller.tenantId(), body));
    }

    /** One statement as it was received, unchanged ({@code statementId}), or a voided one ({@code voidedStatementId}). */
    @Operation(
            operationId = "getXapiStatement",
            summary = "Read one xAPI statement as received",
            description = "By statementId, or a voided one by voidedStatementId, unchanged.")
    @GetMapping("/statements")
    @RequiresRole({Role.PLATFORM, Role.CURRICULUM, Role.TEACHER})
    public ResponseEntity<String> statement(
            Caller caller,
            @RequestParam(name = "statementId", required = false) String statementId,
            @RequestParam(name = "voidedStatementId", required = false) String voidedStatementId) {
        if ((statementId == null) == (voidedStatementId == null)) {
            throw ApiProblem.invalid(
                    "statementId",
                    statementId,
                    "statementId: give exactly one of statementId or"
                            + " voidedStatementId (the UUID of a statement this tenant sent)");
        }
        String id = statementId != null ? statementId : voidedStatementId;
        String field = statementId != null ? "statementId" : "voidedStatementId";
        String wrong = XapiFormats.uuid(id);
        if (wrong != null) {
            throw ApiProblem.invalid(field, XapiFormats.shown(id), field + ": " + wrong);
        }
        if (caller.seesOwnClassesOnly() && !teaches(caller, id)) {
            // a statement about a learner outside the teacher's classes is answered as one never received
            throw ApiProblem.notFound(field, id, field + ": no statement '" + id + "' was received by this tenant");
        }
        // The text as it was received: numbers keep the digits they were sent with.
        return ResponseEntity.ok()
                .header(VERSION_HEADER, VERSION)
                .contentType(MediaType.APPLICATION_JSON)
                .body(statements.statement(caller.tenantId(), id, voidedStatementId != null));
    }

    @Operation(
            operationId = "listUnmappedXapiStatements",
            summary = "List the statements parked as unmapped",
            description = "Oldest first, with the reason each could not become evidence; filter by reason.")
    @GetMapping("/unmapped")
    @RequiresRole({Role.PLATFORM, Role.CURRICULUM, Role.TEACHER})
    public UnmappedList unmapped(Caller caller, @RequestParam(name = "reason", required = false) String reason) {
        List<XapiStatementService.Unmapped> parked = statements.unmapped(caller.tenantId(), reason);
        return new UnmappedList(parked.size(), parked);
    }

    /** The parked statements, oldest first. */
    public record UnmappedList(int count, List<XapiStatementService.Unmapped> statements) {}

    @Operation(
            operationId = "retryUnmappedXapiStatements",
            summary = "Map the parked statements again",
            description = "After actor or alignment mappings were added.")
    @PostMapping("/unmapped/retry")
    public XapiStatementService.StatementsResponse retry(Caller caller) {
        return statements.retryParked(caller.tenantId());
    }

    @Operation(operationId = "putXapiActors", summary = "Set how xAPI actors map to learners")
    @PutMapping("/actors")
    public List<XapiMappings.ActorMapping> putActors(Caller caller, @RequestBody JsonNode body) {
        return mappings.putActors(caller.tenantId(), body);
    }

    @Operation(operationId = "listXapiActors", summary = "List the actor mappings")
    @GetMapping("/actors")
    public List<XapiMappings.ActorMapping> actors(Caller caller) {
        return mappings.actors(caller.tenantId());
    }

    @Operation(operationId = "putXapiAlignments", summary = "Set how xAPI activities map to competencies")
    @PutMapping("/alignments")
    @RequiresRole({Role.PLATFORM, Role.CURRICULUM})
    public List<XapiMappings.Alignment> putAlignments(Caller caller, @RequestBody JsonNode body) {
        return mappings.putAlignments(caller.tenantId(), body);
    }

    @Operation(operationId = "listXapiAlignments", summary = "List the activity alignments")
    @GetMapping("/alignments")
    @RequiresRole({Role.PLATFORM, Role.CURRICULUM})
    public List<XapiMappings.Alignment> alignments(Caller caller) {
        return mappings.alignments(caller.tenantId());
    }

    /** True when the statement became evidence of a learner of the teacher's classes. */
    private boolean teaches(Caller caller, String statementId) {
        String learnerId = evidence.learnerOf(caller.tenantId(), statementId.strip())
                .or(() -> evidence.learnerOf(
                        caller.tenantId(), statementId.strip().toLowerCase(java.util.Locale.ROOT)))
                .orElse(null);
        if (learnerId == null) {
            return false;
        }
        try {
            scope.requireVisible(caller, learnerId);
            return true;
        } catch (ApiProblem notVisible) {
            return false;
        }
    }
}
