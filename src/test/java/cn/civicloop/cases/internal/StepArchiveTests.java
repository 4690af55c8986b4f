package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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

import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseFeed;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.DayFigures;
import cn.civicloop.cases.internal.sla.ClockState;
import cn.civicloop.cases.internal.sla.Clocks;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.Api;
import cn.civicloop.support.ApiTest;
import cn.civicloop.support.DayFiguresCaughtUp;
import cn.civicloop.support.PageSession;
import cn.civicloop.support.TimelineSteps;

/**
 * The archive of old steps (ADR 0065): a case ended longer ago than the age has its steps packed into one row and
 * reads exactly as before everywhere its steps are shown; only such cases are packed, a batch at a time and once; a
 * step added to a packed case restores its rows, with their ids, first; a packed case keeps no share of the daily
 * figures, and counts after a reopening as a rebuild counts it (ADR 0068). The archive is called directly with its
 * cut-off, starting its walk at the test's own cases (the shared database holds other tests' cases, created on
 * clocks those tests moved).
 */
class StepArchiveTests extends ApiTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired
    StepArchive archive;
    @Autowired
    Timeline timeline;
    @Autowired
    CaseFeed feed;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    DayFigures dayFigures;
    @Autowired
    Clocks clocks;
    @Autowired
    DayFigureUpdates figureUpdates;

    @Test
    void aPackedCaseReadsAsBeforeOnTheCasePageTheTrackingPageTheApiAndTheFeed() {
        Api.Answer submitted = submit(appeal("归档测试：广济路路灯不亮"));
        String number = submitted.text("number");
        String code = submitted.text("trackingToken");
        closedThroughTheLoop(number);
        long id = idOf(number);
        endedDaysAgo(id, "CLOSED", 400);
        String officer = api.login("officer");
        List<Timeline.Row> rows = timeline.of(id);
        String staffTimeline = api.get("/api/v1/cases/" + number + "/timeline", officer).body();
        String staffView = api.get("/api/v1/cases/" + number, officer).body();
        String tracked = api.get("/api/v1/public/cases/" + number, null, Map.of("X-Tracking-Token", code)).body();
        List<String> casePage = TimelineSteps.of(port(), "officer", number, "zh");
        String trackPage = trackPageTimeline(number, code);
        List<CaseFeed.FeedNote> notes = feed.publicNotes(number);
        List<ClockState> stageClocks = clocks.of(id);
        String clockPanel = clockPanel(number);
        assertThat(rows).extracting(Timeline.Row::action).contains(CaseAction.SUBMIT, CaseAction.REJECT,
                CaseAction.REPLY, CaseAction.CLOSE);
        assertThat(tracked).contains("after.png");
        assertThat(stageClocks).extracting(ClockState::stage).contains(ClockStage.SIGN, ClockStage.HANDLE,
                ClockStage.REVIEW, ClockStage.FOLLOW_UP);
        assertThat(staffView).contains("\"clocks\":[{").contains("\"stage\":\"FOLLOW_UP\"");

        assertThat(archive.archive(id - 1, cutoff(), 500, 10)).isEqualTo(1);

        assertThat(hotRows(id)).isZero();
        assertThat(packed(id)).isTrue();
        assertThat(clocks.of(id)).as("the clocks' row packed with the steps (ADR 0067)").isEmpty();
        assertThat(timeline.clocks(id)).as("every part of every clock").isEqualTo(stageClocks);
        assertThat(timeline.of(id)).as("every column of every step").isEqualTo(rows);
        assertThat(api.get("/api/v1/cases/" + number + "/timeline", officer).body()).isEqualTo(staffTimeline);
        assertThat(api.get("/api/v1/cases/" + number, officer).body()).as("the clocks included")
                .isEqualTo(staffView);
        assertThat(clockPanel(number)).as("the case page's deadlines").isEqualTo(clockPanel);
        assertThat(api.get("/api/v1/public/cases/" + number, null, Map.of("X-Tracking-Token", code)).body())
                .as("the resident's view, the evidence of the published reply included").isEqualTo(tracked);
        assertThat(TimelineSteps.of(port(), "officer", number, "zh")).isEqualTo(casePage).isNotEmpty();
        assertThat(trackPageTimeline(number, code)).isEqualTo(trackPage).contains("已更换整套灯具");
        assertThat(feed.publicNotes(number)).isEqualTo(notes).isNotEmpty();
    }

    @Test
    void onlyCasesEndedLongerThanTheAgeArePackedABatchAtATimeAndOnce() {
        // in id order; the second walk's batches of two: [closedLately, open], [newer, declined], [voided, young]
        long closedLongAgo = registered("归档测试：早已办结");
        long closedLately = registered("归档测试：近日办结");
        long open = registered("归档测试：仍在办理");
        long newer = registered("归档测试：新近受理");
        long declined = registered("归档测试：早已不予受理");
        long voided = registered("归档测试：早已作废");
        long young = registered("归档测试：新近办结");
        endedDaysAgo(closedLongAgo, "CLOSED", 400);
        endedDaysAgo(closedLately, "CLOSED", 10);
        jdbc.sql("update cases_case set created_at = ? where id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(500))), closedLately).update();
        jdbc.sql("update cases_case set status = 'IN_PROGRESS', created_at = ? where id = ?")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(500))), open).update();
        endedDaysAgo(declined, "DECLINED", 400);
        endedDaysAgo(voided, "VOIDED", 400);
        endedDaysAgo(young, "CLOSED", 5);
        long start = closedLongAgo - 1;

        assertThat(archive.archive(start, cutoff(), 2, 1)).as("one batch of two cases, one of them old enough")
                .isEqualTo(1);
        assertThat(packed(closedLongAgo)).isTrue();
        assertThat(packed(declined)).as("left to the next run").isFalse();

        assertThat(archive.archive(start, cutoff(), 2, 10))
                .as("a case created after the cut-off beside an older one does not end the walk")
                .isEqualTo(2);
        assertThat(archive.archive(start, cutoff(), 2, 10)).as("nothing left: a second run packs nothing").isZero();

        assertThat(List.of(closedLongAgo, declined, voided)).allSatisfy(id -> {
            assertThat(packed(id)).isTrue();
            assertThat(hotRows(id)).isZero();
            assertThat(timeline.of(id)).extracting(Timeline.Row::action).startsWith(CaseAction.SUBMIT);
        });
        assertThat(List.of(closedLately, open, newer, young)).allSatisfy(id -> {
            assertThat(packed(id)).isFalse();
            assertThat(hotRows(id)).isPositive();
        });
    }

    @Test
    void aStepOnAPackedCaseRestoresItsRowsWithTheirIdsFirst() {
        Api.Answer submitted = submit(appeal("归档测试：修补后又塌陷"));
        String number = submitted.text("number");
        closedThroughTheLoop(number);
        long id = idOf(number);
        endedDaysAgo(id, "CLOSED", 400);
        List<Timeline.Row> rows = timeline.of(id);
        List<ClockState> stageClocks = clocks.of(id);
        assertThat(archive.archive(id - 1, cutoff(), 500, 10)).isEqualTo(1);

        Api.Answer reopened = api.post("/api/v1/public/cases/" + number + "/reopen", null,
                Map.of("reason", "修补后又塌陷了"), Map.of("X-Tracking-Token", submitted.text("trackingToken")));

        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.text("status")).isEqualTo("ASSIGNED");
        assertThat(packed(id)).isFalse();
        assertThat(hotRows(id)).isEqualTo(rows.size() + 1);
        List<Timeline.Row> after = timeline.of(id);
        assertThat(after.subList(0, rows.size())).as("the old steps back with their ids").isEqualTo(rows);
        assertThat(after.get(rows.size()).action()).isEqualTo(CaseAction.REOPEN);
        assertThat(api.get("/api/v1/cases/" + number + "/timeline", api.login("officer")).json().valueStream()
                .map(e -> e.get("action").asString()).toList()).endsWith("CLOSE", "REOPEN").hasSize(rows.size() + 1);
        assertThat(archive.archive(id - 1, cutoff(), 500, 10)).as("open again: not packed").isZero();
        List<ClockState> restored = clocks.of(id);
        assertThat(restored).as("the clocks back before the reopening moved them: a second round of signing and "
                + "handling, the others as they were").hasSameSizeAs(stageClocks);
        for (ClockState before : stageClocks) {
            ClockState now = restored.stream().filter(c -> c.stage() == before.stage()).findFirst().orElseThrow();
            if (before.stage() == ClockStage.SIGN || before.stage() == ClockStage.HANDLE) {
                assertThat(now.round()).as(before.stage().name()).isEqualTo(before.round() + 1);
                assertThat(now.generation()).isGreaterThan(before.generation());
                assertThat(now.running()).isTrue();
            } else {
                assertThat(now).isEqualTo(before);
            }
        }
    }

    @Test
    void aStepAddedWhileTheCaseWasPackedIsReadWithItAndPackedWithItNextTime() {
        long id = registered("归档测试：打包时的督办");
        endedDaysAgo(id, "CLOSED", 400);
        List<Timeline.Row> rows = timeline.of(id);
        assertThat(archive.archive(id - 1, cutoff(), 500, 10)).isEqualTo(1);
        // a supervisor's remark does not change the case's row: it can commit beside the packed row
        jdbc.sql("""
                insert into cases_timeline (case_id, occurred_at, actor_name, actor_role, action, from_status,
                    to_status, reason, public_entry) values (?, ?, '赵记者', 'MEDIA_OFFICER', 'NOTE', 'CLOSED',
                    'CLOSED', '媒体回访', false)""").params(id, Timestamp.from(clock.instant())).update();

        List<Timeline.Row> both = timeline.of(id);
        assertThat(both.subList(0, rows.size())).isEqualTo(rows);
        assertThat(both).hasSize(rows.size() + 1).last().extracting(Timeline.Row::reason).isEqualTo("媒体回访");

        assertThat(archive.archive(id - 1, cutoff(), 500, 10)).isEqualTo(1);
        assertThat(hotRows(id)).isZero();
        assertThat(timeline.of(id)).isEqualTo(both);
    }

    @Test
    void aPackedCaseKeepsNoShareOfTheFiguresAndAReopeningCountsAsARebuildWould() {
        Api.Answer submitted = submit(appeal("归档测试：份额随打包而去"));
        String number = submitted.text("number");
        closedThroughTheLoop(number);
        long id = idOf(number);
        endedDaysAgo(id, "CLOSED", 400);
        List<LocalDate> days = jdbc.sql("select opened_day, ended_day from cases_figure_share where case_id = ?")
                .param(id).query((rs, n) -> List.of(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .single();
        List<String> asPacked = figuresOf(days);
        assertThat(archive.archive(id - 1, cutoff(), 500, 10)).isEqualTo(1);

        assertThat(shares(id)).as("packed: its row is its share").isZero();
        assertThat(figuresOf(days)).as("the figures as they were").isEqualTo(asPacked);
        figureUpdates.refresh(number); // an event of the case handled late, after the packing
        assertThat(shares(id)).as("no share written for a packed case").isZero();
        assertThat(figuresOf(days)).as("nothing counted twice").isEqualTo(asPacked);

        Api.Answer reopened = api.post("/api/v1/public/cases/" + number + "/reopen", null,
                Map.of("reason", "灯又不亮了"), Map.of("X-Tracking-Token", submitted.text("trackingToken")));
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        DayFiguresCaughtUp.await(jdbc, number);

        List<String> byTheListener = figuresOf(days);
        assertThat(byTheListener).as("the closing no longer counted on its day").isNotEqualTo(asPacked);
        assertThat(shares(id)).as("the share back, as the case stands now").isOne();
        rebuilt(days.get(0), days.get(1));
        assertThat(figuresOf(days)).as("what a rebuild from the cases counts").isEqualTo(byTheListener);
    }

    /** The daily figures and totals of those days, one line a row. */
    private List<String> figuresOf(List<LocalDate> days) {
        List<String> rows = new ArrayList<>(jdbc.sql("""
                select on_day, department_id, street_code, channel, opened, closed, closed_on_time, declined, voided,
                    answered, satisfied from cases_day_figures where on_day in (?, ?)
                order by on_day, department_id, street_code, channel""").params(days.get(0), days.get(1))
                .query((rs, n) -> rowOf(rs, 11)).list());
        rows.addAll(jdbc.sql("""
                select on_day, channel, opened, closed, closed_on_time, declined, voided, answered, satisfied
                from cases_day_totals where on_day in (?, ?) order by on_day, channel""")
                .params(days.get(0), days.get(1)).query((rs, n) -> rowOf(rs, 9)).list());
        return rows;
    }

    private static String rowOf(ResultSet rs, int columns) throws SQLException {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
            row.append(rs.getString(c)).append('|');
        }
        return row.toString();
    }

    private long shares(long id) {
        return jdbc.sql("select count(*) from cases_figure_share where case_id = ?").param(id).query(Long.class)
                .single();
    }

    private Instant cutoff() {
        return clock.instant().minus(Duration.ofDays(365));
    }

    private void closedThroughTheLoop(String number) {
        ok(act("operator", number, "register", Map.of()));
        ok(act("dispatcher", number, "assign", Map.of("departmentId", departmentId("ZFJ"))));
        ok(act("zfj", number, "sign", Map.of()));
        ok(act("zfj", number, "reply", Map.of("text", "已更换灯泡")));
        ok(act("officer", number, "reject", Map.of("reason", "未附现场照片")));
        ok(api.postMultipart("/api/v1/cases/" + number + "/actions/reply", api.login("zfj"), "request",
                Map.of("text", "已更换整套灯具并测试，附照片"), "photos", Map.of("after.png", PNG)));
        ok(act("officer", number, "approve", Map.of()));
        ok(act("officer", number, "follow-up", Map.of("resolved", true, "satisfaction", "SATISFIED")));
        assertThat(ok(act("officer", number, "close", Map.of())).text("status")).isEqualTo("CLOSED");
    }

    private static Api.Answer ok(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    /** A case submitted and registered: two steps. */
    private long registered(String title) {
        String number = submit(appeal(title)).text("number");
        ok(act("operator", number, "register", Map.of()));
        return idOf(number);
    }

    /**
     * The case made {@code status} since {@code days} ago, created a day before, and the daily figures of those days
     * and of today rebuilt from the cases, as an operator would after such a change: the overview's "closed today"
     * comes from them, and other tests compare it with the list of the cases closed today.
     */
    private void endedDaysAgo(long id, String status, int days) {
        DayFiguresCaughtUp.await(jdbc, jdbc.sql("select number from cases_case where id = ?").param(id)
                .query(String.class).single());
        Instant ended = clock.instant().minus(Duration.ofDays(days));
        jdbc.sql("update cases_case set status = ?, closed_at = ?, created_at = ? where id = ?")
                .params(status, Timestamp.from(ended), Timestamp.from(ended.minus(Duration.ofDays(1))), id).update();
        rebuilt(LocalDate.ofInstant(ended.minus(Duration.ofDays(1)), DistrictTime.ZONE),
                LocalDate.ofInstant(clock.instant(), DistrictTime.ZONE));
    }

    /** The daily figures of those days rebuilt from the cases. */
    private void rebuilt(LocalDate from, LocalDate to) {
        dayFigures.rebuild(from, to);
    }

    private long idOf(String number) {
        return jdbc.sql("select id from cases_case where number = ?").param(number).query(Long.class).single();
    }

    private long hotRows(long id) {
        return jdbc.sql("select count(*) from cases_timeline where case_id = ?").param(id).query(Long.class).single();
    }

    private boolean packed(long id) {
        return jdbc.sql("select count(*) from cases_timeline_packed where case_id = ?").param(id).query(Long.class)
                .single() == 1;
    }

    /** The deadlines of the staff case page (its clocks' panel). */
    private String clockPanel(String number) {
        PageSession page = PageSession.login(port(), "officer");
        String shown = page.get("/workbench/cases/" + number).body();
        int from = shown.indexOf("id=\"clocks\"");
        assertThat(from).as(shown).isNotNegative();
        return shown.substring(from, shown.indexOf("</ul>", from));
    }

    /** The steps list of the resident's tracking page. */
    private String trackPageTimeline(String number, String code) {
        PageSession page = PageSession.anonymous(port());
        page.get("/track");
        String shown = page.post("/track", Map.of("number", number, "token", code)).body();
        int from = shown.indexOf("<ol class=\"timeline\" id=\"timeline\">");
        assertThat(from).as(shown).isNotNegative();
        return shown.substring(from, shown.indexOf("</ol>", from));
    }
}
