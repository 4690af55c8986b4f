package cn.civicloop.cluster.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.civicloop.cluster.ClusterSignals;

/**
 * PostgreSQL {@code LISTEN/NOTIFY} on one channel. Each instance keeps one dedicated connection of its own (opened
 * with the driver, not borrowed from the pool, as it stays open for the life of the instance) that LISTENs and hands
 * what arrives to the local subscribers; if it breaks it is opened again with a growing pause (0.25 s … 5 s) and the
 * subscribers are told about the gap. Publishing delivers to the local subscribers at once and queues the signal;
 * a sender thread sends what is queued in one statement ({@code pg_notify} over an array) on a pooled connection held
 * for that statement only. Every instance also hears its own notifications and skips them by their origin tag.
 * <p>
 * Wire format of a notification payload: {@code origin|topic|payload}.
 */
final class PostgresSignals implements ClusterSignals, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresSignals.class);
    static final String CHANNEL = "civicloop_signals";
    private static final long KEEPALIVE_MILLIS = 15_000;

    private final DataSource pool;
    private final String url;
    private final Properties connection = new Properties();
    private final String origin = UUID.randomUUID().toString().substring(0, 8);
    private final LocalDelivery local = new LocalDelivery();
    private final LinkedBlockingQueue<String> outbox = new LinkedBlockingQueue<>(50_000);
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;
    private volatile Connection listening;
    private final Thread listener;
    private final Thread sender;

    PostgresSignals(DataSource pool, String url, String user, String password) {
        this.pool = pool;
        this.url = url;
        if (user != null) {
            connection.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            connection.setProperty("password", password);
        }
        connection.setProperty("ApplicationName", applicationName());
        connection.setProperty("tcpKeepAlive", "true");
        listener = new Thread(this::listen, "cluster-signals-listener");
        listener.setDaemon(true);
        sender = new Thread(this::send, "cluster-signals-sender");
        sender.setDaemon(true);
    }

    void start() {
        listener.start();
        sender.start();
    }

    /** The listening connection's {@code application_name} (pg_stat_activity), one per instance. */
    String applicationName() {
        return "civicloop-signals-" + origin;
    }

    /** How often the listening connection was re-established after a failure. */
    long reconnects() {
        return reconnects.get();
    }

    boolean listening() {
        return listening != null;
    }

    @Override
    public void publish(String topic, String payload) {
        LocalDelivery.check(topic, payload);
        local.deliver(topic, payload);
        if (!outbox.offer(origin + "|" + topic + "|" + (payload == null ? "" : payload))) {
            if (dropped.incrementAndGet() % 1000 == 1) {
                log.warn("cluster signal queue full: {} signals dropped so far (other instances re-fetch on reconnect)",
                        dropped.get());
            }
        }
    }

    @Override
    public Subscription subscribe(String topic, Subscriber subscriber) {
        return local.subscribe(topic, subscriber);
    }

    @Override
    public String transport() {
        return "postgresql-listen-notify";
    }

    private void listen() {
        boolean first = true;
        long pause = 250;
        while (running) {
            try (Connection c = new org.postgresql.Driver().connect(url, connection)) {
                if (c == null) {
                    throw new SQLException("not a PostgreSQL URL: " + url);
                }
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                listening = c;
                pause = 250;
                if (!first) {
                    reconnects.incrementAndGet();
                    log.info("cluster signals: listening again on {} (signals of the gap are lost; subscribers refresh)",
                            CHANNEL);
                    local.gap();
                }
                first = false;
                long lastKeepalive = System.currentTimeMillis();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            receive(n.getParameter());
                        }
                    }
                    if (System.currentTimeMillis() - lastKeepalive > KEEPALIVE_MILLIS) {
                        try (Statement s = c.createStatement()) {
                            s.execute("select 1");
                        }
                        lastKeepalive = System.currentTimeMillis();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = null;
                if (!running) {
                    return;
                }
                log.warn("cluster signals: listening connection lost ({}); reconnecting in {} ms", e.getMessage(), pause);
                sleep(pause);
                pause = Math.min(5_000, pause * 2);
            }
        }
        listening = null;
    }

    private void receive(String wire) {
        int a = wire.indexOf('|');
        int b = a < 0 ? -1 : wire.indexOf('|', a + 1);
        if (b < 0) {
            return;
        }
        if (wire.regionMatches(0, origin, 0, a) && a == origin.length()) {
            return; // our own, already delivered locally
        }
        local.deliver(wire.substring(a + 1, b), wire.substring(b + 1));
    }

    private void send() {
        while (running || !outbox.isEmpty()) {
            String first;
            try {
                first = outbox.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
                continue;
            }
            if (first == null) {
                continue;
            }
            List<String> batch = new ArrayList<>();
            batch.add(first);
            outbox.drainTo(batch, 999);
            // identical signals of one batch say the same thing once (PostgreSQL would fold them in a transaction too)
            String[] signals = new LinkedHashSet<>(batch).toArray(String[]::new);
            try (Connection c = pool.getConnection();
                    PreparedStatement ps = c.prepareStatement("select pg_notify(?, m) from unnest(?) as m")) {
                Array array = c.createArrayOf("text", signals);
                ps.setString(1, CHANNEL);
                ps.setArray(2, array);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        // consume
                    }
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            } catch (SQLException | RuntimeException e) {
                dropped.addAndGet(signals.length);
                log.warn("cluster signals: {} signals not sent ({})", signals.length, e.getMessage());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        sender.interrupt();
        try {
            sender.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        try {
            listener.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        local.close();
    }
}
