package cn.civicloop.cluster;

/**
 * Publish/subscribe of small text signals across every instance of the cluster (this one included).
 * <p>
 * {@link #publish} sends at once: call it after the change it announces is committed (e.g. from a
 * {@code TransactionSynchronization.afterCommit}), so that no instance re-fetches a state that could still be rolled
 * back. Delivery is at most once, in publishing order per instance, on one delivery thread per instance: a
 * subscriber must be quick (write to an SSE stream, set a flag). When this instance may have missed signals (its
 * listening connection broke and was re-established), every subscriber gets {@link Subscriber#onGap()} and must
 * refresh from the database.
 */
public interface ClusterSignals {

    /** The largest topic + payload in UTF-8 bytes; PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
    int MAX_BYTES = 7_000;

    /**
     * Sends {@code payload} to the subscribers of {@code topic} on every instance.
     *
     * @throws IllegalArgumentException if the topic is not a short lower-case word or the signal exceeds {@link #MAX_BYTES}
     */
    void publish(String topic, String payload);

    /** Registers {@code subscriber} on this instance for {@code topic}; close the answer to unsubscribe. */
    Subscription subscribe(String topic, Subscriber subscriber);

    /** How signals arrive here: {@code "postgresql-listen-notify"} or {@code "in-process"}. */
    String transport();

    /** Receives the signals of one topic. */
    interface Subscriber {

        void onSignal(String payload);

        /** Signals may have been lost (e.g. the listening connection was re-established): refresh everything. */
        default void onGap() {
        }
    }

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
