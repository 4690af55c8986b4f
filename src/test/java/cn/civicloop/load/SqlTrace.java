package cn.civicloop.load;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's JDBC calls as the benchmark sees them through a wrapper of the app's data source: statements
 * executed are always counted; while recording, every call on a borrowed connection and on what it hands out
 * (statements, result sets) is kept with its arguments, so that {@link TraceReplay} can make the same calls again
 * without the app — the ceiling an appeal's own SQL allows.
 */
final class SqlTrace {

    /** The trace of the app started by the benchmark in this JVM. */
    static final SqlTrace APP = new SqlTrace();

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    /** One call: on which object (a handle), which method, with what, and the handle of the JDBC object it gave. */
    record Call(int borrow, int target, Method method, Object[] args, int result, Object value) {
    }

    /** An argument that was a JDBC object handed out earlier (a handle to look up at replay). */
    record Handle(int id) {
    }

    private final LongAdder statements = new LongAdder();
    private final LongAdder batchedRows = new LongAdder();
    private final LongAdder commits = new LongAdder();
    /** Statements executed by kind: verb and first table, e.g. {@code insert cases_timeline}. */
    private final Map<String, LongAdder> kinds = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger handles = new AtomicInteger();
    private volatile List<Call> recording;

    /** Statements executed, rows added to batches, commits: the counters so far. */
    record Counts(long statements, long batchedRows, long commits) {
        Counts minus(Counts earlier) {
            return new Counts(statements - earlier.statements, batchedRows - earlier.batchedRows,
                    commits - earlier.commits);
        }
    }

    Counts counts() {
        return new Counts(statements.sum(), batchedRows.sum(), commits.sum());
    }

    /** Statements executed so far by kind (verb and first table). */
    Map<String, Long> kinds() {
        Map<String, Long> out = new java.util.TreeMap<>();
        kinds.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static final Pattern TABLE = Pattern.compile("(?is)\\b(?:from|into|update|join)\\s+([a-z_][a-z0-9_.]*)");

    /** Kinds by SQL text: the app's texts are few, and the trace must not add CPU of its own to each statement. */
    private static final Map<String, String> KINDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The kind of a statement: its verb and the first table it names. */
    static String kind(String sql) {
        String known = KINDS.get(sql);
        if (known != null) {
            return known;
        }
        String k = parsedKind(sql);
        if (KINDS.size() < 20_000) {
            KINDS.put(sql, k);
        }
        return k;
    }

    private static String parsedKind(String sql) {
        String t = (sql.length() > 600 ? sql.substring(0, 600) : sql).strip().toLowerCase(java.util.Locale.ROOT);
        int sp = t.indexOf(' ');
        String verb = sp < 0 ? t : t.substring(0, sp);
        Matcher m = TABLE.matcher(t);
        return m.find(verb.equals("update") ? 0 : Math.max(0, sp)) ? verb + " " + m.group(1) : verb;
    }

    void startRecording() {
        recording = Collections.synchronizedList(new ArrayList<>());
    }

    /** The calls since {@link #startRecording}, grouped by borrowed connection in the order of the borrows. */
    List<List<Call>> stopRecording() {
        List<Call> calls = recording;
        recording = null;
        Map<Integer, List<Call>> byBorrow = new LinkedHashMap<>();
        synchronized (calls) {
            for (Call c : calls) {
                byBorrow.computeIfAbsent(c.borrow(), b -> new ArrayList<>()).add(c);
            }
        }
        return new ArrayList<>(byBorrow.values());
    }

    /** The data source the app is given: the real one, every connection wrapped. */
    DataSource wrap(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return borrowed(super.getConnection());
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return borrowed(super.getConnection(user, password));
            }
        };
    }

    private Connection borrowed(Connection c) {
        int id = handles.incrementAndGet();
        List<Call> r = recording;
        if (r != null) {
            r.add(new Call(id, id, null, null, id, null)); // the borrow itself: replay takes a connection here
        }
        return (Connection) proxy(c, Connection.class, id, id, null);
    }

    /** What every wrapper is too: the wrapped object and its handle, to unwrap arguments passed back. */
    interface Traced {
        Object tracedTarget();

        int tracedId();
    }

    private Object proxy(Object target, Class<?> type, int borrow, int id, String kind) {
        InvocationHandler h = (p, method, args) -> switch (method.getName()) {
            case "tracedTarget" -> target;
            case "tracedId" -> id;
            default -> call(target, borrow, id, kind, method, args);
        };
        return Proxy.newProxyInstance(SqlTrace.class.getClassLoader(), new Class<?>[] {type, Traced.class}, h);
    }

    /** The arguments as the driver needs them (wrappers unwrapped) or as recorded (wrappers as handles). */
    private static Object[] unwrapped(Object[] args, boolean asHandles) {
        if (args == null) {
            return null;
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Traced t) {
                out[i] = asHandles ? new Handle(t.tracedId()) : t.tracedTarget();
            }
        }
        return out;
    }

    private Object call(Object target, int borrow, int id, String kind, Method method, Object[] args)
            throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.getName().equals("equals") ? target.equals(unwrapped(args, false)[0])
                    : method.invoke(target, args);
        }
        if (EXECUTIONS.contains(method.getName())) {
            statements.increment();
            String k = args != null && args.length > 0 && args[0] instanceof String sql ? kind(sql) : kind;
            kinds.computeIfAbsent(k == null ? "?" : k, x -> new LongAdder()).increment();
        } else if (method.getName().equals("addBatch")) {
            batchedRows.increment();
        } else if (method.getName().equals("commit")) {
            commits.increment();
        }
        Object result;
        try {
            result = method.invoke(target, unwrapped(args, false));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        Class<?> type = method.getReturnType();
        List<Call> r = recording;
        // Statements are wrapped to be counted; result sets and the like only while recording, to cost nothing else.
        boolean jdbc = result != null && type.isInterface() && type.getPackageName().equals("java.sql")
                && (r != null || Statement.class.isAssignableFrom(type));
        int resultId = jdbc ? handles.incrementAndGet() : -1;
        if (r != null) {
            r.add(new Call(borrow, id, method, unwrapped(args, true), resultId,
                    jdbc || !isValue(result) ? null : result));
        }
        String made = Statement.class.isAssignableFrom(type) && args != null && args.length > 0
                && args[0] instanceof String sql ? kind(sql) : kind;
        return jdbc ? proxy(result, type, borrow, resultId, made) : result;
    }

    /** Values read back that a replay compares with its own (ids the database generated). */
    private static boolean isValue(Object o) {
        return o instanceof Long || o instanceof String || o instanceof UUID;
    }

    /**
     * Rewrites the arguments of one replay of the trace: each appeal's keys (its number, its channel reference)
     * and every UUID made anew for this replay, and ids the database gave the recording replaced by those it gave
     * this replay, so that replays neither collide on unique keys nor wait on each other's rows.
     */
    static final class Rewrite {
        private static final Pattern UUIDS = Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        private static final Pattern TASK_INSTANCE = Pattern.compile("(\\d{1,18}):[A-Z]");
        private static final Pattern TOPIC_ID = Pattern.compile("OT\\d{14}");
        private static final java.util.concurrent.atomic.AtomicLong NEXT_TOPIC =
                new java.util.concurrent.atomic.AtomicLong(90_000_000_000_000L);
        private final Map<String, String> topics = new HashMap<>();
        private final Map<String, String> keys;
        private final Map<String, String> uuids = new HashMap<>();
        private final Map<Long, Long> ids = new HashMap<>();

        Rewrite(Map<String, String> keys) {
            this.keys = keys;
        }

        Object argument(Object a) {
            if (a instanceof String s) {
                return text(s);
            }
            if (a instanceof UUID u) {
                return UUID.fromString(uuid(u.toString()));
            }
            if (a instanceof Long l) {
                return ids.getOrDefault(l, l);
            }
            return a;
        }

        private String text(String s) {
            String out = s;
            for (Map.Entry<String, String> k : keys.entrySet()) {
                if (out.contains(k.getKey())) {
                    out = out.replace(k.getKey(), k.getValue());
                }
            }
            out = taskInstance(out);
            if (TOPIC_ID.matcher(out).matches()) {
                // an opinion topic's id is made by the app from the clock: each replay needs its own
                return topics.computeIfAbsent(out, t -> "OT" + NEXT_TOPIC.incrementAndGet());
            }
            if (out.indexOf('-') < 0) {
                return out;
            }
            Matcher m = UUIDS.matcher(out);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(b, uuid(m.group()));
            }
            m.appendTail(b);
            return b.toString();
        }

        /**
         * A timer's instance id begins with the case's id ({@code 1106:HANDLE:1:1:80}): the id this replay's case got
         * instead, or the replays collide on the scheduler's primary key.
         */
        private String taskInstance(String s) {
            Matcher m = TASK_INSTANCE.matcher(s);
            if (ids.isEmpty() || !m.lookingAt()) {
                return s;
            }
            Long id = ids.get(Long.parseLong(m.group(1)));
            return id == null ? s : id + s.substring(m.end(1));
        }

        private String uuid(String recorded) {
            return uuids.computeIfAbsent(recorded, u -> UUID.randomUUID().toString());
        }

        /** A value the recording read back and this replay read instead: later arguments follow it. */
        void readBack(Object recorded, Object replayed) {
            if (recorded instanceof Long a && replayed instanceof Long b && !a.equals(b) && a >= 1000) {
                ids.put(a, b);
            }
        }
    }
}
