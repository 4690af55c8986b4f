package cn.civicloop.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.github.kagkarlsson.scheduler.Scheduler;

import cn.civicloop.CivicLoopApplication;

/**
 * One running instance of the whole application, started by a test, on the test database (H2 in memory, or
 * PostgreSQL with -Dtest.db=postgres) and on a clock the test controls. Several nodes share one database, as
 * instances behind a load balancer would.
 * <p>
 * db-scheduler waits between two polls by the application's clock (its {@code Waiter} loops until that clock has
 * passed the poll's time plus the polling interval). A {@link MutableClock} stands still between moves, so each move
 * lets exactly one poll through, and a poll that read the clock before a move but began its wait after it waits for
 * the move after next: the timers that move made due stay unrun until the test moves the clock again. So the node
 * asks its scheduler to poll after every move of a {@link MutableClock} ({@code triggerCheckForDueExecutions}: it
 * wakes the waiting poller, or makes the running one poll again at once instead of waiting).
 */
public final class Node implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Runnable stopFollowingClock;

    private Node(ConfigurableApplicationContext context, Runnable stopFollowingClock) {
        this.context = context;
        this.stopFollowingClock = stopFollowingClock;
    }

    public static Node start(String name, Clock clock, String... extraArgs) {
        return start(name, clock, List.of(), extraArgs);
    }

    /** As {@link #start(String, Clock, String...)}, with {@code beans} of the test's own in the node's context. */
    public static Node start(String name, Clock clock, List<Object> beans, String... extraArgs) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--db-scheduler.polling-interval=100ms",
                "--db-scheduler.scheduler-name=" + name, "--spring.application.name=civicloop-" + name,
                // the generated address set costs seconds per start and no node test looks up an address
                "--civicloop.places.seed-demo=false"));
        args.addAll(List.of(extraArgs));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CivicLoopApplication.class)
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("clock", clock);
                    beans.forEach(b -> ctx.getBeanFactory().registerSingleton(b.getClass().getName(), b));
                })
                .run(args.toArray(String[]::new));
        return new Node(context, followMoves(context, clock));
    }

    /** The scheduler polls after every move of a {@link MutableClock} (see above); returns what stops that. */
    private static Runnable followMoves(ConfigurableApplicationContext context, Clock clock) {
        Scheduler scheduler = context.getBeanProvider(Scheduler.class).getIfAvailable();
        if (clock instanceof MutableClock moved && scheduler != null) {
            return moved.onMove(scheduler::triggerCheckForDueExecutions);
        }
        return () -> { };
    }

    /**
     * On H2, a database of the test's own ({@code name}) instead of the shared in-memory one, for tests that leave
     * state other contexts must not meet (e.g. a publication forced into a crash state); on PostgreSQL nothing.
     */
    public static String[] ownH2Database(String name) {
        if (System.getProperty("spring.profiles.active", "").contains("postgres")) {
            return new String[0];
        }
        return new String[] { "--spring.datasource.url=jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" };
    }

    /**
     * A database of the test class's own, on H2 and on PostgreSQL, for tests that move the clock: timers of cases
     * other test classes left in a shared database would fire too, and what the test sees would depend on the order
     * of the classes. On H2 a named in-memory database; on PostgreSQL a database created afresh (dropped first if a
     * previous run left it) on the server of {@code CIVICLOOP_DB_URL}, named after that database and {@code name}.
     * Every node of the test passes the same arguments to share it.
     */
    public static String[] ownDatabase(String name) {
        if (!onPostgres()) {
            return ownH2Database(name);
        }
        String base = System.getenv().getOrDefault("CIVICLOOP_DB_URL", "jdbc:postgresql://127.0.0.1:5432/civicloop");
        int slash = base.lastIndexOf('/');
        int query = base.indexOf('?', slash);
        String baseName = query < 0 ? base.substring(slash + 1) : base.substring(slash + 1, query);
        String database = (baseName + "_" + name).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String url = base.substring(0, slash + 1) + database + (query < 0 ? "" : base.substring(query));
        synchronized (CREATED) {
            if (CREATED.add(database)) {
                try (var connection = java.sql.DriverManager.getConnection(base,
                        System.getenv().getOrDefault("CIVICLOOP_DB_USER", "postgres"),
                        System.getenv().getOrDefault("CIVICLOOP_DB_PASSWORD", ""));
                        var statement = connection.createStatement()) {
                    statement.execute("drop database if exists " + database + " with (force)");
                    statement.execute("create database " + database);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("cannot create the test database " + database, e);
                }
            }
        }
        return new String[] { "--spring.datasource.url=" + url };
    }

    private static final java.util.Set<String> CREATED = new java.util.HashSet<>();

    /** The arguments of {@code first} followed by {@code more}. */
    public static String[] with(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    /** Starts one node per name on {@code clock}, all with the same extra arguments (e.g. {@link #ownDatabase}). */
    public static List<Node> startAll(Clock clock, String[] extraArgs, String... names) {
        return java.util.Arrays.stream(names).map(n -> start(n, clock, extraArgs)).toList();
    }

    /** The HTTP port this node listens on (random). */
    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** True when the tests run on PostgreSQL ({@code -Dtest.db=postgres}), false on H2. */
    public static boolean onPostgres() {
        return System.getProperty("spring.profiles.active", "").contains("postgres");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    @Override
    public void close() {
        stopFollowingClock.run();
        context.close();
    }

    /**
     * Moves {@code clock} by {@code by} once the recurring task {@code task} is not running, so that the move makes
     * its next run due. A run still going when the clock moves would schedule its next run from the moved clock
     * (fixed delay), and a {@link MutableClock} that stands still afterwards never makes that run due: the test would
     * wait for a run that never comes.
     */
    public void advanceWhenIdle(MutableClock clock, String task, Duration by) {
        var jdbc = bean(org.springframework.jdbc.core.simple.JdbcClient.class);
        await(Duration.ofSeconds(30), "recurring task " + task + " idle", () -> jdbc
                .sql("select count(*) from scheduled_tasks where task_name = ? and picked = false").param(task)
                .query(Long.class).single() == 1);
        clock.advance(by);
    }

    /** Waits until {@code condition} holds, polling; fails the test after {@code timeout}. */
    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public static List<Node> startAll(Clock clock, String... names) {
        return java.util.Arrays.stream(names).map(n -> start(n, clock)).toList();
    }
}
