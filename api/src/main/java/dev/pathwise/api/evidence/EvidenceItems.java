package dev.pathwise.api.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.ProblemAdvice;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Reads one piece of evidence from JSON as strictly as a request body (an unknown field is refused, see WebConfig):
 * an item of a batch, or the evidence of a message of the evidence stream, which are validated by the same code as a
 * single {@code POST /v1/evidence} from there on ({@link EvidenceService#ingestBatch}).
 */
@Component
public class EvidenceItems {

    private final ObjectReader itemReader;

    public EvidenceItems(ObjectMapper json) {
        this.itemReader = json.readerFor(EvidenceRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The item as an evidence request, or kept with the problem that makes it unreadable, named by its place
     * ({@code items[3]}).
     */
    public BatchItem read(int index, String place, JsonNode item) {
        String evidenceId =
                item != null && item.path("id").isTextual() ? item.path("id").asText() : null;
        if (item == null || !item.isObject()) {
            return new BatchItem(
                    index,
                    null,
                    null,
                    ApiProblem.invalid(
                            place,
                            null,
                            place + ": is "
                                    + (item == null || item.isNull()
                                            ? "null"
                                            : "a JSON "
                                                    + item.getNodeType().name().toLowerCase(Locale.ROOT))
                                    + "; send an evidence object"));
        }
        try {
            return new BatchItem(index, evidenceId, itemReader.treeToValue(item, EvidenceRequest.class), null);
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            ApiProblem problem = unreadable instanceof JsonProcessingException json
                    ? ProblemAdvice.unreadableJson(json)
                    : ApiProblem.invalid(place, null, place + ": not an evidence object");
            return new BatchItem(index, evidenceId, null, problem);
        }
    }
}
