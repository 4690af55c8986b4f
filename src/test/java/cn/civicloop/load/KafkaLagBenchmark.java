package cn.civicloop.load;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import cn.civicloop.CivicLoopApplication;

/**
 * Publication lag of the Kafka externalization (a command, not a test): Kafka's KRaft broker and the app (production
 * settings on a fresh PostgreSQL database of its own, {@code --db=name} or one named after the run, the switch on) in
 * this JVM; appeals submitted over HTTP on the load benchmark's open-loop timetable; a plain consumer takes the time each {@code case.opened} arrives. The lag is
 * arrival minus the event's {@code occurredAt} (the intake's clock, same JVM): commit, listener hand-off, send,
 * broker, consumer poll. {@link KafkaLagStamps} takes the points in between, and the run prints each stage's
 * percentiles, so that a lag shows where it comes from.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.load.KafkaLagBenchmark \
 *     -Dexec.args="--rate=50 --seconds=30"
 * </pre>
 */
public final class KafkaLagBenchmark {

    private static final Pattern TYPE = Pattern.compile("\"type\":\"([^\"]+)\"");
    private static final Pattern AT = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");

    private KafkaLagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "500"));

        String loadBefore = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, "civicloop.cases", "civicloop.incidents",
                "civicloop.whistles");
        broker.brokerListProperty("civicloop.benchmark.kafka.brokers");
        broker.afterPropertiesSet();
        String run = "lag" + Long.toString(System.currentTimeMillis() % 10_000_000L, 36);
        // a database of its own per run unless named: two runs at once must not drop each other's
        String dbName = options.getOrDefault("db", "civicloop_kafka_" + run);
        if (!dbName.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("--db wants a plain PostgreSQL name: " + dbName);
        }
        String db = LoadBenchmark.freshDatabase(dbName);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CivicLoopApplication.class, KafkaLagStamps.class).run(
                "--spring.profiles.active=postgres,demo", "--spring.datasource.url=" + db, "--server.port=0",
                "--civicloop.demo.seed-cases=false", "--civicloop.security.rate-limit.enabled=false",
                "--civicloop.cases.tracking-secret=load-benchmark-tracking-secret-0123456789",
                // production settings want the audit chain's key from outside the database
                "--civicloop.security.audit.key=load-benchmark-audit-chain-key-0123456789abcdef",
                "--logging.level.cn.civicloop.notify.internal.LoggingResidentChannel=WARN",
                "--civicloop.events.kafka.enabled=true", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString());
        String url = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");

        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        AtomicInteger records = new AtomicInteger();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> consume(broker.getBrokersAsString(), lags, records, measuring, stop));
        reader.start();

        ExecutorService httpPool = Executors.newFixedThreadPool(16);
        LoadClient client = new LoadClient(url, httpPool);
        AppealTexts texts = AppealTexts.read(AppealTexts.DEFAULT);
        AtomicInteger sequence = new AtomicInteger();
        openLoop(client, texts, run, sequence, rate, Math.max(1, warmUp / rate));
        measuring.set(true);
        int sent = rate * seconds;
        AtomicInteger accepted = openLoop(client, texts, run, sequence, rate, seconds);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (lags.size() < accepted.get() && System.nanoTime() < deadline) {
            Thread.sleep(100); // a command waiting for its consumer, not a test
        }
        stop.set(true);
        reader.join();
        // complete only once acknowledged: the marking may trail the arrival, but must catch up
        long marking = System.nanoTime();
        long incomplete = incompleteSends(app);
        while (incomplete > 0 && System.nanoTime() - marking < TimeUnit.SECONDS.toNanos(60)) {
            Thread.sleep(200);
            incomplete = incompleteSends(app);
        }
        long markingMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - marking);
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("case.opened publication lag at %d/s for %d s: %d sent, %d accepted, %d received%n", rate,
                seconds, sent, accepted.get(), sorted.length);
        if (sorted.length > 0) {
            System.out.printf("lag p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (target p99 < 2000 ms: %s)%n",
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1],
                    pct(sorted, 99) < 2000 && sorted.length == accepted.get() ? "MET" : "NOT MET");
        }
        List<KafkaLagStamps.Stamp> stamped = KafkaLagStamps.STAMPS.values().stream()
                .filter(KafkaLagStamps.Stamp::complete).toList();
        System.out.printf("stages of %d case.opened with every point stamped (sender thread: %s):%n", stamped.size(),
                KafkaLagStamps.senderThread);
        KafkaLagStamps.report(stamped).forEach(System.out::println);
        System.out.printf("publications of the sender incomplete %d ms after the consumer stopped: %d%n", markingMs,
                incomplete);
        System.out.printf("records on civicloop.* during the run: %d; database %s (dropped and created for the run)%n",
                records.get(), dbName);
        System.out.printf("machine load before: %s, after: %s%n", loadBefore,
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
        app.close();
        broker.destroy();
        httpPool.shutdownNow();
        System.exit(0);
    }

    private static AtomicInteger openLoop(LoadClient client, AppealTexts texts, String run, AtomicInteger sequence,
            int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 10_000_000L;
        for (int n = 0; n < total; n++) {
            long wait = start + n * period - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int i = sequence.getAndIncrement();
            client.sendAsync(client.appeal(run, i, texts.get(i))).whenComplete((a, e) -> {
                if (a != null && a.ok()) {
                    accepted.incrementAndGet();
                }
                done.countDown();
            });
        }
        done.await(5, TimeUnit.MINUTES);
        return accepted;
    }

    private static void consume(String brokers, ConcurrentLinkedQueue<Long> lags, AtomicInteger records,
            AtomicBoolean measuring, AtomicBoolean stop) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "lag-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of("civicloop.cases", "civicloop.incidents", "civicloop.whistles"));
            while (!stop.get()) {
                for (var r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    long arrival = KafkaLagStamps.now();
                    if (!measuring.get()) {
                        continue;
                    }
                    records.incrementAndGet();
                    Matcher type = TYPE.matcher(r.value());
                    Matcher at = AT.matcher(r.value());
                    if (type.find() && type.group(1).equals("case.opened") && at.find()) {
                        lags.add(now - OffsetDateTime.parse(at.group(1)).toInstant().toEpochMilli());
                        KafkaLagStamps.of(r.key()).arrival = arrival;
                    }
                }
            }
        }
    }

    private static long incompleteSends(ConfigurableApplicationContext app) {
        return app.getBean(JdbcClient.class).sql("select count(*) from event_publication where listener_id like "
                + "'%KafkaSender%' and completion_date is null").query(Long.class).single();
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
