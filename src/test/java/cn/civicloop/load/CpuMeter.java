package cn.civicloop.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    /**
     * The JVM's CPU by kind of thread, from {@code /proc/self/task}: each live thread's utime + stime in seconds under
     * its name with the digits taken out ({@code http-nio-auto-#-exec-#}, {@code C2 CompilerThre#}, {@code GC
     * Thread##}); threads that ended are not in it. Says where the app's CPU goes besides the profile's samples: JIT
     * compilation and GC are not Java frames.
     */
    static Map<String, Double> threadKinds() {
        Map<String, Double> kinds = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    kinds.merge(name, ticks(task.resolve("stat")) / TICKS_PER_SECOND, Double::sum);
                } catch (Exception gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (Exception e) {
            return Map.of(); // not Linux
        }
        return kinds;
    }

    /** {@code after - before} per kind of thread, largest first, the top {@code n} and the rest summed. */
    static String threadKindsPerAppeal(Map<String, Double> before, Map<String, Double> after, long appeals, int n) {
        Map<String, Double> used = new HashMap<>();
        after.forEach((k, v) -> used.put(k, v - before.getOrDefault(k, 0.0)));
        List<Map.Entry<String, Double>> sorted = used.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        StringBuilder out = new StringBuilder();
        double rest = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < n) {
                out.append(String.format("    %7.2f ms  %s%n", 1000 * sorted.get(i).getValue() / appeals,
                        sorted.get(i).getKey()));
            } else {
                rest += sorted.get(i).getValue();
            }
        }
        return out.append(String.format("    %7.2f ms  (the other kinds)%n", 1000 * rest / appeals)).toString();
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
        return ticks(Path.of("/proc/" + pid + "/stat"));
    }

    private static long ticks(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception e) {
            return 0;
        }
    }
}
