package cn.civicloop.web;

import static cn.civicloop.support.CaseSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseQueries.CaseFilter;
import cn.civicloop.cases.CaseStatistics;
import cn.civicloop.cases.CaseStatistics.Breakdown;
import cn.civicloop.cases.CaseStatistics.Figure;
import cn.civicloop.cases.CaseStatistics.Slice;
import cn.civicloop.directory.Actor;
import cn.civicloop.dashboard.internal.DashboardFigures;
import cn.civicloop.directory.Directory;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.DayFiguresCaughtUp;

/**
 * The overview's drill-down: every number of the leaders' overview — tile, bar, table cell — opens a list of
 * exactly that many cases, on a mix of open, assigned, placed, unplaced and closed cases, now and when they are
 * overdue.
 */
class DashboardDrillDownTests extends ApiTest {

    private static final Pattern FIGURE_LINK = Pattern.compile(
            "<a [^>]*href=\"/workbench/cases\\?([^\"]*figure=[A-Z_]+)\"[^>]*>(\\d+)</a>");
    private static final Pattern TOTAL = Pattern.compile("id=\"case-total\">共 (\\d+) 件");

    @Autowired
    CaseStatistics statistics;

    @Autowired
    CaseQueries queries;

    @Autowired
    Directory directory;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DashboardFigures figures;

    private String closedInZfj;
    private String openInZfj;

    @BeforeEach
    void seedAMix() {
        String placed = submit(placed("驾驶舱核对：路面塌陷")).text("number");
        String unplaced = submit(appeal("驾驶舱核对：未定位的投诉")).text("number");
        openInZfj = submit(placed("驾驶舱核对：已派单")).text("number");
        ok(act("operator", openInZfj, "register", Map.of()));
        ok(act("dispatcher", openInZfj, "assign", Map.of("departmentId", departmentId("ZFJ"))));
        closedInZfj = submit(placed("驾驶舱核对：已办结")).text("number");
        ok(act("operator", closedInZfj, "register", Map.of()));
        ok(act("dispatcher", closedInZfj, "assign", Map.of("departmentId", departmentId("ZFJ"))));
        ok(act("zfj", closedInZfj, "sign", Map.of()));
        ok(act("zfj", closedInZfj, "reply", Map.of("text", "已修复")));
        ok(act("officer", closedInZfj, "approve", Map.of()));
        ok(act("officer", closedInZfj, "follow-up", Map.of("resolved", true, "satisfaction", "SATISFIED")));
        ok(act("officer", closedInZfj, "close", Map.of()));
        // "closed today" is counted from the daily figures
        DayFiguresCaughtUp.await(jdbc, placed, unplaced, openInZfj, closedInZfj);
        // and the list of it from the cases themselves: a case the test before this one closed is in the list at
        // once and in the figures once its own listener has run, so the figures of those cases are waited for too
        String[] closedLately = jdbc.sql("select number from cases_case where closed_at >= ?")
                .param(java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(10)))).query(String.class)
                .list().toArray(String[]::new);
        DayFiguresCaughtUp.await(jdbc, closedLately);
    }

    private static Map<String, Object> placed(String title) {
        Map<String, Object> a = appeal(title);
        a.put("location", Map.of("lat", 34.8597, "lon", 117.5546));
        return a;
    }

    @Test
    void eachFigureListsExactlyTheCasesItCountsNowAndWhenOverdue() {
        Actor leader = directory.staffActor("leader").orElseThrow();
        Instant now = clock.instant();
        for (Instant at : List.of(now, now.plus(Duration.ofDays(60)))) {
            CaseStatistics.Kpis kpis = statistics.kpis(at);
            assertThat(total(new Slice(Figure.OPEN, Breakdown.ALL, null, at), leader)).isEqualTo(kpis.open());
            assertThat(total(new Slice(Figure.OVERDUE, Breakdown.ALL, null, at), leader)).isEqualTo(kpis.overdue());
            assertThat(total(new Slice(Figure.CLOSED_TODAY, Breakdown.ALL, null, at), leader))
                    .as(() -> closedTodayBothWays()).isEqualTo(kpis.closedToday());
            for (CaseStatistics.DepartmentLoad l : statistics.loadByDepartment(at)) {
                String key = l.departmentId() == null ? null : l.departmentId().toString();
                assertThat(total(new Slice(Figure.OPEN, Breakdown.DEPARTMENT, key, at), leader)).as("open " + key)
                        .isEqualTo(l.open());
                assertThat(total(new Slice(Figure.OVERDUE, Breakdown.DEPARTMENT, key, at), leader)).as("overdue " + key)
                        .isEqualTo(l.overdue());
            }
            for (CaseStatistics.StreetLoad l : statistics.loadByStreet(at)) {
                assertThat(total(new Slice(Figure.OPEN, Breakdown.STREET, l.streetCode(), at), leader))
                        .as("open " + l.streetCode()).isEqualTo(l.open());
                assertThat(total(new Slice(Figure.OVERDUE, Breakdown.STREET, l.streetCode(), at), leader))
                        .as("overdue " + l.streetCode()).isEqualTo(l.overdue());
            }
        }
        assertThat(statistics.kpis(now.plus(Duration.ofDays(60))).overdue()).as("the mix has overdue cases").isPositive();
        List<String> zfjOpen = queries.list(new CaseFilter(null, null, null, null, null, 0, 100,
                new Slice(Figure.OPEN, Breakdown.DEPARTMENT, Long.toString(departmentId("ZFJ")), now), false), leader)
                .items().stream().map(CaseQueries.CaseSummary::number).toList();
        assertThat(zfjOpen).contains(openInZfj).doesNotContain(closedInZfj);
    }

    @Test
    void everyNumberOnTheOverviewPageOpensAListOfThatManyCases() {
        PageSession leader = PageSession.login(port(), "leader");
        figures.forget(); // the figures every viewer shares may be a few seconds older than this test's cases
        String page = leader.get("/dashboard").body();
        Matcher links = FIGURE_LINK.matcher(page);
        List<String> checked = new ArrayList<>();
        while (links.find()) {
            String query = links.group(1).replace("&amp;", "&");
            long shown = Long.parseLong(links.group(2));
            String list = leader.get("/workbench/cases/list?" + query).body();
            Matcher total = TOTAL.matcher(list);
            assertThat(total.find()).as("a total on the list of " + query).isTrue();
            assertThat(Long.parseLong(total.group(1))).as(() -> query + closedTodayBothWays()).isEqualTo(shown);
            checked.add(query);
        }
        assertThat(checked).as("the three tiles and the open and overdue cells of every row")
                .contains("figure=OPEN", "figure=OVERDUE", "figure=CLOSED_TODAY")
                .anyMatch(q -> q.startsWith("department=" + departmentId("ZFJ") + "&figure=OPEN"))
                .anyMatch(q -> q.startsWith("department=none&figure=OPEN"))
                .anyMatch(q -> q.startsWith("street=") && q.endsWith("figure=OVERDUE"));
    }

    /**
     * When "closed today" differs, which cases each side holds: a test that changes a case's dates or status by SQL
     * leaves the figures behind unless it rebuilds them.
     */
    private String closedTodayBothWays() {
        Instant today = LocalDate.ofInstant(clock.instant(), DistrictTime.ZONE)
                .atStartOfDay(DistrictTime.ZONE).toInstant();
        return " (cases closed today: " + jdbc.sql("select number || ' ' || cast(closed_at as varchar) from cases_case "
                + "where status = 'CLOSED' and closed_at >= ?").param(java.sql.Timestamp.from(today))
                .query(String.class).list()
                + "; counted closed today by the figures: " + jdbc.sql("select c.number from cases_figure_share s "
                + "join cases_case c on c.id = s.case_id where s.ended_status = 'CLOSED' and s.ended_day = ?")
                .param(LocalDate.ofInstant(clock.instant(), DistrictTime.ZONE))
                .query(String.class).list() + ")";
    }

    private long total(Slice slice, Actor reader) {
        return queries.list(new CaseFilter(null, null, null, null, null, 0, 1, slice, false), reader).total();
    }
}
