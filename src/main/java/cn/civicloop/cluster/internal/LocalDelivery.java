package cn.civicloop.cluster.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.civicloop.cluster.ClusterSignals;

/**
 * The subscribers of this instance and the one thread that calls them, in arrival order, so that a slow browser
 * never holds up the thread that published or the connection that listens.
 */
final class LocalDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalDelivery.class);
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9-]{0,30}");

    private final Map<String, List<ClusterSignals.Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cluster-signals-delivery");
        t.setDaemon(true);
        return t;
    });

    static void check(String topic, String payload) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("topic must be a short lower-case word: " + topic);
        }
        int bytes = topic.getBytes(StandardCharsets.UTF_8).length
                + (payload == null ? 0 : payload.getBytes(StandardCharsets.UTF_8).length);
        if (bytes > ClusterSignals.MAX_BYTES) {
            throw new IllegalArgumentException("signal of " + bytes + " bytes; at most " + ClusterSignals.MAX_BYTES
                    + " (send ids, let the receiver re-fetch)");
        }
    }

    ClusterSignals.Subscription subscribe(String topic, ClusterSignals.Subscriber subscriber) {
        check(topic, "");
        List<ClusterSignals.Subscriber> list = subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>());
        list.add(subscriber);
        return () -> list.remove(subscriber);
    }

    void deliver(String topic, String payload) {
        List<ClusterSignals.Subscriber> list = subscribers.get(topic);
        if (list == null || list.isEmpty()) {
            return;
        }
        submit(() -> list.forEach(s -> call(() -> s.onSignal(payload == null ? "" : payload))));
    }

    void gap() {
        submit(() -> subscribers.values().forEach(list -> list.forEach(s -> call(s::onGap))));
    }

    private void submit(Runnable r) {
        try {
            thread.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    private static void call(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("a cluster signal subscriber failed", e);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
