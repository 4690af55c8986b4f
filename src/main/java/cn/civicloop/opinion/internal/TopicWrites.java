package cn.civicloop.opinion.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.civicloop.opinion.WarningLevel;

/**
 * The topics a batch of posts touched, each written once when the batch is stored rather than once per post: a
 * topic that gains fifty posts in one push is one row update, not fifty. The highest level each topic reached on the
 * way is kept with the heat it had then, so that a level crossed in the middle of a batch is alerted although a later
 * post of the same batch (an older one, say) lowered the heat again.
 */
final class TopicWrites {

    /** One touched topic: its figures as of the batch's end, and the highest level reached within the batch. */
    static final class Touched {
        final String id;
        final TopicStats stats;
        WarningLevel highest = WarningLevel.NONE;
        double heatAtHighest;

        Touched(String id, TopicStats stats) {
            this.id = id;
            this.stats = stats;
        }
    }

    private final Map<String, Touched> touched = new LinkedHashMap<>();
    private final TopicDays.Counts days = new TopicDays.Counts();

    /** Records that {@code topic} took one more post or case and what its heat became. */
    void touch(String topic, TopicStats stats, double heat, WarningLevel level) {
        Touched t = touched.computeIfAbsent(topic, id -> new Touched(id, stats));
        if (level.compareTo(t.highest) > 0) {
            t.highest = level;
            t.heatAtHighest = heat;
        }
    }

    TopicDays.Counts days() {
        return days;
    }

    /** The topics in the order the batch first touched them. */
    List<String> ids() {
        return new ArrayList<>(touched.keySet());
    }

    Iterable<Touched> all() {
        return touched.values();
    }

    boolean isEmpty() {
        return touched.isEmpty();
    }
}
