package cn.civicloop.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * CPU time spent by this JVM (the app and the load generator when the app runs in it) and by the PostgreSQL
 * backends serving the benchmark's database, read from {@code /proc}. Unlike throughput, CPU per appeal hardly
 * depends on what else the machine is doing, so it says what two quiet cores could sustain: 2 / (CPU per appeal).
 * PostgreSQL's background processes (WAL writer, checkpointer, autovacuum) are not counted.
 */
final class CpuMeter {

    /** Kernel clock ticks per second: 100 on Linux x86-64, where {@code /proc/<pid>/stat} counts in them. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** The JVM's CPU, the part of it spent by the load generator's threads ({@link #GENERATOR}), PostgreSQL's. */
    record Reading(double jvmSeconds, double generatorSeconds, double postgresSeconds) {
        Reading minus(Reading earlier) {
            return new Reading(jvmSeconds - earlier.jvmSeconds, generatorSeconds - earlier.generatorSeconds,
                    postgresSeconds - earlier.postgresSeconds);
        }

        /** The app's share of the JVM: everything but the load generator's threads. */
        double appSeconds() {
            return jvmSeconds - generatorSeconds;
        }
    }

    /**
     * The thread factory of the load generator's pools (clients, HTTP executor): the CPU of its threads, ended or
     * alive, plus that of the java.net.http selector threads, is the generator's part of the JVM's CPU.
     */
    static final GeneratorThreads GENERATOR = new GeneratorThreads();

    static final class GeneratorThreads implements ThreadFactory {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final LongAdder endedNanos = new LongAdder();
        private final Set<Thread> live = ConcurrentHashMap.newKeySet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread t = new Thread(() -> {
                try {
                    task.run();
                } finally {
                    endedNanos.add(THREADS.getCurrentThreadCpuTime());
                    live.remove(Thread.currentThread());
                }
            }, "load-generator-" + count.incrementAndGet());
            t.setDaemon(true);
            live.add(t);
            return t;
        }

        double seconds() {
            long nanos = endedNanos.sum();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (live.contains(t) || t.getName().startsWith("HttpClient-")) {
                    nanos += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
                }
            }
            return nanos / 1e9;
        }
    }

    private final String db;

    CpuMeter(String db) {
        this.db = db;
    }

    Reading read() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        return new Reading(jvm, GENERATOR.seconds(), db == null ? Double.NaN : postgres());
    }

    private double postgres() {
        String name = db.substring(db.lastIndexOf('/') + 1);
        double seconds = 0;
        try (Connection c = DriverManager.getConnection(db, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pid from pg_stat_activity where datname = '" + name + "'")) {
            while (rs.next()) {
                seconds += ticks(rs.getInt(1)) / TICKS_PER_SECOND;
            }
        } catch (Exception e) {
            return Double.NaN; // PostgreSQL not on this machine: no figure rather than a wrong one
        }
        return seconds;
    }

    /** utime + stime of a process; 0 when it has gone (a backend that ended between query and read). */
    private static long ticks(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception e) {
            return 0;
        }
    }
}
