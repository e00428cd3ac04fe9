package dev.pathwise.engine.policy.sandbox;

import dev.pathwise.engine.policy.EvaluationLimitException;
import dev.pathwise.engine.policy.EvaluationLimitException.Limit;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps one evaluation's rules within its {@link EvaluationLimits}. Every call into the rule engine goes through
 * {@link #run}; the {@link EvaluationWatchdog} measures the evaluating thread and, once a limit is passed, first asks
 * the rule session to halt (which ends the firing between two rules) and, if the thread is still inside the rule
 * engine after the grace period (a constraint or join that does not end), stops the thread's work there. Either way
 * the call ends with an {@link EvaluationLimitException} naming the rule, the session is discarded, and the thread
 * goes on with its next task.
 *
 * <p>Stopping a thread throws {@link ThreadDeath} into it wherever it is; the watchdog does so only while the thread
 * is inside a guarded call (checked under the guard's lock), and {@link #run} absorbs it before it can reach the
 * caller. Where the JVM no longer stops threads (Java 20 and later), the halt and the firing limit are what remain.
 */
public final class EvaluationGuard {

    private static final long LATE_STOP_WAIT_NANOS = 1_000_000_000L;

    private final EvaluationWatchdog watchdog;
    private final EvaluationLimits limits;
    private final Thread thread;
    private final long threadId;
    private final Runnable halt;
    private final Map<String, String> ruleOfClass;
    private final Supplier<String> heaviestRule;
    private volatile String firingRule;
    private volatile String lastFiredRule;

    // The evaluating thread and the watchdog agree on stopping through volatile flags, with no lock on the way in
    // and out of the rule engine: the thread clears 'inside' and then reads 'stopping'; the watchdog sets 'stopping'
    // and then reads 'inside'. At least one of them sees the other, so a stop is sent only while the thread is inside.
    private volatile boolean inside;
    private volatile boolean stopping;
    private volatile boolean stopSent;
    private volatile boolean stopConsumed;
    private volatile boolean finished;
    private volatile Limit exceeded;

    // written by the watchdog (or, for an Error in the evaluating thread, by that thread) under the lock
    private final Object lock = new Object();
    private boolean haltSent;
    private long baselineCpu = -1;
    private long baselineAllocated;
    private String exceededDetail;
    private String exceededRule;
    private long exceededAt;

    private EvaluationGuard(
            EvaluationWatchdog watchdog,
            EvaluationLimits limits,
            Runnable halt,
            Map<String, String> ruleOfClass,
            Supplier<String> heaviestRule) {
        this.watchdog = watchdog;
        this.limits = limits;
        this.thread = Thread.currentThread();
        this.threadId = thread.getId();
        this.halt = halt;
        this.ruleOfClass = ruleOfClass;
        this.heaviestRule = heaviestRule;
    }

    /**
     * Starts guarding the current thread's evaluation.
     *
     * @param halt         asks the rule session to stop firing
     * @param ruleOfClass  the rule of each generated class, to name the rule found running
     * @param heaviestRule the rule holding the most partial matches, to name the rule when Drools itself is joining
     */
    public static EvaluationGuard start(
            EvaluationLimits limits, Runnable halt, Map<String, String> ruleOfClass, Supplier<String> heaviestRule) {
        EvaluationGuard guard =
                new EvaluationGuard(EvaluationWatchdog.shared(), limits, halt, ruleOfClass, heaviestRule);
        guard.watchdog.watch(guard);
        return guard;
    }

    /** The rule whose consequence is running now, or null between firings. */
    public void firing(String rule) {
        firingRule = rule;
        if (rule != null) {
            lastFiredRule = rule;
        }
    }

    /**
     * Runs one call into the rule engine within the limits.
     *
     * @throws EvaluationLimitException when the evaluation passed a limit, before or during this call
     */
    public <T> T run(Supplier<T> call) {
        try {
            enter();
            T result;
            try {
                result = call.get();
            } catch (ThreadDeath death) {
                absorbStop();
                throw limitException();
            } catch (OutOfMemoryError | StackOverflowError error) {
                exceededBy(error);
                throw limitException();
            } catch (RuntimeException e) {
                if (hasExceeded()) {
                    throw limitException();
                }
                throw e;
            } finally {
                leave();
            }
            if (hasExceeded()) {
                throw limitException();
            }
            return result;
        } catch (ThreadDeath late) {
            absorbStop();
            throw limitException();
        }
    }

    /**
     * Takes the stop as delivered. The JVM also interrupts a thread it stops; the interrupt is cleared here, or the
     * thread's next blocking I/O (the database file, a socket) would fail, and a file channel interrupted in a write
     * closes for every thread that shares it.
     */
    private void absorbStop() {
        stopConsumed = true;
        Thread.interrupted();
    }

    /** Ends the watch; the evaluation's session may be reused only if no limit was passed. */
    public void finish() {
        finished = true;
        watchdog.forget(this);
    }

    /** Whether a limit was passed: the session that ran the rules must not be reused. */
    public boolean hasExceeded() {
        return exceeded != null;
    }

    long threadId() {
        return threadId;
    }

    /** One look by the watchdog: the thread's CPU time and allocated bytes now, in nanoseconds and bytes. */
    void inspect(long now, long cpu, long allocated) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            if (baselineCpu < 0) {
                baselineCpu = cpu;
                baselineAllocated = allocated;
                return;
            }
            if (exceeded == null) {
                if (cpu - baselineCpu > limits.cpu().toNanos()) {
                    exceed(
                            now,
                            Limit.CPU,
                            "more than " + limits.cpu().toMillis() + " ms of CPU time, the limit of "
                                    + "one evaluation");
                } else if (allocated - baselineAllocated > limits.allocated()) {
                    exceed(
                            now,
                            Limit.MEMORY,
                            "more than " + (limits.allocated() >> 20) + " MiB of memory, the "
                                    + "limit of one evaluation");
                }
            }
            if (exceeded == null) {
                return;
            }
            if (exceededRule == null) {
                exceededRule = ruleOnStack(); // a join or constraint shows its rule's code on some looks, not all
            }
            if (!haltSent) {
                haltSent = true;
                halt.run();
            } else if (!stopSent && now - exceededAt >= limits.grace().toNanos()) {
                stopping = true;
                if (inside) {
                    stopSent = true;
                    stop();
                }
                stopping = false;
            }
        }
    }

    private void exceed(long now, Limit limit, String detail) {
        exceededDetail = detail;
        exceededAt = now;
        exceededRule = ruleOnStack();
        exceeded = limit;
    }

    private void exceededBy(Error error) {
        synchronized (lock) {
            if (exceeded == null) {
                exceededDetail = error instanceof OutOfMemoryError
                        ? "more memory than the service has"
                        : "a call chain deeper than the service allows";
                exceededRule = firingRule != null ? firingRule : lastFiredRule;
                exceeded = error instanceof OutOfMemoryError ? Limit.MEMORY : Limit.CPU;
            }
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private void stop() {
        try {
            thread.stop();
        } catch (UnsupportedOperationException e) {
            // Java 20+: the halt already sent and the firing limit end the evaluation between two rules
        }
    }

    private void enter() {
        if (exceeded != null) {
            throw limitException();
        }
        inside = true;
    }

    private void leave() {
        inside = false;
        while (stopping && !stopSent) {
            Thread.onSpinWait(); // the watchdog is deciding whether it saw this thread inside
        }
        if (stopSent && !stopConsumed) {
            // the stop was sent while the thread was inside; it lands within moments, here rather than later
            long deadline = System.nanoTime() + LATE_STOP_WAIT_NANOS;
            while (!stopConsumed && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
    }

    private EvaluationLimitException limitException() {
        synchronized (lock) {
            return new EvaluationLimitException(
                    exceeded == null ? Limit.CPU : exceeded,
                    exceededRule,
                    exceededDetail == null ? "more than the limits of one evaluation" : exceededDetail);
        }
    }

    /**
     * The rule whose code the thread is running, found on its stack, else the rule firing, else the rule whose joins
     * hold the most partial matches, else the rule that fired last (whose inserts Drools was propagating), else null.
     */
    private String ruleOnStack() {
        for (StackTraceElement frame : thread.getStackTrace()) {
            String name = frame.getClassName();
            int nested = name.indexOf('$');
            String rule = ruleOfClass.get(nested > 0 ? name.substring(0, nested) : name);
            if (rule != null) {
                return rule;
            }
        }
        String rule = firingRule != null ? firingRule : heaviestRule.get();
        return rule != null ? rule : lastFiredRule;
    }
}
