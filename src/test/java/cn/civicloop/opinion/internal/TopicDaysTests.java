package cn.civicloop.opinion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.opinion.RunTexts;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.ApiTest;

/**
 * The board's trend counts posts and cases per district day from the counts kept as they join a topic: they equal
 * the stored rows counted afresh, around midnight in Asia/Shanghai too, and so does the migration's fill.
 */
class TopicDaysTests extends ApiTest {

    @Autowired
    TopicBoard board;
    @Autowired
    BoardFigures figures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;

    @Test
    void theTrendCountsEachDistrictDayAndEqualsTheStoredRows() throws Exception {
        String officer = api.login("opinion");
        String code = "days-" + Long.toString(System.nanoTime(), 36);
        assertThat(api.post("/api/v1/opinion/sources", officer,
                Map.of("code", code, "name", "趋势测试", "kind", "IMPORT")).status()).isEqualTo(201);
        long source = jdbc.sql("select id from opinion_source where code = ?").param(code).query(Long.class).single();

        LocalDate today = LocalDate.now(clock.withZone(DistrictTime.ZONE));
        String title = RunTexts.unique() + RunTexts.unique() + "槐荫巷路灯整晚不亮";
        // today twice; yesterday at 23:50 and today at 00:10 district time (16:10 the day before in UTC);
        // three days ago; ten days ago, outside the seven days of the chart
        List<Instant> times = List.of(at(today, "08:30"), at(today, "00:10"), at(today.minusDays(1), "23:50"),
                at(today.minusDays(3), "12:00"), at(today.minusDays(10), "12:00"));
        List<IncomingPost> posts = new java.util.ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            posts.add(new IncomingPost(code + "-" + i, null, "网友" + i, title, "天黑以后整条巷子一片漆黑", times.get(i),
                    0, 0, 0, 0, null));
        }
        TopicBoard.Outcome outcome = board.ingest(source, posts);
        assertThat(outcome.topics()).hasSize(1);
        String topic = outcome.topics().get(0);
        assertThat(board.placeCase(code + "-C1", "HOTLINE", title, "居民来电反映路灯不亮", at(today, "09:00")))
                .contains(topic);

        TopicBoard.TopicRow row = board.topic(topic).orElseThrow();
        List<Integer> counts = figures.trend(List.of(row), 7).get(0).counts();
        // oldest first, six days ago to today: three days ago 1, yesterday 1 (23:50), today 2 posts and the case
        assertThat(counts).containsExactly(0, 0, 0, 1, 0, 1, 3);

        // the counts kept equal the stored posts and cases counted by the migration's statement
        boolean postgres;
        try (var connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        Map<LocalDate, List<Integer>> recounted = new TreeMap<>();
        jdbc.sql("select on_day, posts, cases from (" + TopicDaysBackfill.counts(postgres) + ") c where topic_id = ?")
                .param(topic).query(rs -> {
                    recounted.put(rs.getDate("on_day").toLocalDate(), List.of(rs.getInt("posts"), rs.getInt("cases")));
                });
        Map<LocalDate, List<Integer>> kept = new TreeMap<>();
        jdbc.sql("select on_day, posts, cases from opinion_topic_day where topic_id = ?").param(topic).query(rs -> {
            kept.put(rs.getDate("on_day").toLocalDate(), List.of(rs.getInt("posts"), rs.getInt("cases")));
        });
        assertThat(kept).isEqualTo(recounted);
        assertThat(kept).containsEntry(today, List.of(2, 1)).containsEntry(today.minusDays(1), List.of(1, 0))
                .containsEntry(today.minusDays(10), List.of(1, 0));
    }

    private static Instant at(LocalDate day, String time) {
        return ZonedDateTime.of(day, LocalTime.parse(time), DistrictTime.ZONE).toInstant();
    }
}
