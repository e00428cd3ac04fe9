package dev.pathwise.engine.policy.sandbox;

import java.time.Duration;

/**
 * How much one evaluation's rules may take before they are stopped: CPU time on the evaluating thread, and bytes
 * allocated by it. An evaluation of the default policy takes well under a millisecond and allocates well under a
 * megabyte; the limits are there for rules that would loop or allocate without end.
 *
 * @param cpu       CPU time from the start of the evaluation's rules to their end
 * @param allocated bytes allocated by the evaluating thread in that time
 * @param grace     how long a rule may keep running after it was asked to halt before its thread is stopped
 */
public record EvaluationLimits(Duration cpu, long allocated, Duration grace) {

    /** 200 ms of CPU, 256 MiB allocated, 50 ms of grace. */
    public static final EvaluationLimits DEFAULT =
            new EvaluationLimits(Duration.ofMillis(200), 256L << 20, Duration.ofMillis(50));

    public EvaluationLimits {
        if (cpu == null || cpu.isNegative() || cpu.isZero()) {
            throw new IllegalArgumentException("evaluation CPU limit: " + cpu + " must be more than zero, e.g. 200ms");
        }
        if (allocated <= 0) {
            throw new IllegalArgumentException(
                    "evaluation allocation limit: " + allocated + " bytes must be more than zero, e.g. 256MB");
        }
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("evaluation grace: " + grace + " must not be negative, e.g. 50ms");
        }
    }
}
