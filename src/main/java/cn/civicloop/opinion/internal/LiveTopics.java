package cn.civicloop.opinion.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The figures of the topics in the window, in memory, and their forgetting: a topic whose last post or case is
 * older than the window before the newest one leaves. The newest time and a lower bound of the oldest are kept as
 * posts arrive, so that forgetting after each case or batch looks at the topics only when one of them may be due:
 * the scan of every live topic after every case was a few per cent of an appeal's CPU with thousands of topics.
 * Not thread-safe: the one writer of {@link TopicBoard} uses it.
 */
final class LiveTopics {

    private final Map<String, TopicStats> topics = new HashMap<>();
    /** The latest {@link TopicStats#last()} of all topics added since the last {@link #clear()}. */
    private Instant latest;
    /** At most the earliest {@link TopicStats#last()} of the live topics; null when there are none. */
    private Instant oldestBound;

    /** Adds a post or case to its topic, the topic created on its first one, and returns the topic's figures. */
    TopicStats add(String topic, PostText text, boolean negative) {
        TopicStats stats = topics.computeIfAbsent(topic, t -> new TopicStats());
        stats.add(text, negative);
        Instant last = stats.last();
        if (last != null) {
            // a topic's last time only grows, and the one holding the latest never leaves (it is not older than
            // itself): the latest of all adds is the latest of the live topics
            if (latest == null || last.isAfter(latest)) {
                latest = last;
            }
            if (oldestBound == null || last.isBefore(oldestBound)) {
                oldestBound = last;
            }
        }
        return stats;
    }

    TopicStats get(String topic) {
        return topics.get(topic);
    }

    /**
     * Forgets the topics whose last time is before {@code window} before the latest one: the same topics as a scan of
     * all of them, scanned only when the oldest may be due.
     */
    void forgetCold(Duration window) {
        if (latest == null || oldestBound == null) {
            return;
        }
        Instant horizon = latest.minus(window);
        if (!oldestBound.isBefore(horizon)) {
            return;
        }
        Instant oldest = null;
        for (Iterator<TopicStats> it = topics.values().iterator(); it.hasNext();) {
            Instant last = it.next().last();
            if (last.isBefore(horizon)) {
                it.remove();
            } else if (oldest == null || last.isBefore(oldest)) {
                oldest = last;
            }
        }
        oldestBound = oldest;
    }

    int size() {
        return topics.size();
    }

    void clear() {
        topics.clear();
        latest = null;
        oldestBound = null;
    }
}
