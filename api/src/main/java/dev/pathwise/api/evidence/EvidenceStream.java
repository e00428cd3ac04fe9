package dev.pathwise.api.evidence;

import java.util.List;

/**
 * The evidence stream, when the service runs with one ({@code pathwise.kafka.enabled=true}): evidence published there
 * is evaluated and stored by whichever node consumes its learner's partition, in the order published.
 */
public interface EvidenceStream {

    /**
     * Publishes each piece for the tenant, keyed by its learner, and returns once the broker has every one of them.
     *
     * @throws IllegalStateException when the broker did not take them (nothing can be said of which it has)
     */
    void publish(String tenantId, List<EvidenceRequest> evidence);
}
