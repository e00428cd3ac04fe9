package dev.pathwise.api.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.Problems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;

/**
 * What became of a piece of evidence, by its id: stored (with its path update, or the problem its evaluation was cut
 * off with), refused on the evidence stream (with the problem), or neither yet: a 404 problem, since a piece sent to
 * the evidence stream is pending until a node consumes it, and one never sent is unknown.
 */
@Service
public class EvidenceStatus {

    /**
     * The status of one evidence id.
     *
     * @param status "stored" or "refused"
     * @param update the path update of stored evidence
     * @param problem why it was refused, or why its stored evaluation was cut off
     */
    public record EvidenceStatusJson(String evidenceId, String status, PathUpdateJson update, ProblemDetail problem) {}

    private final EvidenceRepository evidence;
    private final EvidenceRefusals refusals;
    private final EvidenceSteps steps;
    private final ObjectMapper json;

    EvidenceStatus(EvidenceRepository evidence, EvidenceRefusals refusals, EvidenceSteps steps, ObjectMapper json) {
        this.evidence = evidence;
        this.refusals = refusals;
        this.steps = steps;
        this.json = json;
    }

    /** @throws ApiProblem 404 {@code evidence-pending} when the id is neither stored nor refused */
    public EvidenceStatusJson of(String tenantId, String evidenceId) {
        EvidenceRepository.StoredRow row =
                evidence.rows(tenantId, List.of(evidenceId)).get(evidenceId);
        if (row != null) {
            try {
                return new EvidenceStatusJson(
                        evidenceId,
                        "stored",
                        steps.answer(row, evidenceId, row.contentHash()).update(),
                        null);
            } catch (ApiProblem cutOff) {
                return new EvidenceStatusJson(evidenceId, "stored", null, Problems.of(cutOff));
            }
        }
        String refused = refusals.problem(tenantId, evidenceId).orElse(null);
        if (refused != null) {
            return new EvidenceStatusJson(evidenceId, "refused", null, read(refused));
        }
        throw new ApiProblem(
                HttpStatus.NOT_FOUND,
                "evidence-pending",
                "id",
                evidenceId,
                "id: evidence '" + evidenceId + "' is neither stored nor refused: sent to the evidence stream, it is"
                        + " pending until a node takes it (ask again in a moment); never sent, it is unknown",
                null);
    }

    private ProblemDetail read(String problem) {
        try {
            return json.readValue(problem, ProblemDetail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored refusal is not a problem document: " + e.getMessage(), e);
        }
    }
}
