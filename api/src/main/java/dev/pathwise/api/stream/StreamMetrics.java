package dev.pathwise.api.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The evidence stream's metrics ({@code /actuator/metrics}, {@code /actuator/prometheus}), counted once a batch's
 * database transactions are committed and its dead letters and updates acknowledged: the pieces taken from the
 * evidence topic by outcome, the path updates published, and the time to take one polled batch. The Kafka clients'
 * own metrics (the consumers' {@code kafka.consumer.fetch.manager.records.lag.max}, the producer's) are registered
 * beside them by {@link KafkaStreamConfig}.
 */
@Component
@ConditionalOnProperty(name = "pathwise.kafka.enabled", havingValue = "true")
class StreamMetrics {

    /** What became of a piece of evidence taken from the evidence topic. */
    enum Outcome {
        /** evaluated and stored now */
        STORED,
        /** stored before (read again after a crash or a rebalance, or sent twice): answered from its row */
        REPLAYED,
        /** stored, but its evaluation was cut off (the rules looped or failed): the learner unchanged */
        CUT_OFF,
        /** refused with its problem: kept for {@code GET /v1/evidence/{id}} and sent to the dead-letter topic */
        REFUSED
    }

    private final Map<Outcome, Counter> taken = new EnumMap<>(Outcome.class);
    private final Counter updates;
    private final Timer batches;

    StreamMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            taken.put(
                    outcome,
                    Counter.builder("pathwise.stream.evidence")
                            .description("Pieces of evidence taken from the evidence topic, by outcome")
                            .tag(
                                    "outcome",
                                    outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .register(registry));
        }
        this.updates = Counter.builder("pathwise.stream.updates")
                .description("Path updates published to the updates topic (levels, unlocks, drop-backs or flags"
                        + " changed)")
                .register(registry);
        this.batches = Timer.builder("pathwise.stream.batch.time")
                .description("Time to take one polled batch: read, evaluate, store, commit, dead letters and updates"
                        + " acknowledged")
                .register(registry);
    }

    void taken(Outcome outcome, int count) {
        taken.get(outcome).increment(count);
    }

    void updatesPublished(int count) {
        updates.increment(count);
    }

    void batch(long nanos) {
        batches.record(nanos, TimeUnit.NANOSECONDS);
    }
}
