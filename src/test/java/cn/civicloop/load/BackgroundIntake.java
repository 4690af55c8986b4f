package cn.civicloop.load;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Appeals submitted at a fixed rate on a timetable of their own (open loop: each latency counts from its intended
 * send time, so a slow answer does not delay the next send) while the staff reads are measured; {@link #window()}
 * hands over the latencies since the previous call, one window per measured read.
 */
final class BackgroundIntake implements AutoCloseable {

    private final LoadClient client;
    private final AppealTexts texts;
    private final int rate;
    private final String run = "scale" + Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicReference<Latencies> window = new AtomicReference<>(fresh());
    private final Thread sender;
    private volatile boolean running = true;

    BackgroundIntake(LoadClient client, AppealTexts texts, int rate) {
        this.client = client;
        this.texts = texts;
        this.rate = rate;
        this.sender = new Thread(this::send, "background-intake");
        sender.setDaemon(true);
        sender.start();
    }

    private Latencies fresh() {
        return new Latencies("intake", 200_000);
    }

    private void send() {
        long period = 1_000_000_000L / rate;
        long next = System.nanoTime();
        while (running) {
            long intended = next;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int i = sequence.getAndIncrement();
            Latencies into = window.get();
            client.sendAsync(client.appeal(run, i, texts.get(i))).whenComplete(
                    (a, e) -> into.record(intended, System.nanoTime(), a != null && a.ok()));
            next += period;
        }
    }

    /** The latencies of the appeals sent since the previous window. */
    Latencies window() {
        return window.getAndSet(fresh());
    }

    int sent() {
        return sequence.get();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sender.join();
    }
}
