package cn.civicloop.opinion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Forgetting cold topics looks at them only when one may be due, and forgets the same topics, at the same moments,
 * as the scan of every topic after every post did.
 */
class LiveTopicsTests {

    private static final Duration WINDOW = Duration.ofHours(48);
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void forgetsTheSameTopicsAsAScanOfAllAfterEveryPost() {
        Random random = new Random(7);
        LiveTopics live = new LiveTopics();
        Map<String, TopicStats> scanned = new HashMap<>();
        int forgotten = 0;
        for (int i = 0; i < 5_000; i++) {
            // mostly in order, some posts late by up to three days, topics reused while they are warm
            Instant at = T0.plus(Duration.ofMinutes(i * 3L - (random.nextInt(10) == 0 ? random.nextInt(4_320) : 0)));
            String topic = "T" + (random.nextInt(3) == 0 ? random.nextInt(i + 1) : i);
            PostText post = new PostText("p" + i, "路灯不亮", "", at, "a" + i, 0);
            live.add(topic, post, false);
            scanned.computeIfAbsent(topic, t -> new TopicStats()).add(post, false);
            int before = live.size();
            live.forgetCold(WINDOW);
            scanAll(scanned);
            forgotten += before - live.size();
            assertThat(live.size()).isEqualTo(scanned.size());
            for (String t : scanned.keySet()) {
                assertThat(live.get(t)).as(t).isNotNull();
                assertThat(live.get(t).last()).isEqualTo(scanned.get(t).last());
            }
        }
        assertThat(forgotten).isGreaterThan(1_000);
    }

    @Test
    void aClearedWindowStartsAfresh() {
        LiveTopics live = new LiveTopics();
        live.add("old", new PostText("p1", "噪音", "", T0.plus(Duration.ofDays(30)), "a", 0), false);
        live.clear();
        live.add("new", new PostText("p2", "噪音", "", T0, "a", 0), false);
        live.forgetCold(WINDOW);
        assertThat(live.get("new")).isNotNull();
        assertThat(live.size()).isOne();
    }

    /** What forgetting did before: the latest of all topics, then a scan of all of them. */
    private static void scanAll(Map<String, TopicStats> live) {
        Instant latest = live.values().stream().map(TopicStats::last).max(Instant::compareTo).orElse(null);
        if (latest != null) {
            Instant horizon = latest.minus(WINDOW);
            live.values().removeIf(stats -> stats.last().isBefore(horizon));
        }
    }
}
