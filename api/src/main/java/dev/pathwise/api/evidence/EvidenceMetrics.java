package dev.pathwise.api.evidence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** The evidence path's metrics, counted once a transaction is committed. */
@Component
class EvidenceMetrics {

    private final Counter evaluated;
    private final Counter ruleFirings;
    private final Timer evaluationTime;
    private final Counter cutOff;
    private final Counter late;
    private final Counter batchFallbacks;

    EvidenceMetrics(MeterRegistry registry) {
        this.evaluated = Counter.builder("pathwise.evidence.evaluated")
                .description("Pieces of evidence evaluated (retries of stored evidence excluded)")
                .register(registry);
        this.ruleFirings = Counter.builder("pathwise.rule.firings")
                .description("Rules fired while evaluating evidence")
                .register(registry);
        this.evaluationTime = Timer.builder("pathwise.evaluation.time")
                .description("Time to evaluate one piece of evidence")
                .register(registry);
        this.cutOff = Counter.builder("pathwise.rule.loops")
                .description("Evaluations cut off because rules looped or failed (stored, not applied)")
                .register(registry);
        this.late = Counter.builder("pathwise.evidence.late")
                .description(
                        "Evidence observed before evidence already counted: placed at its time, learner" + " rebuilt")
                .register(registry);
        this.batchFallbacks = Counter.builder("pathwise.evidence.batch.fallbacks")
                .description("Batches rolled back because a concurrent request stored one of their evidence ids"
                        + " or held a lock they could not get, then ingested item by item")
                .register(registry);
    }

    /** Counts the steps of a committed transaction. */
    void committed(List<Step> steps) {
        for (Step step : steps) {
            if (step.after() != null) {
                evaluationTime.record(step.nanos(), TimeUnit.NANOSECONDS);
                evaluated.increment();
                ruleFirings.increment(step.firings());
                if (step.outcome().result() != null
                        && step.outcome().result().update().late() != null) {
                    late.increment();
                }
            } else if (step.cutOff()) {
                cutOff.increment();
            }
        }
    }

    void batchFallback() {
        batchFallbacks.increment();
    }
}
