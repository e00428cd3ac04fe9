package dev.pathwise.api.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/evidence}: one piece of evidence, or a batch of up to 1,000, evaluated and stored before the answer; or,
 * with {@code pathwise.kafka.evidence-over-http=publish}, published to the evidence stream and answered with 202 and a
 * receipt, its outcome then read at {@code GET /v1/evidence/{id}}.
 */
@RestController
@RequestMapping("/v1/evidence")
@RequiresRole(Role.PLATFORM)
public class EvidenceController {

    private final EvidenceService evidence;
    private final EvidenceItems items;
    private final EvidenceStatus status;
    private final EvidenceStream stream;

    public EvidenceController(
            EvidenceService evidence,
            EvidenceItems items,
            EvidenceStatus status,
            ObjectProvider<EvidenceStream> stream,
            @Value("${pathwise.kafka.evidence-over-http:evaluate}") String overHttp) {
        this.evidence = evidence;
        this.items = items;
        this.status = status;
        this.stream = switch (overHttp) {
            case "evaluate" -> null;
            case "publish" -> {
                EvidenceStream available = stream.getIfAvailable();
                if (available == null) {
                    throw new IllegalStateException("pathwise.kafka.evidence-over-http=publish needs the evidence"
                            + " stream: set pathwise.kafka.enabled=true and spring.kafka.bootstrap-servers, or set"
                            + " evidence-over-http back to evaluate");
                }
                yield available;
            }
            default ->
                throw new IllegalStateException("pathwise.kafka.evidence-over-http: '" + overHttp
                        + "' is not a mode; use evaluate (the default: evaluated and stored before the answer) or"
                        + " publish (published to the evidence stream, answered with 202)");
        };
    }

    /** A piece of evidence published to the evidence stream, to be read at {@code location}. */
    public record EvidenceReceipt(String evidenceId, String status, String location) {}

    /** Evaluates the evidence and answers with the path update once it is stored (or publishes it: 202). */
    @Operation(
            operationId = "postEvidence",
            summary = "Send one piece of evidence",
            description =
                    "Evaluated and stored; answers with the path update: mastery changes, unlocks, flags and next steps, each with its reason. A service that publishes evidence over HTTP to its evidence stream answers 202 with a receipt instead; GET /v1/evidence/{id} then tells the outcome.",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Stored; the path update",
                        content = @Content(schema = @Schema(implementation = PathUpdateJson.class))),
                @ApiResponse(
                        responseCode = "202",
                        description = "Published to the evidence stream; the receipt",
                        content = @Content(schema = @Schema(implementation = EvidenceReceipt.class)))
            })
    @PostMapping
    public ResponseEntity<Object> ingest(Caller caller, @RequestBody EvidenceRequest request) {
        if (stream != null) {
            BatchItem checked = evidence.checked(
                            caller.tenantId(), List.of(new BatchItem(0, request.id(), request, null)))
                    .get(0);
            if (checked.unreadable() != null) {
                throw checked.unreadable();
            }
            stream.publish(caller.tenantId(), List.of(request));
            EvidenceReceipt receipt = receipt(request.id());
            return ResponseEntity.accepted()
                    .location(URI.create(receipt.location()))
                    .body(receipt);
        }
        return ResponseEntity.ok(evidence.ingest(caller.tenantId(), request).update());
    }

    /** A result per item, in order; each item is stored (or refused) on its own. */
    @Operation(
            operationId = "postEvidenceBatch",
            summary = "Send a batch of evidence",
            description = "Up to 1,000 items; each is stored or refused on its own, one result per item in order. With"
                    + " answer=summary each stored item answers with its outcome only (levels changed, unlocks,"
                    + " flags, next activities) instead of the full path update with its explanations. A service"
                    + " that publishes evidence over HTTP to its evidence stream publishes every valid item"
                    + " (status 202 in its result) and refuses the others.")
    @PostMapping("/batch")
    public BatchResponse batch(
            Caller caller,
            @RequestBody JsonNode body,
            @Parameter(
                            description = "full (default): each item's path update; summary: its outcome only",
                            schema = @Schema(allowableValues = {"full", "summary"}))
                    @RequestParam(name = "answer", required = false)
                    String answer) {
        boolean summary = summary(answer);
        List<BatchItem> read = items(body);
        if (stream != null) {
            return published(caller.tenantId(), evidence.checked(caller.tenantId(), read));
        }
        List<BatchItemResult> results = evidence.ingestBatch(caller.tenantId(), read);
        long accepted = results.stream().filter(r -> r.status() == 200).count();
        return new BatchResponse(
                results.size(),
                (int) accepted,
                results.size() - (int) accepted,
                summary ? results.stream().map(BatchItemResult::summarised).toList() : results);
    }

    private static boolean summary(String answer) {
        if (answer == null || answer.equals("full")) {
            return false;
        }
        if (answer.equals("summary")) {
            return true;
        }
        throw ApiProblem.invalid(
                "answer", answer, "answer: '" + answer + "' is not an answer form; use full or summary");
    }

    /** What became of one piece of evidence: stored (with its update), refused (with its problem), or 404. */
    @Operation(
            operationId = "getEvidence",
            summary = "Read what became of a piece of evidence",
            description =
                    "Stored (with its path update), refused on the evidence stream (with the problem), or a 404 problem evidence-pending: not taken from the evidence stream yet, or never sent.")
    @GetMapping("/{id}")
    public EvidenceStatus.EvidenceStatusJson get(Caller caller, @PathVariable String id) {
        return status.of(caller.tenantId(), id);
    }

    private BatchResponse published(String tenantId, List<BatchItem> read) {
        List<EvidenceRequest> readable = new ArrayList<>();
        List<BatchItemResult> results = new ArrayList<>(read.size());
        for (BatchItem item : read) {
            if (item.unreadable() == null) {
                readable.add(item.request());
            }
        }
        if (!readable.isEmpty()) {
            stream.publish(tenantId, readable);
        }
        for (BatchItem item : read) {
            results.add(
                    item.unreadable() == null
                            ? new BatchItemResult(item.index(), item.evidenceId(), 202, false, null, null)
                            : Outcome.refused(item.unreadable()).toItem(item.index(), item.evidenceId()));
        }
        return new BatchResponse(results.size(), readable.size(), results.size() - readable.size(), results);
    }

    private static EvidenceReceipt receipt(String evidenceId) {
        return new EvidenceReceipt(evidenceId, "pending", "/v1/evidence/" + evidenceId);
    }

    /** The batch outcome: counts, then one result per item. */
    public record BatchResponse(int items, int accepted, int refused, List<BatchItemResult> results) {}

    /**
     * The items of a batch body ({@code [...]} or {@code {"items": [...]}}), each read as an evidence request or kept
     * with the problem that makes it unreadable (named by its index: {@code items[3].score.raw}).
     */
    private List<BatchItem> items(JsonNode body) {
        JsonNode items = body != null && body.isObject() ? body.get("items") : body;
        if (items == null || !items.isArray()) {
            throw ApiProblem.invalid("items", null, "items: send a JSON array of evidence, or {\"items\": [...]}");
        }
        int limit = evidence.batchLimit();
        if (items.size() > limit) {
            throw new ApiProblem(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "batch-too-large",
                    "items",
                    items.size(),
                    "items: a batch holds at most " + limit + " pieces of evidence; this one has " + items.size()
                            + ". Split it into batches of " + limit + " or fewer",
                    null);
        }
        List<BatchItem> read = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            read.add(this.items.read(i, "items[" + i + "]", items.get(i)));
        }
        return read;
    }
}
