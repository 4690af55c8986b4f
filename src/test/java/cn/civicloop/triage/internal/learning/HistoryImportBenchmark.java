package cn.civicloop.triage.internal.learning;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.unit.DataSize;

import cn.civicloop.classifier.RoutingExample;
import cn.civicloop.classifier.RoutingTrainer;
import cn.civicloop.triage.learning.GeneratedHistory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a generated CSV of 500,000 work orders (written on the fly, never whole in memory) into PostgreSQL through
 * the importer the admin page uses, and reports rows per second and the largest heap in use meanwhile; then trains the
 * classifier on 15,000 of the imported rows. Run with a small heap ({@code -Xmx256m}) to see the import's memory is
 * bounded. Database: {@code CIVICLOOP_DB_URL} (a PostgreSQL database of its own; the benchmark adds rows to it).
 *
 * <pre>
 * mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * CIVICLOOP_DB_URL=jdbc:postgresql://127.0.0.1:5432/civicloop_bench java -Xmx256m \
 *     -cp target/test-classes:target/classes:$(cat cp.txt) cn.civicloop.triage.internal.learning.HistoryImportBenchmark [ROWS]
 * </pre>
 */
public final class HistoryImportBenchmark {

    private HistoryImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 500_000;
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(System.getenv().getOrDefault("CIVICLOOP_DB_URL", "jdbc:postgresql://127.0.0.1:5432/civicloop_bench"));
        ds.setUser(System.getenv().getOrDefault("CIVICLOOP_DB_USER", "postgres"));
        ds.setPassword(System.getenv().getOrDefault("CIVICLOOP_DB_PASSWORD", ""));
        Flyway.configure().dataSource(ds).placeholders(Map.of("runtime_role", ""))
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(ds.getConnection(), true));
        JdbcTemplate template = new JdbcTemplate(new SingleConnectionDataSource(ds.getConnection(), true));
        JsonMapper json = JsonMapper.builder().build();
        LearningProperties properties = new LearningProperties(DataSize.ofGigabytes(1), 1000, 50, 2, 20,
                java.time.Duration.ofSeconds(60), 200, 200_000, 2);
        Clock clock = Clock.systemUTC();
        HistoryImports imports = new HistoryImports(new ImportStore(jdbc, template, json), jdbc, properties, clock, json);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] peak = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        sampler.start();
        ImportView created = imports.create("generated.csv", "benchmark", "UTF-8",
                new ColumnMapping("标题", "诉求内容", "一级分类", "承办单位", "受理时间", Map.of()), "benchmark");
        long t0 = System.nanoTime();
        ImportView done = imports.upload(created.id(), new GeneratedHistory(rows), -1);
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        System.out.printf("import: %d rows, status %s, %d stored, %.1f s, %.0f rows/s; heap in use before %d MB, peak %d MB"
                + " (max heap %d MB)%n", done.rowsRead(), done.status(), done.rowsStored(), seconds, done.rowsRead() / seconds,
                before >> 20, peak[0] >> 20, Runtime.getRuntime().maxMemory() >> 20);

        List<RoutingExample> examples = new ArrayList<>();
        jdbc.sql("select title, content, label from triage_example where import_id = ? order by id fetch first 15000 rows only")
                .param(done.id()).query(rs -> {
                    examples.add(new RoutingExample(rs.getString(1), rs.getString(2), rs.getString(3)));
                });
        long t1 = System.nanoTime();
        new RoutingTrainer().train(examples);
        System.out.printf("training on %d imported examples: %.1f s%n", examples.size(), (System.nanoTime() - t1) / 1e9);
        jdbc.sql("delete from triage_example where import_id = ?").param(done.id()).update();
    }
}
