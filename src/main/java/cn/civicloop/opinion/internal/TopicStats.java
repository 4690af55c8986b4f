package cn.civicloop.opinion.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the heat index and the top-N table need of one topic, accumulated post by post. */
public final class TopicStats {

    private final List<Instant> times = new ArrayList<>();
    private final Set<String> authors = new HashSet<>();
    private long engagement;
    private int negative;
    private Instant first;
    private Instant last;
    private String headline;
    private int cases;
    private cn.civicloop.opinion.WarningLevel alerted = cn.civicloop.opinion.WarningLevel.NONE;

    /** The post just added is a case (of any channel). */
    public void addCase() {
        cases++;
    }

    public int cases() {
        return cases;
    }

    /** The highest level the officers were alerted of. */
    cn.civicloop.opinion.WarningLevel alerted() {
        return alerted;
    }

    void alerted(cn.civicloop.opinion.WarningLevel level) {
        alerted = level;
    }

    public void add(PostText post, boolean negativePost) {
        Instant at = post.at();
        times.add(at);
        if (post.author() != null && !post.author().isBlank()) {
            authors.add(post.author());
        }
        engagement += Math.max(0, post.engagement());
        if (negativePost) {
            negative++;
        }
        if (first == null || at.isBefore(first)) {
            first = at;
            headline = post.headline().strip();
        }
        if (last == null || at.isAfter(last)) {
            last = at;
        }
    }

    public int posts() {
        return times.size();
    }

    public int authors() {
        return authors.size();
    }

    public long engagement() {
        return engagement;
    }

    public Instant first() {
        return first;
    }

    public Instant last() {
        return last;
    }

    /** The first post's headline: the one-line description of the table. */
    public String headline() {
        return headline;
    }

    public double spanHours() {
        return first == null ? 0 : Duration.between(first, last).toMinutes() / 60.0;
    }

    /** Share of negative posts (负面占比), 0–1. */
    public double negativeShare() {
        return times.isEmpty() ? 0 : (double) negative / times.size();
    }

    /** Share of posts within {@code seconds} before the latest post. */
    double recentShare(long seconds) {
        if (times.isEmpty()) {
            return 0;
        }
        Instant from = last.minusSeconds(seconds);
        return (double) times.stream().filter(t -> !t.isBefore(from)).count() / times.size();
    }
}
