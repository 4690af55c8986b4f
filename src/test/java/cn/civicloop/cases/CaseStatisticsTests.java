package cn.civicloop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.DayFiguresCaughtUp;

/** The leaders' figures, counted on the shared test database: deltas and the test's own cases only. */
class CaseStatisticsTests extends ApiTest {

    @Autowired
    CaseStatistics statistics;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoWechatAppealsAddTwoToTodaysWechatIntake() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), DistrictTime.ZONE);
        long before = wechat(today);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> a = appeal("微信反映小区垃圾未清运 " + i);
            a.put("channel", "WECHAT");
            var answer = submit(a);
            assertThat(answer.status()).isEqualTo(201);
            numbers.add(answer.text("number"));
        }
        DayFiguresCaughtUp.await(jdbc, numbers.toArray(String[]::new));
        assertThat(wechat(today)).isEqualTo(before + 2);
        assertThat(statistics.intakeByChannel(today)).hasSize(Channel.values().length);
    }

    @Test
    void aCasePastItsDeadlineCountsAsOverdue() {
        Map<String, Object> a = appeal("统计测试：人行道井盖缺失");
        a.put("location", Map.of("lat", 34.8597, "lon", 117.5546));
        String number = submit(a).text("number");
        Instant now = clock.instant();
        Instant later = now.plus(Duration.ofDays(60));

        assertThat(statistics.openPoints(now, 100_000)).filteredOn(p -> p.number().equals(number))
                .singleElement().satisfies(p -> assertThat(p.overdue()).isFalse());
        assertThat(statistics.openPoints(later, 100_000)).filteredOn(p -> p.number().equals(number))
                .singleElement().satisfies(p -> assertThat(p.overdue()).isTrue());

        var nowKpis = statistics.kpis(now);
        var laterKpis = statistics.kpis(later);
        assertThat(laterKpis.open()).isEqualTo(nowKpis.open());
        assertThat(laterKpis.overdue()).isGreaterThanOrEqualTo(nowKpis.overdue() + 1).isLessThanOrEqualTo(laterKpis.open());
        long unassignedOverdueLater = statistics.loadByDepartment(later).stream()
                .filter(l -> l.departmentId() == null).mapToLong(CaseStatistics.DepartmentLoad::overdue).sum();
        assertThat(unassignedOverdueLater).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theTrendHasOneRowPerDayEndingTodayAndCountsTodaysNewCases() {
        Instant now = clock.instant();
        var before = statistics.trend(now, 30);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            var answer = submit(appeal("趋势统计测试 " + i));
            assertThat(answer.status()).isEqualTo(201);
            numbers.add(answer.text("number"));
        }
        DayFiguresCaughtUp.await(jdbc, numbers.toArray(String[]::new));
        var trend = statistics.trend(clock.instant(), 30);
        assertThat(trend).hasSize(30);
        LocalDate today = LocalDate.ofInstant(now, DistrictTime.ZONE);
        for (int i = 0; i < 30; i++) {
            assertThat(trend.get(i).day()).as("row " + i).isEqualTo(today.minusDays(29 - i));
        }
        assertThat(trend.get(29).opened()).as("today").isEqualTo(before.get(29).opened() + 2);
        assertThat(trend.get(28).opened()).as("yesterday").isEqualTo(before.get(28).opened());
    }

    private long wechat(LocalDate day) {
        return statistics.intakeByChannel(day).stream().filter(c -> c.channel() == Channel.WECHAT)
                .mapToLong(CaseStatistics.ChannelCount::count).sum();
    }
}
