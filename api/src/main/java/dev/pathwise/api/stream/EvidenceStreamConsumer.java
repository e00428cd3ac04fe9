package dev.pathwise.api.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathwise.api.evidence.BatchItem;
import dev.pathwise.api.evidence.BatchItemResult;
import dev.pathwise.api.evidence.EvidenceItems;
import dev.pathwise.api.evidence.EvidenceRefusals;
import dev.pathwise.api.evidence.EvidenceRepository;
import dev.pathwise.api.evidence.EvidenceService;
import dev.pathwise.api.evidence.PathUpdateJson;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.ProblemAdvice;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.api.tenant.TenantService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ProblemDetail;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a batch of evidence messages (as polled from the partitions this consumer holds, each partition's in offset
 * order), reads each {@link EvidenceEnvelope}, and stores each tenant's pieces in their order through {@link
 * EvidenceService#ingestBatch}, exactly as {@code POST /v1/evidence/batch} does: the same validation, one transaction
 * (per tenant and up to the batch limit), the evidence id as idempotency key. Then a refused piece is kept with its
 * problem ({@link EvidenceRefusals}) and sent to the dead-letter topic; a stored one whose update changed something
 * (levels, unlocks, drop-backs, flags) has it sent to the updates topic. It returns once all of that is committed and
 * acknowledged; only then does the container commit the batch's offsets. A piece read again after a crash is answered
 * from its stored row (its update, and a refusal's dead letter, may so be sent twice: at least once).
 */
@Component
@ConditionalOnProperty(name = "pathwise.kafka.enabled", havingValue = "true")
public class EvidenceStreamConsumer implements BatchMessageListener<String, String> {

    private final EvidenceService evidence;
    private final EvidenceItems items;
    private final EvidenceRepository stored;
    private final EvidenceRefusals refusals;
    private final TenantService tenants;
    private final KafkaTemplate<String, String> template;
    private final StreamTopics topics;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final StreamMetrics metrics;

    public EvidenceStreamConsumer(
            EvidenceService evidence,
            EvidenceItems items,
            EvidenceRepository stored,
            EvidenceRefusals refusals,
            TenantService tenants,
            KafkaTemplate<String, String> template,
            StreamTopics topics,
            TransactionTemplate transactions,
            ObjectMapper json,
            Clock clock,
            StreamMetrics metrics) {
        this.evidence = evidence;
        this.items = items;
        this.stored = stored;
        this.refusals = refusals;
        this.tenants = tenants;
        this.template = template;
        this.topics = topics;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A message read as an envelope, with its place in its tenant's run. */
    private record Message(ConsumerRecord<String, String> record, EvidenceEnvelope envelope) {}

    /** What a batch sent to the broker, and what became of its pieces: counted once all of it is acknowledged. */
    private static final class Taken {
        final List<CompletableFuture<?>> sent = new ArrayList<>();
        final Map<StreamMetrics.Outcome, Integer> outcomes = new EnumMap<>(StreamMetrics.Outcome.class);
        int updates;

        void add(StreamMetrics.Outcome outcome) {
            outcomes.merge(outcome, 1, Integer::sum);
        }

        void refused(CompletableFuture<?> deadLetter) {
            sent.add(deadLetter);
            add(StreamMetrics.Outcome.REFUSED);
        }
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, String>> records) {
        long start = System.nanoTime();
        Taken taken = new Taken();
        Map<String, List<Message>> byTenant = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            EvidenceEnvelope envelope;
            try {
                envelope = json.readValue(record.value(), EvidenceEnvelope.class);
            } catch (JsonProcessingException unreadable) {
                taken.refused(deadLetter(record, null, null, Problems.of(ProblemAdvice.unreadableJson(unreadable))));
                continue;
            }
            if (envelope.tenantId() == null || envelope.tenantId().isBlank()) {
                taken.refused(deadLetter(
                        record,
                        null,
                        envelope.evidence(),
                        Problems.of(ApiProblem.invalid(
                                "tenantId",
                                null,
                                "tenantId: the envelope names no tenant; send {\"tenantId\": \"...\", \"evidence\":"
                                        + " {...}}"))));
                continue;
            }
            byTenant.computeIfAbsent(envelope.tenantId(), t -> new ArrayList<>())
                    .add(new Message(record, envelope));
        }
        byTenant.forEach((tenantId, messages) -> {
            int limit = evidence.batchLimit();
            for (int from = 0; from < messages.size(); from += limit) {
                take(tenantId, messages.subList(from, Math.min(messages.size(), from + limit)), taken);
            }
        });
        try {
            CompletableFuture.allOf(taken.sent.toArray(CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(
                    "The broker did not acknowledge the batch's dead letters and path updates; the batch is taken"
                            + " again (what it stored answers from its stored rows)",
                    e);
        }
        taken.outcomes.forEach(metrics::taken);
        metrics.updatesPublished(taken.updates);
        metrics.batch(System.nanoTime() - start);
    }

    /** One tenant's messages of the batch, in order, stored in one go. */
    private void take(String tenantId, List<Message> messages, Taken taken) {
        String tenantStatus = tenants.status(tenantId).orElse(null);
        if (tenantStatus == null || tenantStatus.equals("disabled")) {
            // as over HTTP, where the tenant's keys are refused: nothing of it is stored
            ProblemDetail refused = Problems.of(
                    tenantStatus == null
                            ? ApiProblem.notFound(
                                    "tenantId",
                                    tenantId,
                                    "tenantId: '" + tenantId + "' is not a tenant of this service; create it first"
                                            + " (POST /v1/operator/tenants) or correct the producer")
                            : new ApiProblem(
                                    org.springframework.http.HttpStatus.FORBIDDEN,
                                    "tenant-disabled",
                                    "tenantId",
                                    tenantId,
                                    "tenantId: tenant '" + tenantId + "' is disabled; its evidence is refused until an"
                                            + " operator enables it again (POST /v1/operator/tenants/" + tenantId
                                            + "/enable), then send it again",
                                    null));
            messages.forEach(m ->
                    taken.refused(deadLetter(m.record(), tenantId, m.envelope().evidence(), refused)));
            return;
        }
        List<BatchItem> read = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            read.add(items.read(i, "evidence", messages.get(i).envelope().evidence()));
        }
        List<BatchItemResult> results;
        try {
            results = evidence.ingestBatch(tenantId, read);
        } catch (ApiProblem wholeTenant) {
            // e.g. the tenant has no framework yet: every piece is refused with it
            ProblemDetail problem = Problems.of(wholeTenant);
            results = read.stream()
                    .map(item -> new BatchItemResult(
                            item.index(),
                            item.evidenceId(),
                            wholeTenant.status().value(),
                            false,
                            null,
                            problem))
                    .toList();
        }
        Set<String> storedAnyway = storedAnyway(tenantId, results);
        for (BatchItemResult result : results) {
            Message message = messages.get(result.index());
            String learnerId = message.envelope().evidence() == null
                    ? null
                    : message.envelope().evidence().path("learnerId").asText(null);
            if (result.status() == 200) {
                taken.add(result.replayed() ? StreamMetrics.Outcome.REPLAYED : StreamMetrics.Outcome.STORED);
                if (changed(result.update())) {
                    taken.sent.add(update(tenantId, result.update()));
                    taken.updates++;
                }
            } else if (storedAnyway.contains(result.evidenceId())) {
                taken.add(StreamMetrics.Outcome.CUT_OFF);
            } else {
                if (result.evidenceId() != null) {
                    String problem = write(result.problem());
                    transactions.executeWithoutResult(status ->
                            refusals.record(tenantId, result.evidenceId(), learnerId, problem, clock.instant()));
                }
                taken.refused(deadLetter(
                        message.record(), tenantId, message.envelope().evidence(), result.problem()));
            }
        }
    }

    /**
     * The evidence ids among the refusals that are stored all the same: evidence whose evaluation was cut off (422,
     * stored, the learner unchanged) is not refused.
     */
    private Set<String> storedAnyway(String tenantId, List<BatchItemResult> results) {
        List<String> cutOff = results.stream()
                .filter(r -> r.status() == 422 && r.evidenceId() != null)
                .map(BatchItemResult::evidenceId)
                .toList();
        return cutOff.isEmpty() ? Set.of() : stored.rows(tenantId, cutOff).keySet();
    }

    private static boolean changed(PathUpdateJson update) {
        return update != null
                && (notEmpty(update.masteryChanges())
                        || notEmpty(update.unlocked())
                        || notEmpty(update.droppedBack())
                        || notEmpty(update.flags()));
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private CompletableFuture<?> update(String tenantId, PathUpdateJson update) {
        ObjectNode value = json.createObjectNode();
        value.put("tenantId", tenantId);
        value.set("update", json.valueToTree(update));
        return template.send(
                topics.updatesTopic(), EvidenceEnvelope.key(tenantId, update.learnerId()), value.toString());
    }

    private CompletableFuture<?> deadLetter(
            ConsumerRecord<String, String> record, String tenantId, JsonNode evidence, ProblemDetail problem) {
        ObjectNode value = json.createObjectNode();
        if (tenantId != null) {
            value.put("tenantId", tenantId);
        }
        if (evidence != null) {
            value.set("evidence", evidence);
        } else {
            value.put("message", record.value());
        }
        value.set("problem", json.valueToTree(problem));
        ObjectNode source = value.putObject("source");
        source.put("topic", record.topic());
        source.put("partition", record.partition());
        source.put("offset", record.offset());
        return template.send(topics.deadLetterTopic(), record.key(), value.toString());
    }

    private String write(ProblemDetail problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a problem as JSON", e);
        }
    }
}
