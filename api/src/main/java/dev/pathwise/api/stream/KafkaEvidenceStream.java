package dev.pathwise.api.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.evidence.EvidenceRequest;
import dev.pathwise.api.evidence.EvidenceStream;
import dev.pathwise.api.problem.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes evidence to the evidence topic as {@link EvidenceEnvelope}s keyed {@code tenant:learner}, and waits for
 * the broker to acknowledge every one ({@code acks=all}) before returning: the 202 of {@code POST /v1/evidence} in
 * publish mode means the evidence is durable in Kafka.
 */
public final class KafkaEvidenceStream implements EvidenceStream {

    private final KafkaTemplate<String, String> template;
    private final String topic;
    private final ObjectMapper json;

    public KafkaEvidenceStream(KafkaTemplate<String, String> template, String topic, ObjectMapper json) {
        this.template = template;
        this.topic = topic;
        this.json = json;
    }

    @Override
    public void publish(String tenantId, List<EvidenceRequest> evidence) {
        List<CompletableFuture<?>> sent = new ArrayList<>(evidence.size());
        for (EvidenceRequest request : evidence) {
            String value;
            try {
                value = json.writeValueAsString(new EvidenceEnvelope(tenantId, json.valueToTree(request)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Could not write evidence '" + request.id() + "' as JSON", e);
            }
            sent.add(template.send(topic, EvidenceEnvelope.key(tenantId, request.learnerId()), value));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    private ApiProblem unavailable(Exception cause) {
        return new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "stream-unavailable",
                null,
                null,
                "the evidence stream (topic '" + topic + "') did not take the evidence within 30 s ("
                        + cause.getClass().getSimpleName() + "); send it again: its id makes a second copy harmless",
                null);
    }
}
