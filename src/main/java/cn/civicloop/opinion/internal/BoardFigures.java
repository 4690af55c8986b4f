package cn.civicloop.opinion.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.shared.DistrictTime;

/**
 * What the board draws besides its table: posts and cases per district day of the hottest topics (the trend chart)
 * and the points of their cases (the map). Both read only the few topics shown, over the board's days.
 */
@Component
public class BoardFigures {

    /** One topic's posts and cases per day, oldest day first, every day of the range present. */
    public record Trend(String topicId, String headline, List<Integer> counts) {
    }

    /** What a point of the map is. */
    public enum PointKind { CASE, POST }

    /**
     * A case or post of a shown topic with a place.
     *
     * @param label the case number, or the gazetteer's name of the post's place (never its author)
     */
    public record Point(String topicId, PointKind kind, String label, double lat, double lon) {
    }

    private final JdbcClient jdbc;
    private final CaseQueries cases;
    private final Clock clock;
    private final TopicDays topicDays;

    BoardFigures(JdbcClient jdbc, CaseQueries cases, Clock clock, TopicDays topicDays) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
        this.topicDays = topicDays;
    }

    /** The days of the chart: the last {@code days} district days, today included. */
    public List<LocalDate> days(int days) {
        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.ZONE));
        List<LocalDate> list = new ArrayList<>();
        for (int i = days - 1; i >= 0; i--) {
            list.add(today.minusDays(i));
        }
        return list;
    }

    /** From the per-day counts kept as posts and cases join their topics: a week is seven rows per topic. */
    public List<Trend> trend(List<TopicBoard.TopicRow> topics, int days) {
        List<LocalDate> range = days(days);
        Map<String, Map<LocalDate, Integer>> counts =
                topicDays.since(topics.stream().map(TopicBoard.TopicRow::id).toList(), range.get(0));
        List<Trend> trends = new ArrayList<>();
        for (TopicBoard.TopicRow topic : topics) {
            Map<LocalDate, Integer> perDay = counts.getOrDefault(topic.id(), Map.of());
            trends.add(new Trend(topic.id(), topic.headline(),
                    range.stream().map(d -> perDay.getOrDefault(d, 0)).toList()));
        }
        return trends;
    }

    /**
     * The newest cases and the newest posts (at most {@code perTopic} of each per topic) of the topics that have a
     * place: a case's point from the case, a post's from the gazetteer's sure match of its place name.
     */
    public List<Point> points(List<TopicBoard.TopicRow> topics, int perTopic) {
        Map<String, String> topicOf = new LinkedHashMap<>();
        List<Point> points = new ArrayList<>();
        for (TopicBoard.TopicRow topic : topics) {
            jdbc.sql("select case_number from opinion_case where topic_id = ? order by opened_at desc fetch first ? rows only")
                    .params(topic.id(), perTopic).query(String.class).list()
                    .forEach(n -> topicOf.put(n, topic.id()));
            // newest placed posts: on PostgreSQL a partial index of the placed posts only (V401)
            jdbc.sql("""
                    select place_label, lat, lon from opinion_post where topic_id = ? and lat is not null
                    order by posted_at desc fetch first ? rows only""")
                    .params(topic.id(), perTopic)
                    .query(rs -> {
                        points.add(new Point(topic.id(), PointKind.POST, rs.getString("place_label"),
                                rs.getDouble("lat"), rs.getDouble("lon")));
                    });
        }
        for (AppealSnapshot s : topicOf.isEmpty() ? List.<AppealSnapshot>of() : cases.snapshots(topicOf.keySet())) {
            if (s.lat() != null && s.lon() != null) {
                points.add(new Point(topicOf.get(s.number()), PointKind.CASE, s.number(), s.lat(), s.lon()));
            }
        }
        return points;
    }
}
