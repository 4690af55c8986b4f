package cn.civicloop.roads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import cn.civicloop.roads.internal.BriefingWorkbook;
import cn.civicloop.roads.internal.Briefings;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.shared.DistrictTime;
import cn.civicloop.support.ApiTest;

/**
 * The weekly briefing on a hand-made week (2025-W10, 3–9 March 2025, which nothing else touches): exact counts
 * per area and chief, whistle response figures, and the same figures read back from the .xlsx file.
 */
class RoadBriefingTests extends ApiTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

    @Autowired
    org.springframework.context.MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RoadData data;

    @Autowired
    Briefings briefings;

    private static boolean seeded;

    @BeforeEach
    void handMadeWeek() {
        synchronized (RoadBriefingTests.class) {
            if (seeded) {
                return;
            }
            seeded = true;
        }
        // the week belongs to this test: a database kept from an earlier run (PostgreSQL) starts it afresh
        Timestamp from = Timestamp.from(at(-1, 0, 0));
        Timestamp to = Timestamp.from(at(8, 0, 0));
        jdbc.sql("delete from roads_issue_step where issue_id in (select id from roads_issue where reported_at >= ? and reported_at < ?)")
                .params(from, to).update();
        jdbc.sql("delete from roads_issue where reported_at >= ? and reported_at < ?").params(from, to).update();
        jdbc.sql("delete from roads_whistle_department where whistle_id in (select id from roads_whistle where blown_at >= ? and blown_at < ?)")
                .params(from, to).update();
        jdbc.sql("delete from roads_whistle where blown_at >= ? and blown_at < ?").params(from, to).update();
        Chief road3 = chief("road3");
        Chief road2 = chief("road2");
        Chief road1 = chief("road1");
        Chief road2b = chief("road2b");
        long a01 = data.areaIdByCode("A01").orElseThrow();
        long a02 = data.areaIdByCode("A02").orElseThrow();

        long fixed = issue(road3, a01, at(1, 9, 0), "FIXED", true);
        step(fixed, at(1, 9, 0), "FIXED", road3, null);
        long handed = issue(road3, a01, at(2, 10, 0), "HANDED_OVER", false);
        step(handed, at(2, 10, 0), "PASSED_UP", road3, road2);
        step(handed, at(2, 11, 0), "HANDED_OVER", road2, null);
        long late = issue(road3, a01, at(3, 8, 0), "PENDING", false);
        step(late, at(3, 8, 0), "PASSED_UP", road3, road2);
        step(late, at(3, 10, 1), "AUTO_ESCALATED", road2, road1);
        long lastWeek = issue(road3, a01, at(-1, 8, 0), "FIXED", true); // Sunday before: not this week
        step(lastWeek, at(-1, 8, 0), "FIXED", road3, null);
        long other = issue(road2b, a02, at(5, 15, 0), "FIXED", true);
        step(other, at(5, 15, 0), "FIXED", road2b, null);

        long w1 = whistle(a01, road2, at(2, 10, 0));
        responder(w1, departmentId("ZFJ"), at(2, 10, 5), at(2, 10, 20), 4);   // in time, 20 min
        responder(w1, departmentId("JTJ"), at(2, 10, 15), at(2, 10, 40), 2);  // both late, 40 min
        long w2 = whistle(a01, road2, at(4, 16, 0));
        responder(w2, departmentId("ZJJ"), null, null, null);                 // never came
    }

    @Test
    void figuresPerArea() {
        Briefings.Briefing b = briefings.week(MONDAY);
        assertThat(b.week()).isEqualTo("2025-W10");
        Briefings.AreaRow a01 = area(b, "A01");
        assertThat(a01.found()).isEqualTo(3);
        assertThat(a01.fixedOnSpot()).isEqualTo(1);
        assertThat(a01.escalated()).isEqualTo(2);
        assertThat(a01.handedOver()).isEqualTo(1);
        assertThat(a01.overdue()).isEqualTo(1);
        assertThat(a01.whistles()).isEqualTo(2);
        assertThat(a01.whistleRate()).isEqualTo(66.7);
        assertThat(a01.responders()).isEqualTo(3);
        assertThat(a01.ackInTimePercent()).isEqualTo(33.3);
        assertThat(a01.reportInTimePercent()).isEqualTo(33.3);
        assertThat(a01.meanMinutesToReport()).isEqualTo(30.0);
        assertThat(a01.meanRating()).isEqualTo(3.0);

        Briefings.AreaRow a02 = area(b, "A02");
        assertThat(a02.found()).isEqualTo(1);
        assertThat(a02.fixedOnSpot()).isEqualTo(1);
        assertThat(a02.whistles()).isZero();
        assertThat(a02.ackInTimePercent()).isNull();

        assertThat(b.total().found()).isEqualTo(4);
        assertThat(b.total().fixedOnSpot()).isEqualTo(2);
        assertThat(b.total().whistles()).isEqualTo(2);
        assertThat(b.areas()).hasSize(16);
    }

    @Test
    void figuresPerChief() {
        Briefings.Briefing b = briefings.week(MONDAY);
        Briefings.ChiefRow inspector = chiefRow(b, "I0001");
        assertThat(inspector.found()).isEqualTo(3);
        assertThat(inspector.fixedOnSpot()).isEqualTo(1);
        assertThat(inspector.escalated()).isEqualTo(2);
        assertThat(inspector.overdue()).isZero();
        Briefings.ChiefRow squadLeader = chiefRow(b, "L2-S01");
        assertThat(squadLeader.found()).isZero();
        assertThat(squadLeader.handedOver()).isEqualTo(1);
        assertThat(squadLeader.overdue()).isEqualTo(1);
        assertThat(squadLeader.whistles()).isEqualTo(2);
        assertThat(chiefRow(b, "L2-S04").fixedOnSpot()).isEqualTo(1);
        assertThat(b.chiefs()).hasSize(3);
    }

    @Test
    void theWorkbookHoldsTheSameFigures() throws Exception {
        byte[] xlsx = BriefingWorkbook.write(briefings.week(MONDAY),
                (key, args) -> messages.getMessage(key, args, java.util.Locale.SIMPLIFIED_CHINESE));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet areas = book.getSheetAt(0);
            Row a01 = areas.getRow(1);
            assertThat(a01.getCell(0).getStringCellValue()).isEqualTo("A01");
            assertThat(a01.getCell(2).getNumericCellValue()).isEqualTo(3);   // found
            assertThat(a01.getCell(3).getNumericCellValue()).isEqualTo(1);   // fixed on the spot
            assertThat(a01.getCell(4).getNumericCellValue()).isEqualTo(2);   // passed up
            assertThat(a01.getCell(6).getNumericCellValue()).isEqualTo(1);   // overdue
            assertThat(a01.getCell(7).getNumericCellValue()).isEqualTo(2);   // whistles
            assertThat(a01.getCell(12).getNumericCellValue()).isEqualTo(30.0);
            Row total = areas.getRow(17);
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(4);
            Sheet chiefs = book.getSheetAt(1);
            assertThat(chiefs.getRow(0).getCell(0).getStringCellValue()).isEqualTo("路长编码");
            assertThat(chiefs.getLastRowNum()).isEqualTo(3);
            assertThat(book.getSheetName(0)).isEqualTo("片区 2025-W10");
            assertThat(book.getSheetName(1)).isEqualTo("路长 2025-W10");
        }
    }

    @Test
    void theWorkbookIsInTheRequestersLanguage() throws Exception {
        byte[] xlsx = BriefingWorkbook.write(briefings.week(MONDAY),
                (key, args) -> messages.getMessage(key, args, java.util.Locale.ENGLISH));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetName(0)).isEqualTo("Areas 2025-W10");
            assertThat(book.getSheetName(1)).isEqualTo("Chiefs 2025-W10");
            Row header = book.getSheetAt(0).getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Area code");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Fixed on the spot");
            for (int i = 0; i < header.getLastCellNum(); i++) {
                assertThat(header.getCell(i).getStringCellValue()).doesNotContainPattern("\\p{IsHan}");
            }
            assertThat(book.getSheetAt(0).getRow(17).getCell(1).getStringCellValue()).isEqualTo("Total");
            Row chiefs = book.getSheetAt(1).getRow(0);
            for (int i = 0; i < chiefs.getLastCellNum(); i++) {
                assertThat(chiefs.getCell(i).getStringCellValue()).doesNotContainPattern("\\p{IsHan}");
            }
            assertThat(book.getSheetAt(0).getRow(1).getCell(2).getNumericCellValue()).as("the same figures")
                    .isEqualTo(3);
        }
    }

    @Test
    void theBriefingPageShowsTheWeekToLevelOneAndTwoOnly() {
        var page = api.get("/api/v1/roads/briefing?week=2025-W10", api.login("road1"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("total").get("found").asInt()).isEqualTo(4);
        assertThat(page.json().get("total").get("name").asString()).isEqualTo("合计");
        var english = api.get("/api/v1/roads/briefing?week=2025-W10", api.login("road1"),
                Map.of("Accept-Language", "en-US,en;q=0.9"));
        assertThat(english.json().get("total").get("name").asString()).isEqualTo("Total");
        assertThat(english.json().get("total").toString()).doesNotContainPattern("\\p{IsHan}");
        assertThat(api.get("/api/v1/roads/briefing?week=2025-W10", api.login("road3")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/roads/briefing?week=2025-W10", api.login("zfj")).status()).isEqualTo(403);
    }

    private Chief chief(String username) {
        return data.chiefByUsername(username).orElseThrow();
    }

    private static Instant at(int day, int hour, int minute) {
        return LocalDateTime.of(MONDAY.plusDays(day - 1), java.time.LocalTime.of(hour, minute))
                .atZone(DistrictTime.ZONE).toInstant();
    }

    private long issue(Chief reporter, long areaId, Instant at, String status, boolean fixed) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_issue (reporter_id, area_id, squad_id, title, description, reported_at, status, fixed_on_spot, hold_round)
                values (?, ?, ?, '通报测试', '通报测试', ?, ?, ?, 1)""")
                .params(reporter.id(), areaId, reporter.squadId(), Timestamp.from(at), status, fixed).update(keys, "id");
        return keys.getKey().longValue();
    }

    private void step(long issue, Instant at, String action, Chief from, Chief to) {
        jdbc.sql("insert into roads_issue_step (issue_id, happened_at, actor_name, action, from_chief_id, to_chief_id) values (?, ?, '测试', ?, ?, ?)")
                .params(issue, Timestamp.from(at), action, from.id(), to == null ? null : to.id()).update();
    }

    private long whistle(long areaId, Chief blower, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into roads_whistle (area_id, title, description, blower_staff_id, blower_chief_id, blower_name, blown_at,
                    ack_limit_min, report_limit_min, status) values (?, '通报测试', '通报测试', 0, ?, '测试', ?, 10, 30, 'OPEN')""")
                .params(areaId, blower.id(), Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    private void responder(long whistle, long department, Instant ack, Instant reported, Integer rating) {
        jdbc.sql("""
                insert into roads_whistle_department (whistle_id, department_id, department_name, acknowledged_at, reported_at, rating)
                values (?, ?, '部门', ?, ?, ?)""")
                .params(whistle, department, ack == null ? null : Timestamp.from(ack),
                        reported == null ? null : Timestamp.from(reported), rating).update();
    }

    private static Briefings.AreaRow area(Briefings.Briefing b, String code) {
        return b.areas().stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
    }

    private static Briefings.ChiefRow chiefRow(Briefings.Briefing b, String code) {
        return b.chiefs().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }
}
