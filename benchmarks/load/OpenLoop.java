import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop (fixed-rate) client for next steps, since wrk2 is not packaged in Debian: sends GET
 * /v1/learners/{random learner}/next-steps at RATE requests/s for SECONDS, on a schedule that does not wait for the
 * answers, and measures each latency from the request's scheduled time (so a stalled server shows up in the
 * percentiles instead of slowing the client: no coordinated omission).
 *
 * java benchmarks/load/OpenLoop.java BASE_URL RATE SECONDS LEARNERS [API_KEY]
 */
public class OpenLoop {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int learners = Integer.parseInt(args[3]);
        String key = args.length > 4 ? args[4] : "demo-platform-key";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newFixedThreadPool(2)).build();
        int total = rate * seconds;
        long[] latency = new long[total];
        Arrays.fill(latency, -1);
        AtomicInteger errors = new AtomicInteger();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicInteger maxLagMicros = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(total);
        Random random = new Random(42);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * period;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLagMicros.accumulateAndGet((int) ((System.nanoTime() - scheduled) / 1000), Math::max);
            String learner = String.format("demo-%05d", 30 + random.nextInt(learners - 30));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/learners/" + learner + "/next-steps"))
                    .header("X-Api-Key", key).timeout(Duration.ofSeconds(10)).GET().build();
            int index = i;
            client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                latency[index] = System.nanoTime() - scheduled;
                String outcome = failure != null ? failure.getClass().getSimpleName() : "HTTP " + response.statusCode();
                outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
                finished.countDown();
            });
        }
        long sent = System.nanoTime();
        boolean all = finished.await(30, TimeUnit.SECONDS);
        long end = System.nanoTime();
        long[] done = Arrays.stream(latency).filter(l -> l >= 0).sorted().toArray();
        double sentRate = total / ((sent - start) / 1e9);
        double answeredRate = done.length / ((end - start) / 1e9);
        System.out.printf("open loop: target %d req/s for %d s, %d requests; sent at %.1f req/s (max send lag %.2f ms),"
                        + " answered %d at %.1f req/s%s%n", rate, seconds, total, sentRate, maxLagMicros.get() / 1000.0,
                done.length, answeredRate, all ? "" : " (some unanswered after 30 s)");
        System.out.printf("latency from the scheduled time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms,"
                        + " max %.2f ms; errors %d%n", pct(done, 50), pct(done, 90), pct(done, 99), pct(done, 99.9),
                done.length == 0 ? 0 : done[done.length - 1] / 1e6, errors.get() + (total - done.length));
        System.out.println("outcomes: " + new TreeMap<>(outcomes));
        System.out.printf("RESULT requests=%d duration_s=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f"
                        + " errors_status=%d errors_socket=0 items_ok=%d items_refused=%d items_ok_per_s=%.1f%n",
                done.length, seconds, answeredRate, pct(done, 50), pct(done, 90), pct(done, 99),
                done.length == 0 ? 0 : done[done.length - 1] / 1e6, errors.get() + (total - done.length),
                done.length - errors.get(), errors.get(), (done.length - errors.get()) / ((end - start) / 1e9));
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
