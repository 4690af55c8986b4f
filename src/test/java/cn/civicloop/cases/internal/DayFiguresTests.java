package cn.civicloop.cases.internal;

import static cn.civicloop.support.CaseSteps.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatistics;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.Channel;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.DayFiguresCaughtUp;
import cn.civicloop.support.LockWaits;
import cn.civicloop.support.Node;

/**
 * The daily figures on a hand-made history: cases opened, assigned, reassigned, closed in time and late, reopened,
 * declined and merged on known days across departments, streets and channels. The figures kept by the listener's
 * update equal what the raw case rows say, a rebuild of the days gives the same rows, and an event delivered again
 * changes nothing. The history lies on days of its own in the past (random ones, cleared of an earlier run's
 * cases first), so the shared test database's other cases do not count on them.
 */
class DayFiguresTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DayFigureUpdates updates;

    @Autowired
    DayFigureRebuild rebuild;

    @Autowired
    CaseStatistics statistics;

    @Autowired
    DataSource dataSource;

    LocalDate base;
    String run;

    @BeforeEach
    void days() {
        base = LocalDate.of(1992, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9_000));
        run = "DF" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-";
        // cases an earlier run of these tests left on these days (a kept PostgreSQL database) would count here
        Timestamp from = Timestamp.from(base.minusDays(1).atStartOfDay(DistrictTime.ZONE).toInstant());
        Timestamp to = Timestamp.from(base.plusDays(11).atStartOfDay(DistrictTime.ZONE).toInstant());
        String earlier = "select id from cases_case where number like 'DF%' and ((created_at >= :from and created_at < :to)"
                + " or (closed_at >= :from and closed_at < :to))";
        jdbc.sql("delete from cases_figure_share where case_id in (" + earlier + ")").param("from", from)
                .param("to", to).update();
        jdbc.sql("update cases_case set duplicate_of = null where id in (" + earlier + ")").param("from", from)
                .param("to", to).update();
        jdbc.sql("delete from cases_case where id in (" + earlier + ")").param("from", from).param("to", to).update();
        jdbc.sql("delete from cases_day_figures where on_day >= ? and on_day <= ?").params(base.minusDays(1),
                base.plusDays(10)).update();
        jdbc.sql("delete from cases_day_totals where on_day >= ? and on_day <= ?").params(base.minusDays(1),
                base.plusDays(10)).update();
    }

    @Test
    void theFiguresOfAHandMadeHistoryEqualTheCasesRowsRebuildGivesTheSameAndRedeliveryCountsOnce() {
        long d1 = 901, d2 = 902;
        String c1 = open("1", base, "WECHAT", "S1", day(5));
        String c2 = open("2", base, "WEBSITE", "S2", day(1));
        String c3 = open("3", base.plusDays(1), "WEBSITE", null, day(8));
        String c4 = open("4", base.plusDays(1), "WECHAT", "S1", day(8));
        String c5 = open("5", base.plusDays(2), "ROAD_CHIEF", "S1", day(9));
        String c6 = open("6", base.plusDays(2), "WECHAT", "S2", day(9));

        change(c1, "status = 'ASSIGNED', department_id = " + d1, base.plusDays(1));
        change(c2, "status = 'ASSIGNED', department_id = " + d2, base.plusDays(1));
        change(c3, "status = 'DECLINED', closed_at = :at", base.plusDays(1));
        change(c1, "status = 'CLOSED', closed_at = :at, satisfaction = 'SATISFIED'", base.plusDays(2));
        change(c4, "status = 'VOIDED', closed_at = :at, duplicate_of = (select id from cases_case where number = '"
                + c1 + "')", base.plusDays(2));
        change(c5, "status = 'IN_PROGRESS', department_id = " + d1, base.plusDays(2));
        change(c6, "status = 'ASSIGNED', department_id = " + d1, base.plusDays(2));
        change(c2, "status = 'CLOSED', closed_at = :at, satisfaction = 'DISSATISFIED'", base.plusDays(3)); // late
        change(c6, "status = 'ASSIGNED', department_id = " + d2, base.plusDays(3)); // reassigned
        change(c6, "status = 'CLOSED', closed_at = :at", base.plusDays(3));
        change(c2, "status = 'IN_PROGRESS', closed_at = null, reopen_count = 1", base.plusDays(4)); // reopened
        change(c2, "status = 'CLOSED', closed_at = :at, satisfaction = 'BASICALLY_SATISFIED'", base.plusDays(6));

        Map<String, List<Long>> incremental = figures();
        assertThat(incremental).isEqualTo(fromCaseRows());
        assertThat(totals()).isEqualTo(perDayAndChannel(incremental));
        // by hand, the two days that changed most: the late closing counted once, on its second day, not on its first
        assertThat(incremental.get(base.plusDays(3) + "/" + d2 + "/S2/WECHAT")).containsExactly(0L, 1L, 1L, 0L, 0L,
                0L, 0L);
        assertThat(incremental).doesNotContainKey(base.plusDays(3) + "/" + d2 + "/S2/WEBSITE");
        assertThat(incremental.get(base.plusDays(6) + "/" + d2 + "/S2/WEBSITE")).containsExactly(0L, 1L, 0L, 0L, 0L,
                1L, 1L);
        assertThat(incremental.get(base + "/" + d2 + "/S2/WEBSITE")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 0L);

        for (String again : List.of(c1, c2, c2, c6, c4, c3)) {
            updates.refresh(again); // redelivered events
        }
        assertThat(figures()).isEqualTo(incremental);

        rebuild.rebuild(base.minusDays(1), base.plusDays(10));
        assertThat(figures()).isEqualTo(incremental);
        assertThat(totals()).isEqualTo(perDayAndChannel(incremental));

        // the statistics read these rows: the trend and the intake of those days, the closings of a day
        Instant evening = base.plusDays(6).atTime(LocalTime.of(20, 0)).atZone(DistrictTime.ZONE).toInstant();
        var trend = statistics.trend(evening, 7);
        assertThat(trend.stream().map(CaseStatistics.DayFlow::opened).toList()).containsExactly(2L, 2L, 2L, 0L, 0L,
                0L, 0L);
        assertThat(trend.stream().map(CaseStatistics.DayFlow::closed).toList()).containsExactly(0L, 0L, 1L, 1L, 0L,
                0L, 1L);
        assertThat(statistics.kpis(evening).closedToday()).isEqualTo(1);
        assertThat(statistics.intakeByChannel(base.plusDays(1))).filteredOn(c -> c.count() > 0)
                .extracting(c -> c.channel().name() + "=" + c.count()).containsExactlyInAnyOrder("WEBSITE=1",
                        "WECHAT=1");
    }

    @Test
    void aRebuildMendsFiguresThatWentWrong() {
        String c = open("7", base, "WECHAT", "S1", day(5));
        change(c, "status = 'CLOSED', closed_at = :at, department_id = 903", base.plusDays(1));
        Map<String, List<Long>> right = figures();
        jdbc.sql("update cases_day_figures set opened = opened + 5 where on_day = ?").param(base).update();
        jdbc.sql("delete from cases_day_figures where on_day = ?").param(base.plusDays(1)).update();
        assertThat(figures()).isNotEqualTo(right);

        assertThat(rebuild.rebuild(base, base.plusDays(1))).isEqualTo(1);
        assertThat(figures()).isEqualTo(right).isEqualTo(fromCaseRows());
        assertThat(totals()).isEqualTo(perDayAndChannel(right));
    }

    /**
     * A rebuild of days that intake is still writing: the figures' listener has written the first share of a new
     * case of those days and not yet committed when the rebuild comes to insert that case's share. The rebuild waits
     * for it and keeps the listener's share (it is the case's newest) instead of failing whole on a duplicate share.
     * Staged by what the database shows (the rebuild's statement on the shares under way while the listener's row is
     * uncommitted), not by a pause.
     */
    @Test
    void aRebuildWhileTheListenerWritesANewCasesShareKeepsThatShare() throws Exception {
        open("8", base, "WECHAT", "S1", day(5));
        String fresh = inserted("9", base, "WEBSITE", "S2", day(3));
        try (Connection listener = dataSource.getConnection()) {
            listener.setAutoCommit(false);
            try (PreparedStatement share = listener.prepareStatement("insert into cases_figure_share (case_id, "
                    + "department_id, street_code, channel, opened_day, ended_day, ended_status, on_time, answered, "
                    + "satisfied) select id, " + rebuild.shareColumns() + " from cases_case where number = ?")) {
                share.setString(1, fresh);
                assertThat(share.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Integer> rebuilt = CompletableFuture.supplyAsync(() -> rebuild.rebuild(base, base));
            Node.await(Duration.ofSeconds(20), "the rebuild's statement on the shares waiting",
                    () -> sharesStatementsUnderWay() > 0 || rebuilt.isDone());
            assertThat(rebuilt).as("the rebuild must wait for the uncommitted share").isNotDone();
            listener.commit();
            rebuilt.get(30, TimeUnit.SECONDS);
        }
        assertThat(jdbc.sql("select count(*) from cases_figure_share s join cases_case c on c.id = s.case_id "
                + "where c.number = ?").param(fresh).query(Long.class).single()).isEqualTo(1);
        assertThat(figures()).isEqualTo(fromCaseRows());
        assertThat(totals()).isEqualTo(perDayAndChannel(figures()));
    }

    /** Other sessions' statements on the shares waiting for a row lock ({@link LockWaits}). */
    private long sharesStatementsUnderWay() {
        return LockWaits.statementsWaiting(jdbc, "% cases_figure_share %");
    }

    /** The days' totals per channel, "day/channel" → the seven measures. */
    private Map<String, List<Long>> totals() {
        Map<String, List<Long>> rows = new TreeMap<>();
        jdbc.sql("select * from cases_day_totals where on_day >= ? and on_day <= ?").params(base.minusDays(1),
                base.plusDays(10)).query((rs, n) -> {
                    List<Long> measures = new java.util.ArrayList<>();
                    for (String m : FigureShare.MEASURES) {
                        measures.add(rs.getLong(m));
                    }
                    return Map.entry(rs.getObject("on_day", LocalDate.class) + "/" + rs.getString("channel"), measures);
                }).list().stream().filter(e -> e.getValue().stream().anyMatch(v -> v != 0))
                .forEach(e -> rows.put(e.getKey(), e.getValue()));
        return rows;
    }

    /** Rows of {@link #figures()} summed per day and channel. */
    private static Map<String, List<Long>> perDayAndChannel(Map<String, List<Long>> figures) {
        Map<String, long[]> sums = new TreeMap<>();
        figures.forEach((key, measures) -> {
            String[] parts = key.split("/", -1);
            long[] sum = sums.computeIfAbsent(parts[0] + "/" + parts[3], k -> new long[measures.size()]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += measures.get(i);
            }
        });
        Map<String, List<Long>> result = new TreeMap<>();
        sums.forEach((k, v) -> result.put(k, java.util.Arrays.stream(v).boxed().toList()));
        return result;
    }

    private Instant day(int days) {
        return base.plusDays(days).atTime(LocalTime.of(18, 0)).atZone(DistrictTime.ZONE).toInstant();
    }

    @Test
    void onlyStepsThatCanChangeACasesShareAreHandledAndAWholeHandlingKeepsTheShareOfTheRow() {
        assertThat(DayFigureUpdates.concerns(step(CaseAction.SUBMIT, null, CaseStatus.SUBMITTED))).isTrue();
        assertThat(DayFigureUpdates.concerns(step(CaseAction.REGISTER, CaseStatus.SUBMITTED, CaseStatus.REGISTERED)))
                .isFalse();
        assertThat(DayFigureUpdates.concerns(step(CaseAction.ASSIGN, CaseStatus.REGISTERED, CaseStatus.ASSIGNED)))
                .isTrue();
        assertThat(DayFigureUpdates.concerns(step(CaseAction.REASSIGN, CaseStatus.ASSIGNED, CaseStatus.ASSIGNED)))
                .isTrue();
        assertThat(DayFigureUpdates.concerns(step(CaseAction.SIGN, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS)))
                .isFalse();
        assertThat(DayFigureUpdates.concerns(step(CaseAction.URGE, CaseStatus.IN_PROGRESS, CaseStatus.IN_PROGRESS)))
                .isFalse();
        assertThat(DayFigureUpdates.concerns(step(CaseAction.CLOSE, CaseStatus.AWAITING_FOLLOW_UP,
                CaseStatus.CLOSED))).isTrue();
        assertThat(DayFigureUpdates.concerns(step(CaseAction.FOLLOW_UP, CaseStatus.CLOSED, CaseStatus.CLOSED)))
                .as("a late answer on a closed case").isTrue();
        assertThat(DayFigureUpdates.concerns(step(CaseAction.REOPEN, CaseStatus.CLOSED, CaseStatus.IN_PROGRESS)))
                .isTrue();

        // a case handled from intake to closing through the application: its share follows its row
        String number = submit(appeal("日报表：整个办理过程")).text("number");
        ok(act("operator", number, "register", Map.of()));
        ok(act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ"))));
        ok(act("zfj", number, "sign", Map.of()));
        ok(act("zfj", number, "reply", Map.of("text", "已处理")));
        ok(act("officer", number, "approve", Map.of()));
        ok(act("officer", number, "follow-up", Map.of("resolved", true, "satisfaction", "SATISFIED")));
        ok(act("officer", number, "close", Map.of()));
        DayFiguresCaughtUp.await(jdbc, number);
        FigureShare kept = jdbc.sql("select s.* from cases_figure_share s join cases_case c on c.id = s.case_id "
                + "where c.number = ?").param(number).query((rs, n) -> FigureShare.read(rs)).single();
        FigureShare ofTheRow = jdbc.sql("select " + rebuild.shareColumns() + " from cases_case where number = ?")
                .param(number).query((rs, n) -> FigureShare.read(rs)).single();
        assertThat(kept).isEqualTo(ofTheRow);
        assertThat(kept.departmentId()).isEqualTo(departmentId("ZFJ"));
        assertThat(kept.endedStatus()).isEqualTo("CLOSED");
        assertThat(kept.satisfied()).isTrue();
    }

    private static CaseTransitioned step(CaseAction action, CaseStatus from, CaseStatus to) {
        return new CaseTransitioned("X", action, from, to, null, null, Instant.EPOCH, Channel.WECHAT);
    }

    /** A case row as intake writes it (directly: the days are in the past), then its event. */
    private String open(String n, LocalDate day, String channel, String street, Instant due) {
        String number = inserted(n, day, channel, street, due);
        updates.refresh(number);
        return number;
    }

    /** A case row as intake commits it, before the figures' listener has run for it. */
    private String inserted(String n, LocalDate day, String channel, String street, Instant due) {
        String number = run + n;
        Timestamp at = Timestamp.from(day.atTime(LocalTime.of(0, 30)).atZone(DistrictTime.ZONE).toInstant());
        jdbc.sql("""
                insert into cases_case (number, status, channel, kind, urgency, title, content, street_code,
                    due_at, created_at, updated_at)
                values (?, 'SUBMITTED', ?, 'COMPLAINT', 'NORMAL', '日报表测试', '日报表测试', ?, ?, ?, ?)""")
                .params(number, channel, street, Timestamp.from(due), at, at).update();
        return number;
    }

    /** A command's change of the row late in the evening of {@code day} (23:30: the day's last half hour), then its event. */
    private void change(String number, String assignments, LocalDate day) {
        Timestamp at = Timestamp.from(day.atTime(LocalTime.of(23, 30)).atZone(DistrictTime.ZONE).toInstant());
        String sql = "update cases_case set " + assignments + ", updated_at = :at where number = :number";
        jdbc.sql(sql).param("at", at).param("number", number).update();
        updates.refresh(number);
    }

    /** The rows of the history's days, "day/department/street/channel" → the seven measures. */
    private Map<String, List<Long>> figures() {
        Map<String, List<Long>> rows = new TreeMap<>();
        jdbc.sql("select * from cases_day_figures where on_day >= ? and on_day <= ?").params(base.minusDays(1),
                base.plusDays(10)).query((rs, n) -> {
                    List<Long> measures = new java.util.ArrayList<>();
                    for (String m : FigureShare.MEASURES) {
                        measures.add(rs.getLong(m));
                    }
                    return Map.entry(rs.getObject("on_day", LocalDate.class) + "/" + rs.getLong("department_id") + "/"
                            + rs.getString("street_code") + "/" + rs.getString("channel"), measures);
                }).list().stream().filter(e -> e.getValue().stream().anyMatch(v -> v != 0))
                .forEach(e -> rows.put(e.getKey(), e.getValue()));
        return rows;
    }

    /** The same rows counted in Java from the history's case rows, by the definitions of the figures. */
    private Map<String, List<Long>> fromCaseRows() {
        Map<String, long[]> rows = new TreeMap<>();
        jdbc.sql("select * from cases_case where number like ?").param(run + "%").query((rs, n) -> {
            String status = rs.getString("status");
            boolean ended = List.of("CLOSED", "DECLINED", "VOIDED").contains(status);
            String where = "/" + rs.getLong("department_id") + "/" + (rs.getString("street_code") == null ? ""
                    : rs.getString("street_code")) + "/" + rs.getString("channel");
            rows.computeIfAbsent(day(rs.getTimestamp("created_at")) + where, k -> new long[7])[0]++;
            if (ended) {
                long[] m = rows.computeIfAbsent(day(rs.getTimestamp("closed_at")) + where, k -> new long[7]);
                m[1] += status.equals("CLOSED") ? 1 : 0;
                m[2] += status.equals("CLOSED") && !rs.getTimestamp("closed_at").after(rs.getTimestamp("due_at"))
                        ? 1 : 0;
                m[3] += status.equals("DECLINED") ? 1 : 0;
                m[4] += status.equals("VOIDED") ? 1 : 0;
                m[5] += rs.getString("satisfaction") != null ? 1 : 0;
                m[6] += List.of("SATISFIED", "BASICALLY_SATISFIED").contains(String.valueOf(rs.getString(
                        "satisfaction"))) ? 1 : 0;
            }
            return status;
        }).list();
        Map<String, List<Long>> result = new TreeMap<>();
        rows.forEach((k, v) -> result.put(k, java.util.Arrays.stream(v).boxed().toList()));
        return result;
    }

    private static LocalDate day(Timestamp at) {
        return LocalDate.ofInstant(at.toInstant(), DistrictTime.ZONE);
    }
}
