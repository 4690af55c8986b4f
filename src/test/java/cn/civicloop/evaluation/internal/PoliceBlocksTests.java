package cn.civicloop.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.dispatch.IncidentCleared;
import cn.civicloop.dispatch.IncidentType;
import cn.civicloop.evaluation.Period;
import cn.civicloop.evaluation.SubjectKind;
import cn.civicloop.support.Api;
import cn.civicloop.support.PageSession;

/**
 * Police blocks as a subject kind of a computed and published version, on a hand-made month (August 2023, used by
 * no other test) with every figure computed by hand in the comments: the on-time rates against the priorities'
 * targets, the composite score, grade and rank, the median and p90 per priority frozen beside them, each figure's
 * drill-down matching its number, the Excel sheets, the subject page, and a changed target making the next version
 * only.
 */
class PoliceBlocksTests extends SubjectVersionTest {

    static final Period AUGUST = Period.parse("2023-08");

    @Autowired
    PoliceResponses police;

    @Autowired
    JdbcClient jdbc;

    private int seq;

    @Test
    void policeBlocksAreScoredRankedDrilledAndExportedInAPublishedVersion() throws Exception {
        String x = "PX" + UUID.randomUUID().toString().substring(0, 8);
        String y = "PY" + UUID.randomUUID().toString().substring(0, 8);
        Instant day = district(2023, 8, 10, 9, 0);

        // targets (data, V350): priority 1 480 s, 2 720 s, 3 1200 s, 4 1800 s
        // block X: priority 1 on scene in 300 s (on time), 600 s (late) and 420 s (on time, called 00:30 on
        // 1 August in the district, 16:30 UTC on 31 July: counts in August);
        // priority 2 in 700 s (on time) and 900 s (late); priority 3 never on scene (late, no response time) and
        // in 1000 s (on time); and a priority-1 call at 00:10 on 1 September (16:10 UTC on 31 August): not August
        cleared(x, 1, day, 300);
        cleared(x, 1, day.plusSeconds(3600), 600);
        IncidentCleared boundary = event(x, 1, district(2023, 8, 1, 0, 30), 420);
        assertThat(police.record(boundary)).isTrue();
        assertThat(police.record(boundary)).as("a redelivered event adds nothing").isFalse();
        cleared(x, 2, day.plusSeconds(7200), 700);
        cleared(x, 2, day.plusSeconds(9000), 900);
        cleared(x, 3, day.plusSeconds(10_000), null);
        cleared(x, 3, day.plusSeconds(12_000), 1000);
        cleared(x, 1, district(2023, 9, 1, 0, 10), 100);
        // block Y: priority 2 in 500 s (on time), priority 4 in 2000 s (late); no priority-1 call
        cleared(y, 2, day, 500);
        cleared(y, 4, day.plusSeconds(600), 2000);

        Snapshots.Snapshot draft = snapshots.computeDraft(AUGUST, "test");
        Map<String, Double> xf = figures(draft, x);
        // X on time: 300, 420 (p1), 700 (p2), 1000 (p3) = 4 of 7 → 57.142857 %
        assertThat(xf.get("POLICE_ON_TIME")).isCloseTo(400.0 / 7, within(1e-9));
        // X priority 1 on time: 300 and 420 of 300, 600, 420 → 2/3 = 66.666667 %
        assertThat(xf.get("POLICE_P1_ON_TIME")).isCloseTo(200.0 / 3, within(1e-9));
        // X arrival reported: 6 of 7 → 85.714286 %
        assertThat(xf.get("POLICE_ON_SCENE")).isCloseTo(600.0 / 7, within(1e-9));
        assertThat(xf).as("the cases' indicators are not figured for police blocks").doesNotContainKey("RESPONSE")
                .hasSize(3);
        Map<String, Double> yf = figures(draft, y);
        // Y: 1 of 2 on time → 50 %; no priority-1 call → no value; 2 of 2 on scene → 100 %
        assertThat(yf.get("POLICE_ON_TIME")).isCloseTo(50.0, within(1e-9));
        assertThat(yf.get("POLICE_P1_ON_TIME")).isNull();
        assertThat(yf.get("POLICE_ON_SCENE")).isCloseTo(100.0, within(1e-9));

        // composite (0.5 on time, 0.3 priority 1, 0.2 on scene):
        // X 0.5 × 57.142857 + 0.3 × 66.666667 + 0.2 × 85.714286 = 28.571429 + 20 + 17.142857 = 65.714286 → C
        // Y has no priority-1 figure: the others' weights scaled to 1, (0.5 × 50 + 0.2 × 100) / 0.7 = 64.285714 → C
        List<Snapshots.Score> blocks = snapshots.scores(draft.id(), SubjectKind.POLICE_BLOCK).stream()
                .filter(s -> s.subjectKey().equals(x) || s.subjectKey().equals(y)).toList();
        assertThat(blocks).extracting(Snapshots.Score::subjectKey).containsExactly(x, y);
        // scores are kept to two decimals: 65.71 and 64.29
        assertThat(blocks.get(0).score()).isEqualTo(65.71);
        assertThat(blocks.get(1).score()).isEqualTo(64.29);
        assertThat(blocks).extracting(Snapshots.Score::grade).containsExactly("C", "C");
        assertThat(blocks.get(0).rank()).isLessThan(blocks.get(1).rank());
        assertThat(snapshots.scores(draft.id(), SubjectKind.DEPARTMENT)).as("incidents are no department's")
                .noneMatch(s -> s.subjectKey().equals(x));

        // the median and p90 (linear interpolation) of the seconds to scene, per priority, frozen in the version:
        // X p1 {300, 420, 600}: median 420, p90 at rank 0.9 × 2 = 1.8 → 420 + 0.8 × 180 = 564
        // X p2 {700, 900}: median 800, p90 700 + 0.9 × 200 = 880; X p3 {1000} (one of two on scene): 1000, 1000
        List<PoliceResponses.PriorityFigures> frozen = snapshots.policeFigures(draft.id(), x);
        assertThat(frozen).extracting(f -> List.of(f.priority(), f.incidents(), f.onScene(), f.onTime(),
                f.targetSeconds())).containsExactly(List.of(1, 3L, 3L, 2L, 480), List.of(2, 2L, 2L, 1L, 720),
                        List.of(3, 2L, 1L, 1L, 1200));
        assertThat(frozen.get(0).median()).isCloseTo(420.0, within(1e-9));
        assertThat(frozen.get(0).p90()).isCloseTo(564.0, within(1e-9));
        assertThat(frozen.get(1).median()).isCloseTo(800.0, within(1e-9));
        assertThat(frozen.get(1).p90()).isCloseTo(880.0, within(1e-9));
        assertThat(frozen.get(2).median()).isCloseTo(1000.0, within(1e-9));
        assertThat(frozen.get(2).p90()).isCloseTo(1000.0, within(1e-9));

        // every count's drill-down lists as many incidents as the count
        assertThat(rows(x, "POLICE_ON_TIME", 0)).hasSize(4).allMatch(r -> r.caseNumber() == null)
                .extracting(Calculator.Row::seconds).containsExactlyInAnyOrder(300L, 420L, 700L, 1000L);
        assertThat(rows(x, "POLICE_ON_TIME", 1)).hasSize(7);
        assertThat(rows(x, "POLICE_P1_ON_TIME", 0)).hasSize(2);
        assertThat(rows(x, "POLICE_P1_ON_TIME", 1)).hasSize(3).extracting(Calculator.Row::reference)
                .contains(boundary.number());
        assertThat(rows(x, "POLICE_ON_SCENE", 0)).hasSize(6);
        assertThat(rows(y, "POLICE_P1_ON_TIME", 1)).isEmpty();
        // and each median's and p90's drill-down the incidents it was computed from
        assertThat(calculator.responseRows(AUGUST, x, 1, 0, 100)).extracting(Calculator.Row::seconds)
                .containsExactlyInAnyOrder(300L, 420L, 600L);
        assertThat(calculator.responseRows(AUGUST, x, 3, 0, 100)).extracting(Calculator.Row::seconds)
                .containsExactly(1000L);
        assertThat(calculator.responseRows(AUGUST, x, 4, 0, 100)).isEmpty();

        Snapshots.Snapshot published = snapshots.publish(AUGUST, "test");
        byte[] bytes = workbooks.of(published, Locale.SIMPLIFIED_CHINESE, Map.of(SubjectKind.POLICE_BLOCK, "块区"),
                Map.of("police", "出警时效"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet ranking = book.getSheet("块区");
            assertThat(ranking.getRow(0).getCell(4).getStringCellValue()).isEqualTo("按时到场率 (%)");
            Row row = sheetRow(ranking, 1, "#" + x);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(65.71);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(57.14);
            assertThat(row.getCell(5).getStringCellValue()).contains("count(POLICE_RESPONSE, hit)=4",
                    "count(POLICE_RESPONSE)=7");
            Sheet times = book.getSheet("块区 · 出警时效");
            Row p1 = StreamSupport.stream(times.spliterator(), false).filter(r -> r.getRowNum() > 0
                    && x.equals(r.getCell(0).getStringCellValue()) && r.getCell(1).getNumericCellValue() == 1)
                    .findFirst().orElseThrow();
            assertThat(p1.getCell(2).getNumericCellValue()).isEqualTo(3.0);
            assertThat(p1.getCell(6).getNumericCellValue()).isCloseTo(420.0, within(1e-9));
            assertThat(p1.getCell(7).getNumericCellValue()).isCloseTo(564.0, within(1e-9));
        }

        // the page of block X shows the medians in minutes (420 s = 7.0, 564 s = 9.4) with the incidents behind them
        String page = PageSession.login(port(), "leader")
                .get("/evaluation/" + AUGUST.key() + "/subjects/POLICE_BLOCK/" + x + "?lang=zh_CN").body();
        assertThat(page).contains("id=\"priority-1\"", "7.0", "9.4", "1级", "3 起警情");
        String list = PageSession.login(port(), "leader")
                .get("/evaluation/" + AUGUST.key() + "/subjects/POLICE_BLOCK/" + x + "/incidents?priority=2&lang=en")
                .body();
        assertThat(list).contains("2 rows", "priority 2, on scene in 11.7 min", "priority 2, on scene in 15.0 min");
        Api.Answer api1 = api.get("/api/v1/evaluation/periods/" + AUGUST.key() + "/police-blocks/" + x
                + "/incidents?priority=1", api.login("evaluation"));
        assertThat(api1.status()).as(api1.body()).isEqualTo(200);
        assertThat(api1.json().get("rows").size()).isEqualTo(3);
        Api.Answer refused = api.get("/api/v1/evaluation/periods/" + AUGUST.key() + "/police-blocks/" + x
                + "/incidents?priority=1", api.login("jtj"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("application/problem+json");

        // the priority-2 target becomes 950 s (data): X's 900 s call is on time in the next version, 5 of 7;
        // the published version stays as it was
        jdbc.sql("update evaluation_police_target set onscene_seconds = 950 where priority = 2").update();
        try {
            Snapshots.Snapshot next = snapshots.computeDraft(AUGUST, "test");
            assertThat(next.version()).isEqualTo(published.version() + 1);
            assertThat(figures(next, x).get("POLICE_ON_TIME")).isCloseTo(500.0 / 7, within(1e-9));
            assertThat(figures(published, x).get("POLICE_ON_TIME")).isCloseTo(400.0 / 7, within(1e-9));
            assertThat(snapshots.policeFigures(published.id(), x).get(1).onTime()).isEqualTo(1);
        } finally {
            jdbc.sql("update evaluation_police_target set onscene_seconds = 720 where priority = 2").update();
        }
    }

    @Test
    void incidentsWrittenWithoutAnEventAreTakenInFromDispatchsRecordsWhenAPeriodIsComputed() {
        // July 2023, used by no other test: two incidents written straight into dispatch's records as its demo writes
        // its week (no IncidentCleared), one cleared (priority 1, on scene in 400 s: on time), one cancelled
        String block = "PZ" + UUID.randomUUID().toString().substring(0, 8);
        Instant received = district(2023, 7, 20, 15, 0);
        incident(block + "-1", block, "CLEARED", received, received.plusSeconds(400));
        incident(block + "-2", block, "CANCELLED", received.plusSeconds(600), null);

        Period july = Period.parse("2023-07");
        Snapshots.Snapshot draft = snapshots.computeDraft(july, "test");
        assertThat(snapshots.scores(draft.id(), SubjectKind.POLICE_BLOCK)).filteredOn(s -> s.subjectKey().equals(block))
                .extracting(Snapshots.Score::score).containsExactly(100.0);
        assertThat(snapshots.policeFigures(draft.id(), block)).extracting(PoliceResponses.PriorityFigures::incidents)
                .containsExactly(1L);
        // computing again takes nothing in twice
        assertThat(police.settle(july)).isZero();
        assertThat(calculator.responseRows(july, block, 1, 0, 10)).extracting(Calculator.Row::reference)
                .containsExactly(block + "-1");
    }

    private void incident(String number, String block, String status, Instant received, Instant onScene) {
        jdbc.sql("""
                insert into dispatch_incident (number, line, incident_type, priority, status, summary, lat, lon,
                    block_code, taken_by, received_at, entered_at, first_dispatched_at, first_onscene_at, cleared_at)
                values (?, '110', 'VIOLENCE', 1, ?, '演示警情', 36.6, 117.0, ?, 'police-desk', ?, ?, ?, ?, ?)""")
                .params(number, status, block, java.sql.Timestamp.from(received), java.sql.Timestamp.from(received),
                        java.sql.Timestamp.from(received.plusSeconds(60)),
                        onScene == null ? null : java.sql.Timestamp.from(onScene),
                        onScene == null ? null : java.sql.Timestamp.from(onScene.plusSeconds(1800)))
                .update();
    }

    private void cleared(String block, int priority, Instant received, Integer onScene) {
        assertThat(police.record(event(block, priority, received, onScene))).isTrue();
    }

    private IncidentCleared event(String block, int priority, Instant received, Integer onScene) {
        return new IncidentCleared(block + "-" + (++seq), "110", IncidentType.OTHER, priority, block, received,
                received.plusSeconds(60), onScene == null ? null : received.plusSeconds(onScene), 1,
                received.plusSeconds(4000));
    }

    private Map<String, Double> figures(Snapshots.Snapshot s, String key) {
        return figures(s, SubjectKind.POLICE_BLOCK, key);
    }

    private List<Calculator.Row> rows(String key, String indicator, int term) {
        return rows(AUGUST, SubjectKind.POLICE_BLOCK, key, indicator, term);
    }
}
