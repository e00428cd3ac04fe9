package dev.pathwise.api.learner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.ProblemAdvice;
import dev.pathwise.engine.learner.LearnerProfile;
import dev.pathwise.engine.learner.LearnerSnapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /v1/learners/batch}: many learners at once, each an object with its {@code id} and the fields of a
 * profile. Every item is checked first; if any is wrong, nothing is stored and every problem is named
 * ({@code [3].schoolId: ...}). Otherwise all are created or updated in one transaction, evidence kept.
 */
@Service
public class LearnerBatch {

    /** Learners in one request. */
    public static final int LIMIT = 1_000;

    private final LearnerService service;
    private final LearnerRepository learners;
    private final TransactionTemplate transactions;
    private final ObjectReader profileReader;
    private final Clock clock;

    public LearnerBatch(
            LearnerService service,
            LearnerRepository learners,
            TransactionTemplate transactions,
            ObjectMapper json,
            Clock clock) {
        this.service = service;
        this.learners = learners;
        this.transactions = transactions;
        this.profileReader = json.readerFor(ProfileJson.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.clock = clock;
    }

    /** What was done: counts and the ids created and updated, in the order given. */
    public record Result(int learners, List<String> created, List<String> updated) {}

    private record Item(LearnerProfile profile, LearnerRepository.Name name) {}

    public Result put(String tenantId, JsonNode body) {
        if (body == null || !body.isArray()) {
            throw ApiProblem.invalid(
                    "body",
                    null,
                    "body: send a JSON array of learners, each {\"id\": ..., \"grade\":"
                            + " ..., \"schoolId\": ..., ...} (the fields of PUT /v1/learners/{id} plus the id)");
        }
        if (body.size() == 0 || body.size() > LIMIT) {
            throw new ApiProblem(
                    body.size() == 0 ? HttpStatus.BAD_REQUEST : HttpStatus.PAYLOAD_TOO_LARGE,
                    body.size() == 0 ? "invalid-input" : "batch-too-large",
                    "body",
                    body.size(),
                    "body: " + body.size() + " learners; send 1 to " + LIMIT + " per request",
                    null);
        }
        List<String> errors = new ArrayList<>();
        Map<String, Item> items = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < body.size(); i++) {
            String prefix = "[" + i + "].";
            try {
                JsonNode node = body.get(i);
                if (!node.isObject()) {
                    throw ApiProblem.invalid("[" + i + "]", null, "[" + i + "]: is not a JSON object");
                }
                ObjectNode fields = ((ObjectNode) node).deepCopy();
                JsonNode id = fields.remove("id");
                if (id == null || !id.isTextual() || id.asText().isBlank()) {
                    throw ApiProblem.invalid(prefix + "id", null, prefix + "id: is required (the learner's id)");
                }
                String learnerId = id.asText();
                if (!seen.add(learnerId)) {
                    throw ApiProblem.invalid(
                            prefix + "id", learnerId, prefix + "id: '" + learnerId + "' is given twice");
                }
                ProfileJson profile = read(fields, prefix);
                items.put(
                        learnerId,
                        new Item(
                                service.checked(tenantId, learnerId, profile, prefix),
                                profile.hasName() ? LearnerService.name(profile, prefix) : null));
            } catch (ApiProblem problem) {
                errors.add(problem.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-input",
                    "body",
                    null,
                    errors.size() + " of "
                            + body.size() + " learners are refused, so none was stored: " + errors.get(0)
                            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more in errors)" : ""),
                    errors);
        }
        Instant now = clock.instant();
        return transactions.execute(status -> store(tenantId, items, now));
    }

    private Result store(String tenantId, Map<String, Item> items, Instant now) {
        Map<String, StoredLearner> existing = learners.lockAll(tenantId, new TreeSet<>(items.keySet()));
        List<LearnerRepository.Change> changes = new ArrayList<>();
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        items.forEach((learnerId, item) -> {
            StoredLearner previous = existing.get(learnerId);
            if (previous == null) {
                learners.insert(tenantId, LearnerSnapshot.fresh(item.profile()), now);
                created.add(learnerId);
            } else {
                changes.add(learners.change(previous, previous.snapshot().withProfile(item.profile())));
                updated.add(learnerId);
            }
        });
        learners.updateAll(changes, now);
        items.forEach((learnerId, item) -> {
            if (item.name() != null) {
                learners.setName(tenantId, learnerId, item.name());
            }
        });
        return new Result(items.size(), created, updated);
    }

    private ProfileJson read(ObjectNode fields, String prefix) {
        try {
            return profileReader.readValue(fields);
        } catch (JsonProcessingException e) {
            ApiProblem problem = ProblemAdvice.unreadableJson(e);
            throw new ApiProblem(
                    problem.status(),
                    problem.type(),
                    prefix + problem.field(),
                    problem.value(),
                    prefix + problem.getMessage(),
                    null);
        } catch (java.io.IOException e) {
            throw ApiProblem.invalid(
                    prefix.substring(0, prefix.length() - 1), null, prefix + "unreadable: " + e.getMessage());
        }
    }
}
