package dev.pathwise.api.evidence;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pathwise.api.tenant.Caller;
import dev.pathwise.api.tenant.RequiresRole;
import dev.pathwise.api.tenant.Role;

/** {@code /v1/evidence}: one piece of evidence, or a batch of up to 1,000. */
@RestController
@RequestMapping("/v1/evidence")
@RequiresRole(Role.PLATFORM)
public class EvidenceController {

    private final EvidenceService evidence;

    public EvidenceController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    /** Evaluates the evidence and answers with the path update once it is stored. */
    @PostMapping
    public PathUpdateJson ingest(Caller caller, @RequestBody EvidenceRequest request) {
        return evidence.ingest(caller.tenantId(), request).update();
    }

    /** A result per item, in order; each item is stored (or refused) on its own. */
    @PostMapping("/batch")
    public BatchResponse batch(Caller caller, @RequestBody JsonNode body) {
        List<BatchItemResult> results = evidence.ingestBatch(caller.tenantId(), body);
        long accepted = results.stream().filter(r -> r.status() == 200).count();
        return new BatchResponse(results.size(), (int) accepted, results.size() - (int) accepted, results);
    }

    /** The batch outcome: counts, then one result per item. */
    public record BatchResponse(int items, int accepted, int refused, List<BatchItemResult> results) {
    }
}
