package cn.civicloop.load;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The ceiling of the app's own SQL: the JDBC calls recorded while the app served some appeals end to end (intake
 * and triage, see {@link SqlTrace}), made again from K threads through a HikariCP pool sized like the app's, with
 * no application in the way. Each replay gives the appeals' keys new values (numbers, channel references, UUIDs,
 * generated ids), so replays insert their own rows and commit as the app did.
 */
final class TraceReplay {

    /** Appeals per second the replays reached, how many calls failed, and the first failure's message. */
    record Ceiling(double appealsPerSecond, long failures, String firstFailure) {
    }

    private final List<List<SqlTrace.Call>> borrows;
    private final int appeals;

    TraceReplay(List<List<SqlTrace.Call>> borrows, int appeals) {
        this.borrows = borrows;
        this.appeals = appeals;
    }

    /**
     * Replays the trace {@code replays} times from {@code threads} threads; {@code keys} gives, for replay k, each
     * recorded key string and what it becomes (same length: a number stays a number of the column's width).
     */
    Ceiling measure(String jdbcUrl, int poolSize, int threads, int replays, IntFunction<Map<String, String>> keys)
            throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        LongAdder failures = new LongAdder();
        Map<String, String> first = new ConcurrentHashMap<>();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            AtomicInteger next = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                workers.submit(() -> {
                    for (int k = next.getAndIncrement(); k < replays; k = next.getAndIncrement()) {
                        SqlTrace.Rewrite rewrite = new SqlTrace.Rewrite(keys.apply(k));
                        for (List<SqlTrace.Call> borrow : borrows) {
                            replay(pool, borrow, rewrite, failures, first);
                        }
                    }
                    return null;
                });
            }
            workers.shutdown();
            workers.awaitTermination(30, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Ceiling((double) replays * appeals / seconds, failures.sum(), first.get("first"));
        }
    }

    /** One borrowed connection's calls, in order; a failed call is counted and its transaction rolled back. */
    private static void replay(HikariDataSource pool, List<SqlTrace.Call> calls, SqlTrace.Rewrite rewrite,
            LongAdder failures, Map<String, String> first) throws SQLException {
        Map<Integer, Object> objects = new HashMap<>();
        try (Connection c = pool.getConnection()) {
            objects.put(calls.get(0).borrow(), c);
            boolean failed = false;
            for (SqlTrace.Call call : calls) {
                Object target = objects.get(call.target());
                if (call.method() == null || target == null || call.method().getName().equals("close")
                        && target == c) {
                    continue;
                }
                if (failed && !call.method().getName().equals("rollback") && !call.method().getName().equals("commit")
                        && !call.method().getName().startsWith("setAutoCommit")) {
                    continue; // the rest of a failed transaction: PostgreSQL refuses it anyway
                }
                try {
                    Object result = call.method().invoke(target, arguments(call.args(), objects, rewrite));
                    if (call.result() >= 0) {
                        objects.put(call.result(), result);
                    } else if (call.value() != null) {
                        rewrite.readBack(call.value(), result);
                    }
                    if (call.method().getName().equals("commit") || call.method().getName().equals("rollback")) {
                        failed = false;
                    }
                } catch (InvocationTargetException e) {
                    failures.increment();
                    first.putIfAbsent("first", call.method().getName() + ": " + e.getCause().getMessage());
                    if (!c.getAutoCommit()) {
                        c.rollback();
                        failed = true;
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (!c.getAutoCommit()) {
                c.rollback(); // a transaction the recording ended in the middle of
            }
        }
    }

    private static Object[] arguments(Object[] args, Map<Integer, Object> objects, SqlTrace.Rewrite rewrite) {
        if (args == null) {
            return null;
        }
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i] instanceof SqlTrace.Handle h ? objects.get(h.id()) : rewrite.argument(args[i]);
        }
        return out;
    }
}
