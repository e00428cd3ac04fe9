package dev.pathwise.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, next to JMH's wall-clock score: {@code cpu.worker} counts the CPU time of the JMH worker
 * threads (the evaluation itself), {@code cpu.process} that of the whole benchmark JVM (with GC and JIT threads),
 * both divided by the operations measured. On a machine shared with other work, wall-clock time per operation
 * grows with the load while CPU time per operation barely moves, so these are the figures to compare across runs.
 *
 * <p>Use: {@code -prof dev.pathwise.benchmarks.CpuTimeProfiler}
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long workerBefore;
    private long processBefore;

    @Override
    public String getDescription() {
        return "CPU time per operation of the JMH worker threads and of the whole JVM";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        workerBefore = workerCpuNanos();
        processBefore = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long worker = workerCpuNanos() - workerBefore;
        long process = os.getProcessCpuTime() - processBefore;
        long ops = Math.max(1, result.getMetadata().getMeasuredOps());
        return List.of(
                new ScalarResult("cpu.worker", worker / 1e3 / ops, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process", process / 1e3 / ops, "us/op", AggregationPolicy.AVG));
    }

    private long workerCpuNanos() {
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("jmh-worker")) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    sum += cpu;
                }
            }
        }
        return sum;
    }
}
