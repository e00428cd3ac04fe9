package dev.pathwise.engine.policy.sandbox;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches every evaluation that is running rules, on one daemon thread of the JVM: every {@value #TICK_MILLIS} ms it
 * reads each watched thread's CPU time and allocated bytes, and asks a {@link EvaluationGuard} past its
 * {@link EvaluationLimits} to stop. The thread sleeps while nothing is watched.
 *
 * <p>Evaluations that end within one tick (nearly all of them) are never measured: starting and ending a watch costs
 * two updates of a concurrent set. The first look at an evaluation takes its thread's counters as the baseline, so at
 * most one tick of its work goes uncounted.
 */
public final class EvaluationWatchdog {

    static final long TICK_MILLIS = 10;

    private static final EvaluationWatchdog SHARED = new EvaluationWatchdog();

    private final Set<EvaluationGuard> watched = ConcurrentHashMap.newKeySet();
    private final com.sun.management.ThreadMXBean threads;
    private final Thread ticker;
    private volatile boolean idle;

    private EvaluationWatchdog() {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
        if (threads.isThreadAllocatedMemorySupported() && !threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
        ticker = new Thread(this::run, "pathwise-rule-watchdog");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** The watchdog of this JVM. */
    public static EvaluationWatchdog shared() {
        return SHARED;
    }

    void watch(EvaluationGuard guard) {
        watched.add(guard);
        if (idle) {
            LockSupport.unpark(ticker);
        }
    }

    void forget(EvaluationGuard guard) {
        watched.remove(guard);
    }

    /** How many evaluations are being watched now. */
    public int watching() {
        return watched.size();
    }

    private void run() {
        while (true) {
            if (watched.isEmpty()) {
                idle = true;
                if (watched.isEmpty()) {
                    LockSupport.park(this);
                }
                idle = false;
                continue;
            }
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
            long now = System.nanoTime();
            for (EvaluationGuard guard : watched) {
                try {
                    long id = guard.threadId();
                    guard.inspect(now, threads.getThreadCpuTime(id), threads.getThreadAllocatedBytes(id));
                } catch (RuntimeException e) {
                    // a guard that cannot be measured is left to finish on its own
                }
            }
        }
    }
}
