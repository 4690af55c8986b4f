package cn.civicloop.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.civicloop.opinion.internal.ClusteringSettings;
import cn.civicloop.opinion.internal.HeatFormula;
import cn.civicloop.opinion.internal.PostText;
import cn.civicloop.opinion.internal.TopicClusterer;
import cn.civicloop.opinion.internal.TopicStats;

/** Heat and warning levels on a hand-made stream: a topic heats up post by post and crosses the levels in order. */
class HeatAndWarningTests {

    private static final double[] THRESHOLDS = {20, 40, 60, 80};
    private final Instant t0 = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void aGrowingTopicCrossesTheLevelsInOrderWhileUnrelatedPostsStayApart() {
        TopicClusterer clusterer = TopicClusterer.streaming(ClusteringSettings.DEFAULT, p -> "T-" + p.id());
        TopicStats stats = new TopicStats();
        String topic = null;
        WarningLevel previous = WarningLevel.NONE;
        java.util.List<WarningLevel> crossed = new java.util.ArrayList<>();
        String[] phrasings = {"青石桥菜市场周边占道经营严重", "青石桥菜市场门口占道经营", "投诉青石桥菜市场占道经营堵路",
                "青石桥菜市场一带摊贩占道经营"};
        for (int i = 0; i < 60; i++) {
            // an unrelated post between each of the topic's posts
            String other = clusterer.add(new PostText("o" + i, "咨询第" + i + "号公交线路末班车时间" + "甲乙丙丁戊".charAt(i % 5),
                    "", t0.plus(Duration.ofMinutes(30L * i + 7)), "x" + i, 0));
            PostText post = new PostText("p" + i, phrasings[i % 4], "", t0.plus(Duration.ofMinutes(30L * i)),
                    "u" + (i % 45), 60);
            String placed = clusterer.add(post);
            topic = topic == null ? placed : topic;
            assertThat(placed).isEqualTo(topic);
            assertThat(other).isNotEqualTo(topic);
            stats.add(post, false);
            WarningLevel level = WarningLevel.of(HeatFormula.DEFAULT.heat(stats), THRESHOLDS);
            if (level != previous) {
                crossed.add(level);
                previous = level;
            }
        }
        assertThat(crossed).containsExactly(WarningLevel.BLUE, WarningLevel.YELLOW, WarningLevel.ORANGE,
                WarningLevel.RED);
    }

    @Test
    void aSinglePostIsNotAWarningAndPostsBeyondTheWindowStartANewTopic() {
        TopicStats single = new TopicStats();
        single.add(new PostText("a", "路灯不亮", "", t0, "u", 0), false);
        assertThat(WarningLevel.of(HeatFormula.DEFAULT.heat(single), THRESHOLDS)).isEqualTo(WarningLevel.NONE);

        TopicClusterer clusterer = TopicClusterer.streaming(ClusteringSettings.DEFAULT, p -> "T-" + p.id());
        String first = clusterer.add(new PostText("a", "青石桥菜市场周边占道经营严重", "", t0, "u", 0));
        String late = clusterer.add(new PostText("b", "青石桥菜市场周边占道经营严重", "", t0.plus(Duration.ofDays(366)),
                "v", 0));
        assertThat(late).isNotEqualTo(first);
    }

    @Test
    void anIssueRaisedAgainMonthsLaterJoinsItsTopicOnlyInNearlyTheSameWords() {
        ClusteringSettings settings = ClusteringSettings.DEFAULT;
        assertThat(settings.window()).isEqualTo(Duration.ofDays(30));
        TopicClusterer clusterer = TopicClusterer.streaming(settings, p -> "T-" + p.id());
        // unrelated posts give the shingles their weights, as a real stream does
        String[] others = {"市民广场路灯不亮", "幸福小区停车难", "学校门口交通拥堵", "公交站台破损", "医院挂号难",
                "菜市场卫生差", "小区物业乱收费", "噪音扰民严重", "道路积水严重", "供暖不热"};
        for (int i = 0; i < others.length; i++) {
            clusterer.add(new PostText("o" + i, others[i], "", t0.minus(Duration.ofDays(1)), "x" + i, 0));
        }
        String first = clusterer.add(new PostText("a", "青石桥菜市场周边占道经营严重", "", t0, "u", 0));
        String again = clusterer.add(new PostText("b", "青石桥菜市场周边占道经营依然严重", "",
                t0.plus(Duration.ofDays(90)), "v", 0));
        String loosely = clusterer.add(new PostText("c", "青石桥街道修路", "", t0.plus(Duration.ofDays(200)), "w", 0));
        assertThat(again).isEqualTo(first);
        assertThat(loosely).isNotEqualTo(first);
    }
}
