package dev.pathwise.api.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.ProblemAdvice;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/evidence}: one piece of evidence, or a batch of up to 1,000. */
@RestController
@RequestMapping("/v1/evidence")
@RequiresRole(Role.PLATFORM)
public class EvidenceController {

    private final EvidenceService evidence;
    private final ObjectReader itemReader;

    public EvidenceController(EvidenceService evidence, ObjectMapper json) {
        this.evidence = evidence;
        // Items of a batch are read as strictly as a request body (WebConfig): an unknown field is refused.
        this.itemReader = json.readerFor(EvidenceRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Evaluates the evidence and answers with the path update once it is stored. */
    @Operation(
            operationId = "postEvidence",
            summary = "Send one piece of evidence",
            description =
                    "Evaluated and stored; answers with the path update: mastery changes, unlocks, flags and next steps, each with its reason.")
    @PostMapping
    public PathUpdateJson ingest(Caller caller, @RequestBody EvidenceRequest request) {
        return evidence.ingest(caller.tenantId(), request).update();
    }

    /** A result per item, in order; each item is stored (or refused) on its own. */
    @Operation(
            operationId = "postEvidenceBatch",
            summary = "Send a batch of evidence",
            description = "Up to 1,000 items; each is stored or refused on its own, one result per item in order. With"
                    + " answer=summary each stored item answers with its outcome only (levels changed, unlocks,"
                    + " flags, next activities) instead of the full path update with its explanations.")
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
        List<BatchItemResult> results = evidence.ingestBatch(caller.tenantId(), items(body));
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
            JsonNode item = items.get(i);
            String evidenceId = item.path("id").isTextual() ? item.path("id").asText() : null;
            if (!item.isObject()) {
                read.add(new BatchItem(
                        i,
                        null,
                        null,
                        ApiProblem.invalid(
                                "items[" + i + "]",
                                null,
                                "items[" + i
                                        + "]: is "
                                        + (item.isNull()
                                                ? "null"
                                                : "a JSON "
                                                        + item.getNodeType()
                                                                .name()
                                                                .toLowerCase(java.util.Locale.ROOT))
                                        + "; send an evidence object")));
                continue;
            }
            try {
                read.add(new BatchItem(i, evidenceId, itemReader.treeToValue(item, EvidenceRequest.class), null));
            } catch (JsonProcessingException | IllegalArgumentException unreadable) {
                ApiProblem problem = unreadable instanceof JsonProcessingException json
                        ? ProblemAdvice.unreadableJson(json)
                        : ApiProblem.invalid("items[" + i + "]", null, "items[" + i + "]: not an evidence object");
                read.add(new BatchItem(i, evidenceId, null, problem));
            }
        }
        return read;
    }
}
