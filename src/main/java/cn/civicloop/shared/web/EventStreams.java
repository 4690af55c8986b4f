package cn.civicloop.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Server-Sent Events streams open on this instance (事件流), for every module that pushes to browsers. Each
 * module opens its own {@link Channel} and says who hears what; the bookkeeping is done once here: a stream leaves
 * its channel when it completes, times out or fails to take an event; every {@link #KEEP_ALIVE} each stream gets a
 * comment line, so that proxies keep the connection and a dead one is found; and every stream is ended <b>before</b>
 * the web server's graceful shutdown waits for open requests (a {@link SmartLifecycle} of the default phase stops
 * before it), so an instance stops at once and the browsers' EventSource reconnects — to another instance behind
 * the balancer.
 * <p>
 * In the shared kernel, not in {@code cluster}: it is about this instance's HTTP connections (Spring MVC's
 * {@link SseEmitter}), while {@code cluster} carries signals between instances and knows nothing of the web; a feed
 * uses both — it hears a cluster signal and writes it to its channel's streams.
 */
@Component
public class EventStreams implements SmartLifecycle, DisposableBean {

    /** How long a stream usually lasts before the browser reconnects (each channel names its own). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);
    /** Pause between two keep-alive comments on every stream. */
    public static final Duration KEEP_ALIVE = Duration.ofSeconds(25);

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    private final List<Channel<?>> channels = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "event-streams");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;

    public EventStreams() {
        long millis = KEEP_ALIVE.toMillis();
        ticker.scheduleWithFixedDelay(this::keepAlive, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** A new channel whose streams end after {@code timeout} (the browser then reconnects). */
    public <T> Channel<T> channel(String name, Duration timeout) {
        Channel<T> channel = new Channel<>(name, timeout);
        channels.add(channel);
        return channel;
    }

    /**
     * Runs {@code task} every {@code period} (at least 100 ms) on the hub's own thread, e.g. to send folded changes;
     * never concurrently. A run that fails is logged and the next one runs all the same.
     */
    public void every(Duration period, Runnable task) {
        long millis = Math.max(100, period.toMillis());
        ticker.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("event stream task failed, runs again in {} ms: {}", millis, e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream; the browsers reconnect. */
    @Override
    public void stop() {
        running = false;
        channels.forEach(Channel::endAll);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }

    private void keepAlive() {
        channels.forEach(Channel::keepAlive);
    }

    /**
     * The streams of one kind of page (the 110 desks, the staff case lists), each with what its owner needs to know
     * about its subscriber ({@code T}: the unit of a terminal, the viewer of a list).
     */
    public static final class Channel<T> {

        private record Stream<T>(T subscriber, SseEmitter emitter) {
        }

        private final String name;
        private final long timeoutMillis;
        private final CopyOnWriteArrayList<Stream<T>> streams = new CopyOnWriteArrayList<>();

        private Channel(String name, Duration timeout) {
            this.name = name;
            this.timeoutMillis = timeout.toMillis();
        }

        /**
         * Opens a stream for {@code subscriber} and sends it a first event {@code hello} (so the client knows the
         * stream is live); the controller returns the emitter.
         */
        public SseEmitter open(T subscriber, String hello, Object helloData) {
            SseEmitter emitter = new SseEmitter(timeoutMillis);
            Stream<T> stream = new Stream<>(subscriber, emitter);
            streams.add(stream);
            emitter.onCompletion(() -> streams.remove(stream));
            emitter.onTimeout(() -> streams.remove(stream));
            emitter.onError(e -> streams.remove(stream));
            send(stream, SseEmitter.event().name(hello).data(helloData));
            return emitter;
        }

        /** The subscribers of the streams open now. */
        public List<T> subscribers() {
            return streams.stream().map(Stream::subscriber).toList();
        }

        /** Sends the event {@code event} with {@code data} to the streams whose subscriber {@code to} accepts. */
        public void send(Predicate<? super T> to, String event, Object data) {
            for (Stream<T> stream : streams) {
                if (to.test(stream.subscriber())) {
                    send(stream, SseEmitter.event().name(event).data(data));
                }
            }
        }

        /** How many streams are open. */
        public int size() {
            return streams.size();
        }

        @Override
        public String toString() {
            return "event stream channel " + name + " (" + streams.size() + " open)";
        }

        private void keepAlive() {
            // one builder per stream: a builder is spent when it is sent
            streams.forEach(s -> send(s, SseEmitter.event().comment("keep-alive")));
        }

        private void send(Stream<T> stream, SseEmitter.SseEventBuilder event) {
            try {
                stream.emitter().send(event);
            } catch (IOException | IllegalStateException e) {
                streams.remove(stream);
            }
        }

        private void endAll() {
            streams.forEach(s -> s.emitter().complete());
            streams.clear();
        }
    }
}
