import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Streams N pieces of evidence for the M learners of the demo district (its scaled ones: demo-00030 to demo-<M-1>) into the evidence topic as fast as the producer
 * goes (or at RATE/s), watches the consumer group's committed offsets (an offset is committed only after its evidence
 * is committed to the database, so committed offsets count durable evidence) and lag every PRINT_EVERY seconds, then reads the
 * latency of every piece from the database (evaluation time minus the observedAt the producer stamped at sending).
 * PRINT_EVERY (seconds, default 2) sets how often a line is printed; MAX_MINUTES (default 30) stops a run that long.
 * Run by run.sh: java -cp "lib/*" ScaleDriver.java (settings in the environment, see run.sh).
 */
public class ScaleDriver {

    public static void main(String[] args) throws Exception {
        String bootstrap = env("BOOTSTRAP", "127.0.0.1:29092");
        String topic = env("TOPIC", "pathwise.evidence");
        String group = env("GROUP", "pathwise");
        String tenant = env("TENANT", "demo-district");
        long n = Long.parseLong(env("N", "1000000"));
        int m = Integer.parseInt(env("M", "100000"));
        int first = Integer.parseInt(env("FIRST_LEARNER", "30"));
        long rate = Long.parseLong(env("RATE", "0"));
        String[] competencies = env("COMPETENCIES", "").split(",");
        String jdbc = env("JDBC", "jdbc:postgresql://127.0.0.1:55434/postgres?user=postgres");
        String run = env("RUN", Long.toString(System.currentTimeMillis(), 36));

        long startSeq;
        String startWal;
        try (Connection db = DriverManager.getConnection(jdbc);
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        "select coalesce(max(seq), 0), pg_current_wal_lsn()::text from evidence")) {
            rs.next();
            startSeq = rs.getLong(1);
            startWal = rs.getString(2);
        }
        Properties adminConfig = new Properties();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Admin admin = Admin.create(adminConfig);
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        long committedAtStart = committed(admin, group, partitions);

        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        AtomicLong acked = new AtomicLong();
        long started = System.nanoTime();
        Thread producing = new Thread(() -> {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
                for (long i = 0; i < n; i++) {
                    if (rate > 0) {
                        long due = started + i * 1_000_000_000L / rate;
                        while (System.nanoTime() < due) {
                            Thread.onSpinWait();
                        }
                    }
                    String learner = String.format("demo-%05d", first + (int) (i % (m - first)));
                    String competency = competencies[(int) ((i / m) % competencies.length)];
                    String value = "{\"tenantId\":\"" + tenant + "\",\"evidence\":{\"id\":\"b-" + run + "-" + i
                            + "\",\"learnerId\":\"" + learner + "\",\"competencyId\":\"" + competency
                            + "\",\"score\":{\"raw\":" + ((i * 7) % 11) + ",\"min\":0,\"max\":10},\"kind\":\"FORMATIVE\","
                            + "\"source\":\"scale-bench\",\"observedAt\":\"" + Instant.now() + "\"}}";
                    producer.send(new ProducerRecord<>(topic, tenant + ":" + learner, value), (md, e) -> {
                        if (e == null) {
                            acked.incrementAndGet();
                        }
                    });
                }
            }
        });
        producing.start();
        System.out.printf("run %s: %,d evidence for %,d learners into %s (%d partitions), rate %s%n",
                run, n, m, topic, partitions.size(), rate == 0 ? "unlimited" : rate + "/s");
        System.out.println("   t(s)   produced    durable   durable/s        lag  load average");
        long durable = 0;
        long lastDurable = 0;
        long lastT = started;
        long maxLag = 0;
        List<Double> rates = new ArrayList<>();
        long every = Long.parseLong(env("PRINT_EVERY", "2"));
        while (durable < n) {
            Thread.sleep(every * 1000);
            long now = System.nanoTime();
            durable = committed(admin, group, partitions) - committedAtStart;
            long end = endOffsets(admin, partitions);
            long lag = end - (committedAtStart + durable);
            maxLag = Math.max(maxLag, lag);
            double perSecond = (durable - lastDurable) * 1e9 / (now - lastT);
            rates.add(perSecond);
            System.out.printf("%7.1f %10d %10d %11.0f %10d  %s%n",
                    (now - started) / 1e9, acked.get(), durable, perSecond, lag, loadAverage());
            lastDurable = durable;
            lastT = now;
            if ((now - started) > TimeUnit.MINUTES.toNanos(Long.parseLong(env("MAX_MINUTES", "30")))) {
                System.out.println("stopped after MAX_MINUTES");
                break;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        producing.join();
        admin.close();
        try (Connection db = DriverManager.getConnection(jdbc);
                Statement s = db.createStatement()) {
            ResultSet rs = s.executeQuery("select count(*), count(distinct evidence_id),"
                    + " percentile_cont(array[0.5, 0.95, 0.99]) within group (order by extract(epoch from"
                    + " received_at - (payload::json->>'observedAt')::timestamptz)), max(extract(epoch from"
                    + " received_at - (payload::json->>'observedAt')::timestamptz)),"
                    + " extract(epoch from max(received_at) - min(received_at))"
                    + " from evidence where seq > " + startSeq + " and evidence_id like 'b-" + run + "-%'");
            rs.next();
            Double[] p = (Double[]) rs.getArray(3).getArray();
            System.out.printf("stored %,d (distinct ids %,d) of %,d in %.1f s: %.0f durable evidence/s overall;"
                            + " max consumer lag %,d%n",
                    rs.getLong(1), rs.getLong(2), n, seconds, rs.getLong(1) / seconds, maxLag);
            System.out.printf("evaluation spread %.1f s: %.0f evidence/s while consuming%n",
                    rs.getDouble(5), rs.getLong(1) / Math.max(rs.getDouble(5), 0.001));
            System.out.printf("latency produce -> evaluated (s): p50 %.3f  p95 %.3f  p99 %.3f  max %.3f%n",
                    p[0], p[1], p[2], rs.getDouble(4));
            ResultSet wal = s.executeQuery(
                    "select pg_wal_lsn_diff(pg_current_wal_lsn(), '" + startWal + "'::pg_lsn)::bigint");
            wal.next();
            System.out.printf("WAL written: %,d MB, %.0f bytes per evidence%n",
                    wal.getLong(1) >> 20, wal.getLong(1) / (double) n);
            ResultSet size = s.executeQuery("select pg_database_size(current_database()),"
                    + " pg_total_relation_size('evidence'), pg_total_relation_size('learners'),"
                    + " (select count(*) from evidence)");
            size.next();
            System.out.printf("database %,d MB; evidence table %,d MB for %,d rows (%.0f bytes/row with indexes);"
                            + " learners table %,d MB%n",
                    size.getLong(1) >> 20, size.getLong(2) >> 20, size.getLong(4),
                    size.getLong(2) / (double) size.getLong(4), size.getLong(3) >> 20);
        }
        System.out.println("load average at the end: " + loadAverage());
    }

    static long committed(Admin admin, String group, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long sum = 0;
        for (TopicPartition p : partitions) {
            OffsetAndMetadata o = offsets.get(p);
            sum += o == null ? 0 : o.offset();
        }
        return sum;
    }

    static long endOffsets(Admin admin, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        long sum = 0;
        for (var info : admin.listOffsets(latest).all().get().values()) {
            sum += info.offset();
        }
        return sum;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
