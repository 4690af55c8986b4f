package cn.civicloop.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.civicloop.evaluation.Period;
import cn.civicloop.evaluation.SubjectKind;

/**
 * Every shipped indicator on a hand-made month (2026-03) of one department, each figure computed by hand in the
 * comments. Facts are written straight into the fact table (how events become facts is in CaseFactsTests).
 * Department and case numbers are fresh per test, so other tests' facts never count here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the context of the API tests
class IndicatorMonthTests {

    static final Period MARCH = Period.parse("2026-03");
    static final Map<String, Double> THREE_RATES = Map.of("RESPONSE", 0.1, "RESOLVED", 0.5, "SATISFIED", 0.4);

    @Autowired
    FactStore facts;
    @Autowired
    Calculator calculator;
    @Autowired
    Indicators indicators;
    @Autowired
    Scoring scoring;
    @Autowired
    Snapshots snapshots;
    @Autowired
    Workbooks workbooks;

    long dept;
    long centre;
    String prefix;
    final AtomicInteger seq = new AtomicInteger();

    @BeforeEach
    void month() {
        dept = 900_000_000L + (System.nanoTime() % 1_000_000);
        centre = dept + 1;
        prefix = "T" + UUID.randomUUID().toString().substring(0, 8);
        Instant mid = Instant.parse("2026-03-15T02:00:00Z");
        // RESPONSE, signing deadlines: 3 met + 1 missed in mid-March; 2026-02-28T16:30Z is 03-01 00:30 in Shanghai
        // (counts in March, met); 2026-03-31T16:30Z is 04-01 00:30 in Shanghai (April, not counted).
        // → 签收率 = 4 met / 5 due = 80 %
        add(Fact.RESPONSE, dept, mid, true, false, null);
        add(Fact.RESPONSE, dept, mid, true, false, null);
        add(Fact.RESPONSE, dept, mid, true, false, null);
        add(Fact.RESPONSE, dept, mid, false, false, null);
        add(Fact.RESPONSE, dept, Instant.parse("2026-02-28T16:30:00Z"), true, false, null);
        add(Fact.RESPONSE, dept, Instant.parse("2026-03-31T16:30:00Z"), false, false, null);
        // HANDLE, handling deadlines: met+replied, missed+replied late, missed+still open, met+replied
        // → 按期办结率 = 2 / 4 = 50 %; 办结率 = 3 replied / 4 = 75 %; 超期件数 = 2 missed
        add(Fact.HANDLE, dept, mid, true, false, "REPLIED");
        add(Fact.HANDLE, dept, mid, false, false, "REPLIED");
        add(Fact.HANDLE, dept, mid, false, false, null);
        add(Fact.HANDLE, dept, mid, true, false, "REPLIED");
        // FOLLOW_UP: resolved+satisfied ×2, resolved+basically, unresolved+dissatisfied, unresolved+basically
        // → 解决率 = 3 / 5 = 60 %; 满意率 = (2 + 0.9 × 2) / 5 = 3.8 / 5 = 76 %
        add(Fact.FOLLOW_UP, dept, mid, true, false, "SATISFIED");
        add(Fact.FOLLOW_UP, dept, mid, true, false, "SATISFIED");
        add(Fact.FOLLOW_UP, dept, mid, true, false, "BASICALLY_SATISFIED");
        add(Fact.FOLLOW_UP, dept, mid, false, false, "DISSATISFIED");
        add(Fact.FOLLOW_UP, dept, mid, false, false, "BASICALLY_SATISFIED");
        // DISPATCH: first kept, first returned, a later assignment kept, first changed by the centre
        // → 退单率 = 1 returned / 4 = 25 %; 准确派遣率 = 1 first kept / 3 first = 33.33 %
        add(Fact.DISPATCH, dept, mid, true, true, null);
        add(Fact.DISPATCH, dept, mid, false, true, "RETURNED");
        add(Fact.DISPATCH, dept, mid, true, false, null);
        add(Fact.DISPATCH, dept, mid, false, true, "CHANGED");
        // REPLY: 4 replies, 1 sent back → 返工率 = 1 / 4 = 25 %
        add(Fact.REPLY, dept, mid, true, false, "REWORKED");
        add(Fact.REPLY, dept, mid, false, false, null);
        add(Fact.REPLY, dept, mid, false, false, null);
        add(Fact.REPLY, dept, mid, false, false, null);
        // CLOSED: 2 closures, 1 came again → 重复投诉率 = 1 / 2 = 50 %
        add(Fact.CLOSED, dept, mid, true, false, "REPEATED");
        add(Fact.CLOSED, dept, mid, false, false, null);
        // SUPERVISED: 3 → 督办件数 = 3
        add(Fact.SUPERVISED, dept, mid, true, false, null);
        add(Fact.SUPERVISED, dept, mid, true, false, null);
        add(Fact.SUPERVISED, dept, mid, true, false, null);
        // INTAKE at the centre: 3 answered directly, 1 dispatched → 直接答复率 = 3 / 4 = 75 %
        add(Fact.INTAKE, centre, mid, true, false, null);
        add(Fact.INTAKE, centre, mid, true, false, null);
        add(Fact.INTAKE, centre, mid, true, false, null);
        add(Fact.INTAKE, centre, mid, false, false, null);
    }

    private String add(Fact fact, long department, Instant at, boolean hit, boolean first, String outcome) {
        String number = prefix + "-" + seq.incrementAndGet();
        facts.add(number + "/" + fact, number, fact, new FactStore.Subject(department, null, null, null), at, at, hit,
                first, outcome);
        return number;
    }

    private Calculator.Figures of(long department, Period period) {
        return calculator.compute(period, SubjectKind.DEPARTMENT, indicators.all()).stream()
                .filter(f -> f.subjectKey().equals(String.valueOf(department))).findFirst().orElse(null);
    }

    private double pct(Calculator.Figures f, String code) {
        return indicators.get(code).shown(f.values().get(code).raw());
    }

    @Test
    void everyIndicatorOfTheHandMadeMonth() {
        Calculator.Figures f = of(dept, MARCH);
        assertThat(pct(f, "RESPONSE")).isCloseTo(80.0, within(1e-9));
        assertThat(pct(f, "ON_TIME")).isCloseTo(50.0, within(1e-9));
        assertThat(pct(f, "DONE")).isCloseTo(75.0, within(1e-9));
        assertThat(pct(f, "OVERDUE")).isEqualTo(2.0);
        assertThat(pct(f, "RESOLVED")).isCloseTo(60.0, within(1e-9));
        assertThat(pct(f, "SATISFIED")).isCloseTo(76.0, within(1e-9));
        assertThat(pct(f, "RETURNED")).isCloseTo(25.0, within(1e-9));
        assertThat(pct(f, "ACCURATE")).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(pct(f, "REWORK")).isCloseTo(25.0, within(1e-9));
        assertThat(pct(f, "REPEAT")).isCloseTo(50.0, within(1e-9));
        assertThat(pct(f, "SUPERVISED")).isEqualTo(3.0);
        // the department answers nothing itself: no intake facts → no value ("—"), never 0 % or NaN
        assertThat(f.values().get("DIRECT").raw()).isNull();
        assertThat(pct(of(centre, MARCH), "DIRECT")).isCloseTo(75.0, within(1e-9));
        // the inputs are visible: 满意率's counts
        assertThat(f.values().get("SATISFIED").inputs()).containsEntry("count(FOLLOW_UP, satisfied)", 2L)
                .containsEntry("count(FOLLOW_UP, basic)", 2L).containsEntry("count(FOLLOW_UP)", 5L);
    }

    @Test
    void compositeScoreAndGrade() {
        // 0.1 × 80 + 0.5 × 60 + 0.4 × 76 = 8 + 30 + 30.4 = 68.4 → C (60 ≤ 68.4 < 75)
        Double score = scoring.score(of(dept, MARCH), indicators.all(), THREE_RATES);
        assertThat(score).isCloseTo(68.4, within(1e-9));
        assertThat(scoring.grade(score)).isEqualTo("C");
        // the centre has intake facts only: none of the three rates has a value → no score
        assertThat(scoring.score(of(centre, MARCH), indicators.all(), THREE_RATES)).isNull();
        assertThat(scoring.grade(null)).isNull();
        assertThat(List.of(scoring.grade(90.0), scoring.grade(89.99), scoring.grade(75.0), scoring.grade(60.0),
                scoring.grade(40.0), scoring.grade(39.99))).containsExactly("A", "B", "B", "C", "D", "E");
    }

    @Test
    void aPeriodCountsByDistrictDaysAndAnEmptyPeriodHasNoSubject() {
        // April holds only the fact of 04-01 00:30 Shanghai: 0 met of 1
        assertThat(pct(of(dept, Period.parse("2026-04")), "RESPONSE")).isEqualTo(0.0);
        // Q1 = January..March: the same as March here
        assertThat(pct(of(dept, Period.parse("2026-Q1")), "RESPONSE")).isCloseTo(80.0, within(1e-9));
        // the year 2026 holds all six: 4 met / 6 due
        assertThat(pct(of(dept, Period.parse("2026")), "RESPONSE")).isCloseTo(400.0 / 6, within(1e-9));
        // a range of one day, March 1st: the single met deadline of 00:30
        assertThat(pct(of(dept, Period.parse("2026-03-01..2026-03-01")), "RESPONSE")).isEqualTo(100.0);
        assertThat(of(dept, Period.parse("2026-05"))).isNull();
    }

    @Test
    void everyDrillDownListsExactlyTheFactsItsFigureCounts() {
        Calculator.Figures f = of(dept, MARCH);
        int checked = 0;
        for (Indicator indicator : indicators.all()) {
            if (!indicator.appliesTo(SubjectKind.DEPARTMENT)) {
                assertThat(f.values()).as("the road system's indicators are not a department's").doesNotContainKey(
                        indicator.code());
                continue;
            }
            List<String> terms = indicator.termKeys();
            for (int t = 0; t < terms.size(); t++) {
                long counted = f.values().get(indicator.code()).inputs().get(terms.get(t));
                List<Calculator.Row> rows = calculator.rows(MARCH, SubjectKind.DEPARTMENT, String.valueOf(dept),
                        indicator, t, 0, 1000);
                assertThat(rows).as(indicator.code() + " " + terms.get(t)).hasSize((int) counted);
                assertThat(rows).allMatch(r -> r.caseNumber().startsWith(prefix));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(23);
        // paging: two rows at a time, continuing after the last id, gives the same five signing deadlines
        List<Calculator.Row> first = calculator.rows(MARCH, SubjectKind.DEPARTMENT, String.valueOf(dept),
                indicators.get("RESPONSE"), 1, 0, 2);
        List<Calculator.Row> rest = calculator.rows(MARCH, SubjectKind.DEPARTMENT, String.valueOf(dept),
                indicators.get("RESPONSE"), 1, first.get(1).id(), 10);
        assertThat(first.size() + rest.size()).isEqualTo(5);
    }

    @Test
    void aPublishedPeriodIsAWorkbookWithOneSheetPerSubjectKindAndItsInputs() throws Exception {
        Period range = Period.parse("2026-03-02..2026-03-30"); // mid-March only: no other test's facts of that day
        snapshots.computeDraft(range, "test");
        Snapshots.Snapshot published = snapshots.publish(range, "test");
        byte[] bytes = workbooks.of(published, java.util.Locale.SIMPLIFIED_CHINESE,
                Map.of(SubjectKind.DEPARTMENT, "一级承办单位"), Map.of("subject", "考评对象"));
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            // one sheet per kind, and the police blocks' response times per priority beside their ranking
            assertThat(book.getNumberOfSheets()).isEqualTo(SubjectKind.values().length + 1);
            var sheet = book.getSheet("一级承办单位");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("考评对象");
            String name = "#" + dept; // an invented department has no name in the directory
            var row = java.util.stream.StreamSupport.stream(sheet.spliterator(), false)
                    .filter(r -> r.getRowNum() > 0 && name.equals(r.getCell(1).getStringCellValue())).findFirst()
                    .orElseThrow();
            // mid-March: 3 of 4 signing deadlines met (the 03-01 one is outside the range) → 75 %
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(75.0);
            assertThat(row.getCell(5).getStringCellValue()).contains("count(RESPONSE, hit)=3").contains("count(RESPONSE)=4");
            // composite: 0.1 × 75 + 0.5 × 60 + 0.4 × 76 = 7.5 + 30 + 30.4 = 67.9
            assertThat(row.getCell(2).getNumericCellValue()).isCloseTo(67.9, within(1e-9));
        }
    }
}
