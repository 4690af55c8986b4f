package cn.civicloop.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.civicloop.evaluation.Period;
import cn.civicloop.evaluation.SubjectKind;
import cn.civicloop.roads.ChiefAnswerSettled;
import cn.civicloop.roads.WhistleBlown;
import cn.civicloop.roads.WhistleRated;
import cn.civicloop.roads.WhistleResponded;
import cn.civicloop.shared.InvalidInputException;

/**
 * Road areas and road chiefs as subject kinds of a computed and published version: their indicators, composite
 * score, grade and rank on a hand-made month (February 2024, used by no other test), the drill-down matching every
 * count, the Excel sheet, weights refused, and a published version unchanged by a later correction.
 */
class RoadSubjectsTests extends SubjectVersionTest {

    static final Period FEBRUARY = Period.parse("2024-02");

    @Autowired
    RoadResponses roads;

    @Autowired
    Weights weights;

    @Test
    void roadAreasAndChiefsAreScoredRankedDrilledAndExportedInAPublishedVersion() throws Exception {
        String x = "X" + UUID.randomUUID().toString().substring(0, 8);
        String y = "Y" + UUID.randomUUID().toString().substring(0, 8);
        long base = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        long zfj = departmentId("ZFJ");
        long jtj = departmentId("JTJ");
        Instant t = district(2024, 2, 5, 10, 0);
        Instant t2 = t.plusSeconds(86_400);

        // area X, whistle 1 (limits: acknowledge 10 min, on site 30 min): ZFJ at 5 and 20 min, rated 5;
        // JTJ late on both (15 and 40 min), rated 3
        roads.blown(new WhistleBlown(base, x, null, List.of("ZFJ", "JTJ"), 2, t.plusSeconds(600), t.plusSeconds(1800), t));
        roads.responded(new WhistleResponded(base, zfj, false, t.plusSeconds(300)));
        roads.responded(new WhistleResponded(base, zfj, true, t.plusSeconds(1200)));
        roads.responded(new WhistleResponded(base, jtj, false, t.plusSeconds(900)));
        roads.responded(new WhistleResponded(base, jtj, true, t.plusSeconds(2400)));
        roads.rated(new WhistleRated(base, zfj, 5, t.plusSeconds(7200)));
        roads.rated(new WhistleRated(base, jtj, 3, t.plusSeconds(7200)));
        // area X, whistle 2: JTJ never answers (no event: its limits passed long ago, written when computed)
        roads.blown(new WhistleBlown(base + 1, x, null, List.of("JTJ"), 2, t2.plusSeconds(600), t2.plusSeconds(1800), t2));
        // chiefs' rounds (limit 2 h): chief A in time on issue 1, misses round 1 of issue 2; chief B answers its
        // round 2 in time (area X) and one round of area Y in time
        long chiefA = base;
        long chiefB = base + 1;
        roads.record(settled(base, 1, chiefA, x, t, t.plusSeconds(60)));
        roads.record(settled(base + 1, 1, chiefA, x, t, null));
        roads.record(settled(base + 1, 2, chiefB, x, t.plusSeconds(7200), t.plusSeconds(7300)));
        roads.record(settled(base + 2, 1, chiefB, y, t2, t2.plusSeconds(100)));

        Snapshots.Snapshot draft = snapshots.computeDraft(FEBRUARY, "test");
        Map<String, Double> xFigures = figures(draft, SubjectKind.ROAD_AREA, x);
        // acknowledged in time: ZFJ of {ZFJ, JTJ on 1, JTJ on 2} = 1/3; on site likewise 1/3
        assertThat(xFigures.get("WHISTLE_ACK")).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(xFigures.get("WHISTLE_SITE")).isCloseTo(100.0 / 3, within(1e-9));
        // ratings 5 and 3 → (1 + 0.5) / 2 = 75 % ((mean − 1) / 4 = (4 − 1) / 4)
        assertThat(xFigures.get("WHISTLE_RATE")).isCloseTo(75.0, within(1e-9));
        // rounds answered in time: A's first, B's; not A's missed one → 2/3
        assertThat(xFigures.get("ROAD_ANSWER")).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(xFigures).as("the cases' indicators are not figured for road areas").doesNotContainKey("RESPONSE");
        // composite (0.4 answer, 0.2 acknowledged, 0.2 on site, 0.2 rating):
        // 0.4 × 66.667 + 0.2 × 33.333 + 0.2 × 33.333 + 0.2 × 75 = 26.667 + 6.667 + 6.667 + 15 = 55.00 → D
        // area Y: only its round, 100 % (the other weights scaled away) → 100.00, A, ranked first
        List<Snapshots.Score> areas = snapshots.scores(draft.id(), SubjectKind.ROAD_AREA);
        assertThat(areas).extracting(Snapshots.Score::subjectKey).containsExactly(y, x);
        assertThat(areas.get(0).score()).isEqualTo(100.0);
        assertThat(areas.get(0).grade()).isEqualTo("A");
        assertThat(areas.get(1).score()).isEqualTo(55.0);
        assertThat(areas.get(1).grade()).isEqualTo("D");
        assertThat(areas.get(1).rank()).isEqualTo(2);
        // chiefs: B 2 of 2 → 100, A; A 1 of 2 → 50, D
        List<Snapshots.Score> chiefs = snapshots.scores(draft.id(), SubjectKind.ROAD_CHIEF);
        assertThat(chiefs).extracting(Snapshots.Score::subjectKey)
                .containsExactly(String.valueOf(chiefB), String.valueOf(chiefA));
        assertThat(chiefs).extracting(Snapshots.Score::score).containsExactly(100.0, 50.0);
        assertThat(chiefs).extracting(Snapshots.Score::grade).containsExactly("A", "D");
        assertThat(snapshots.scores(draft.id(), SubjectKind.DEPARTMENT)).as("road facts are no department's")
                .isEmpty();

        // every count's drill-down lists as many facts as the count
        assertThat(rows(SubjectKind.ROAD_AREA, x, "WHISTLE_ACK", 0)).hasSize(1);
        assertThat(rows(SubjectKind.ROAD_AREA, x, "WHISTLE_ACK", 1)).hasSize(3)
                .allMatch(r -> r.caseNumber() == null && r.road());
        assertThat(rows(SubjectKind.ROAD_AREA, x, "WHISTLE_RATE", 0)).hasSize(1);
        assertThat(rows(SubjectKind.ROAD_AREA, x, "WHISTLE_RATE", 2)).hasSize(1);
        assertThat(rows(SubjectKind.ROAD_AREA, x, "WHISTLE_RATE", 4)).hasSize(2);
        assertThat(rows(SubjectKind.ROAD_CHIEF, String.valueOf(chiefA), "ROAD_ANSWER", 0)).hasSize(1);
        assertThat(rows(SubjectKind.ROAD_CHIEF, String.valueOf(chiefA), "ROAD_ANSWER", 1)).hasSize(2)
                .extracting(Calculator.Row::reference)
                .containsExactlyInAnyOrder(base + "/1", (base + 1) + "/1");

        Snapshots.Snapshot published = snapshots.publish(FEBRUARY, "test");
        byte[] bytes = workbooks.of(published, Locale.SIMPLIFIED_CHINESE, Map.of(SubjectKind.ROAD_AREA, "路段片区"),
                Map.of());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheet("路段片区");
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("路长按时签收率 (%)");
            Row row = sheetRow(sheet, 1, "#" + x);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(2.0);
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(55.0);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(66.67);
            assertThat(row.getCell(5).getStringCellValue()).contains("count(ROAD_ANSWER, hit)=2", "count(ROAD_ANSWER)=3");
            assertThat((int) row.getLastCellNum()).as("four road indicators, figure and inputs each").isEqualTo(12);
        }

        // JTJ's acknowledgement of whistle 2 in time (5 min), delivered late: the next version counts it, the
        // published one stays as it was
        roads.responded(new WhistleResponded(base + 1, jtj, false, t2.plusSeconds(300)));
        Snapshots.Snapshot next = snapshots.computeDraft(FEBRUARY, "test");
        assertThat(next.version()).isEqualTo(published.version() + 1);
        assertThat(figures(next, SubjectKind.ROAD_AREA, x).get("WHISTLE_ACK")).isCloseTo(200.0 / 3, within(1e-9));
        assertThat(figures(published, SubjectKind.ROAD_AREA, x).get("WHISTLE_ACK")).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(snapshots.scores(published.id(), SubjectKind.ROAD_AREA).get(1).score()).isEqualTo(55.0);
    }

    @Test
    void roadWeightsMustSumToOneAndWeightOnlyTheKindsOwnIndicators() {
        assertThatThrownBy(() -> weights.set(SubjectKind.ROAD_CHIEF, Map.of("RESPONSE", BigDecimal.ONE), "试", "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("RESPONSE");
        assertThatThrownBy(() -> weights.set(SubjectKind.ROAD_AREA, Map.of("ROAD_ANSWER", new BigDecimal("0.5"),
                "WHISTLE_ACK", new BigDecimal("0.4")), "试", "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("0.9");
        assertThat(weights.of(SubjectKind.ROAD_AREA)).containsEntry("ROAD_ANSWER", 0.4).hasSize(4);
        assertThat(weights.of(SubjectKind.ROAD_CHIEF)).containsExactly(Map.entry("ROAD_ANSWER", 1.0));
    }

    private List<Calculator.Row> rows(SubjectKind kind, String key, String indicator, int term) {
        return rows(FEBRUARY, kind, key, indicator, term);
    }

    private static ChiefAnswerSettled settled(long issue, int round, long chief, String area, Instant since,
            Instant answered) {
        return new ChiefAnswerSettled(issue, round, chief, 3, area, since, since.plusSeconds(7200), answered);
    }
}
