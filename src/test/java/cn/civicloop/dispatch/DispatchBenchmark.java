package cn.civicloop.dispatch;

import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.civicloop.dispatch.internal.PositionTracker;
import cn.civicloop.dispatch.internal.Recommender;
import cn.civicloop.dispatch.internal.travel.StraightLineTravelTimes;
import cn.civicloop.dispatch.internal.travel.TravelTimeModel;
import cn.civicloop.geo.GeoPoint;

/**
 * Benchmark of the dispatch module (not a test): run it with
 * <pre>mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.dispatch.DispatchBenchmark</pre>
 * Prints the time to rank 500 units for one incident (straight line; road network when its model class and
 * ../shared/datasets/geo/andorra.osm.pbf are there), and how many GPS reports a second the tracker absorbs and
 * writes to an in-memory H2 database in batches.
 */
public final class DispatchBenchmark {

    private static final int UNITS = 500;

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.println("dispatch benchmark, " + Runtime.getRuntime().availableProcessors() + " cores, load "
                + Files.readString(Path.of("/proc/loadavg")).strip());
        recommend("straight line", new StraightLineTravelTimes(1.3, 30), new GeoPoint(34.78, 117.46), 0.2, 0.3);
        roadNetwork();
        positions();
    }

    static void recommend(String name, TravelTimeModel model, GeoPoint corner, double dLat, double dLon) {
        Random random = new Random(7);
        List<Recommender.Candidate> units = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            UnitStatus status = i % 5 == 0 ? UnitStatus.ON_SCENE : UnitStatus.AVAILABLE;
            units.add(new Recommender.Candidate("U" + i, "U" + i, "B" + (i % 8 + 1), status, i % 4 != 0,
                    new GeoPoint(corner.lat() + random.nextDouble() * dLat, corner.lon() + random.nextDouble() * dLon)));
        }
        Recommender recommender = new Recommender(model, 1);
        int warmup = model instanceof StraightLineTravelTimes ? 3000 : 20;
        int runs = model instanceof StraightLineTravelTimes ? 5000 : 100;
        for (int i = 0; i < warmup; i++) {
            recommender.rank(scene(random, corner, dLat, dLon), units);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            Recommender.Scene scene = scene(random, corner, dLat, dLon);
            long t = System.nanoTime();
            recommender.rank(scene, units);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "recommendation, %d units, %s (%s): median %.3f ms, p99 %.3f ms, max %.3f ms (%d runs)%n",
                UNITS, name, model.label(), ms[runs / 2], ms[(int) (runs * 0.99)], ms[runs - 1], runs);
    }

    private static Recommender.Scene scene(Random random, GeoPoint corner, double dLat, double dLon) {
        return new Recommender.Scene(new GeoPoint(corner.lat() + random.nextDouble() * dLat,
                corner.lon() + random.nextDouble() * dLon), "B" + (random.nextInt(8) + 1), 1 + random.nextInt(3), Set.of());
    }

    /** Measured only when the road-network model is on the classpath and the Andorra extract is available. */
    static void roadNetwork() {
        Path osm = Path.of("..", "shared", "datasets", "geo", "andorra.osm.pbf");
        Class<?> type;
        try {
            type = Class.forName("cn.civicloop.dispatch.internal.travel.RoadNetworkTravelTimes");
        } catch (ClassNotFoundException e) {
            System.out.println("recommendation with the road network: not measured (RoadNetworkTravelTimes is not on the classpath)");
            return;
        }
        if (!Files.exists(osm)) {
            System.out.println("recommendation with the road network: not measured (" + osm + " is missing)");
            return;
        }
        for (Constructor<?> c : type.getConstructors()) {
            Object[] args = arguments(c.getParameterTypes(), osm);
            if (args != null) {
                try {
                    recommend("road network", (TravelTimeModel) c.newInstance(args), new GeoPoint(42.45, 1.45), 0.12, 0.12);
                    return;
                } catch (ReflectiveOperationException | RuntimeException e) {
                    System.out.println("recommendation with the road network: not measured (" + e + ")");
                    return;
                }
            }
        }
        System.out.println("recommendation with the road network: not measured (no constructor taking the OSM file and a cache folder)");
    }

    private static Object[] arguments(Class<?>[] types, Path osm) throws RuntimeException {
        Object[] out = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Object value = i == 0 ? osm : Path.of("target", "gh-benchmark");
            if (types[i] == Path.class) {
                out[i] = value;
            } else if (types[i] == String.class) {
                out[i] = value.toString();
            } else {
                return null;
            }
        }
        return types.length == 0 ? null : out;
    }

    /** Four terminals' worth of threads report as fast as they can; the tracker flushes in batches meanwhile. */
    static void positions() throws InterruptedException {
        DriverManagerDataSource ds = new DriverManagerDataSource(
                "jdbc:h2:mem:dispatch-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("insert into dispatch_block (code, name, street_code, outline, post_lat, post_lon, post_name) values "
                + "('B1', 'b', 's', 'POLYGON ((0 0, 1 0, 1 1, 0 0))', 0, 0, 'p')");
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < UNITS; i++) {
            jdbc.update("insert into dispatch_unit (code, call_sign, block_code, crew, status, status_since) values (?, ?, 'B1', 'A', 'AVAILABLE', ?)",
                    "U" + i, "U" + i, now);
        }
        PositionTracker tracker = new PositionTracker(jdbc, 200);
        int threads = 4, perThread = 25_000;
        CountDownLatch done = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            new Thread(() -> {
                try {
                    Random r = new Random(seed);
                    for (int i = 0; i < perThread; i++) {
                        tracker.report(new PositionTracker.Fix("U" + r.nextInt(UNITS),
                                new GeoPoint(34.8 + r.nextDouble() * 0.1, 117.5 + r.nextDouble() * 0.1), Instant.now()));
                    }
                } catch (Throwable e) {
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double absorbed = (System.nanoTime() - start) / 1e9;
        tracker.flush();
        double persisted = (System.nanoTime() - start) / 1e9;
        long rows = jdbc.queryForObject("select count(*) from dispatch_track", Long.class);
        tracker.destroy();
        int total = threads * perThread;
        System.out.printf(Locale.ROOT, "position reports: %d absorbed in %.2f s = %.0f reports/s (memory); "
                + "all %d written to the track table (H2, batches every 200 ms) after %.2f s = %.0f reports/s end to end%n",
                total, absorbed, total / absorbed, rows, persisted, total / persisted);
    }
}
