package cn.civicloop.notify;

/**
 * A way to reach a resident (SMS gateway, WeChat template message, ...). The outbox delivers each message through
 * the channel named by {@code civicloop.notify.resident-channel} when it was queued; implement this interface as a
 * Spring bean to add one.
 */
public interface ResidentChannel {

    /** The name under which this channel is selected and recorded on each outbox row. */
    String name();

    /**
     * Sends one message. Returning normally means the gateway accepted it; any exception is a failed attempt that
     * the outbox retries later with backoff.
     */
    void send(ResidentMessage message) throws Exception;
}
