package cn.civicloop.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.civicloop.dispatch.IncidentCleared;
import cn.civicloop.dispatch.IncidentType;
import cn.civicloop.evaluation.Period;
import cn.civicloop.evaluation.SubjectKind;

/**
 * The subject kinds beyond departments and places, on hand-made streams whose figures are computed by hand in the
 * comments: the 110 linked agencies as their own kind, and the police blocks' response times from dispatch's
 * {@link IncidentCleared} stamps. Keys are fresh per test, so other tests' rows never count here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT) // the context of the API tests
class SubjectKindsTests {

    static final Period MARCH = Period.parse("2026-03");

    @Autowired
    FactStore facts;
    @Autowired
    Calculator calculator;
    @Autowired
    Indicators indicators;
    @Autowired
    PoliceResponses police;

    @Test
    void linkedAgenciesAreScoredAmongThemselvesOnTheCasesThe110DeskHandedThem() {
        long department = 910_000_000L + (System.nanoTime() % 1_000_000);
        long agency = department + 1;
        String prefix = "L" + UUID.randomUUID().toString().substring(0, 8);
        Instant mid = Instant.parse("2026-03-15T02:00:00Z");
        // the agency, cases from the 110 desk: follow-ups resolved, resolved, unresolved
        fact(prefix + "-1", Fact.FOLLOW_UP, agency, mid, true, true);
        fact(prefix + "-2", Fact.FOLLOW_UP, agency, mid, true, true);
        fact(prefix + "-3", Fact.FOLLOW_UP, agency, mid, false, true);
        // the agency, an ordinary case: unresolved
        fact(prefix + "-4", Fact.FOLLOW_UP, agency, mid, false, false);
        // another department, an ordinary case: unresolved
        fact(prefix + "-5", Fact.FOLLOW_UP, department, mid, false, false);
        // → LINKAGE: the agency only, 解决率 = 2 / 3 = 66.67 %;
        //   DEPARTMENT: the agency on all its cases, 2 / 4 = 50 %, and the department, 0 / 1 = 0 %
        List<Indicator> all = indicators.all();
        Indicator resolved = all.stream().filter(i -> i.code().equals("RESOLVED")).findFirst().orElseThrow();

        List<Calculator.Figures> linkage = mine(calculator.compute(MARCH, SubjectKind.LINKAGE, all), department);
        List<Calculator.Figures> departments = mine(calculator.compute(MARCH, SubjectKind.DEPARTMENT, all),
                department);

        assertThat(keys(linkage)).containsExactly(String.valueOf(agency));
        assertThat(linkage.get(0).values().get("RESOLVED").raw()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(keys(departments)).containsExactlyInAnyOrder(String.valueOf(department), String.valueOf(agency));
        assertThat(departments.stream().filter(f -> f.subjectKey().equals(String.valueOf(agency))).findFirst()
                .orElseThrow().values().get("RESOLVED").raw()).isCloseTo(0.5, within(1e-9));
        // the drill-down follows the kind: count(FOLLOW_UP) lists 3 cases as a linked agency, 4 as a department
        assertThat(calculator.rows(MARCH, SubjectKind.LINKAGE, String.valueOf(agency), resolved, 1, 0, 50))
                .extracting(Calculator.Row::caseNumber).containsExactly(prefix + "-1", prefix + "-2", prefix + "-3");
        assertThat(calculator.rows(MARCH, SubjectKind.DEPARTMENT, String.valueOf(agency), resolved, 1, 0, 50))
                .hasSize(4);
        assertThat(calculator.rows(MARCH, SubjectKind.LINKAGE, String.valueOf(department), resolved, 1, 0, 50))
                .isEmpty();
        assertThat(calculator.rows(MARCH, SubjectKind.DEPARTMENT, "not-a-number", resolved, 1, 0, 50)).isEmpty();
    }

    @Test
    void policeBlocksGetMedianAndP90ResponseTimesPerPriority() {
        String block = "TB" + UUID.randomUUID().toString().substring(0, 8);
        Instant mid = Instant.parse("2026-03-15T02:00:00Z");
        // priority 1, five incidents: on scene after 300, 420, 600, 900, 1200 s; dispatched after 60, 90, 120, 30, 45 s
        // → on-scene median = 600 s; p90 at position 0.9 × (5 − 1) = 3.6 → 900 + 0.6 × (1200 − 900) = 1080 s;
        //   dispatch median = 60 s (sorted 30, 45, 60, 90, 120)
        cleared(block, 1, mid, 60, 300);
        cleared(block, 1, mid.plusSeconds(3600), 90, 420);
        cleared(block, 1, mid.plusSeconds(7200), 120, 600);
        cleared(block, 1, mid.plusSeconds(9000), 30, 900);
        cleared(block, 1, mid.plusSeconds(9900), 45, 1200);
        // priority 2: a call at 2026-02-28T16:30Z is 03-01 00:30 in Shanghai (March): dispatched 100 s, on scene
        // 1500 s; a call in March cancelled on the way: dispatched 200 s, never on scene; a call at
        // 2026-03-31T16:30Z is 04-01 in Shanghai (April, not counted)
        // → 2 incidents, 1 on scene; dispatch median = (100 + 200) / 2 = 150 s; on-scene median = p90 = 1500 s
        cleared(block, 2, Instant.parse("2026-02-28T16:30:00Z"), 100, 1500);
        cleared(block, 2, mid, 200, null);
        cleared(block, 2, Instant.parse("2026-03-31T16:30:00Z"), 10, 20);

        List<PoliceResponses.BlockFigures> mine = police.figures(MARCH).stream()
                .filter(f -> block.equals(f.blockCode())).toList();

        assertThat(mine).containsExactly(
                new PoliceResponses.BlockFigures(block, 1, 5, 5, 60.0, 600.0, 1080.0),
                new PoliceResponses.BlockFigures(block, 2, 2, 1, 150.0, 1500.0, 1500.0));
        // April holds the one call of 04-01
        assertThat(police.figures(Period.parse("2026-04")).stream().filter(f -> block.equals(f.blockCode())))
                .extracting(PoliceResponses.BlockFigures::incidents).containsExactly(1L);
    }

    @Test
    void aRedeliveredIncidentIsCountedOnce() {
        String block = "TB" + UUID.randomUUID().toString().substring(0, 8);
        IncidentCleared event = event(block + "-1", block, 1, Instant.parse("2026-03-10T02:00:00Z"), 50, 400);

        assertThat(police.record(event)).isTrue();
        assertThat(police.record(event)).isFalse();
        assertThat(police.figures(MARCH).stream().filter(f -> block.equals(f.blockCode())))
                .extracting(PoliceResponses.BlockFigures::incidents).containsExactly(1L);
    }

    private int seq;

    private void cleared(String block, int priority, Instant received, Integer dispatch, Integer onScene) {
        police.record(event(block + "-" + (++seq), block, priority, received, dispatch, onScene));
    }

    private static IncidentCleared event(String number, String block, int priority, Instant received,
            Integer dispatch, Integer onScene) {
        return new IncidentCleared(number, "110", IncidentType.OTHER, priority, block, received,
                dispatch == null ? null : received.plusSeconds(dispatch),
                onScene == null ? null : received.plusSeconds(onScene), 1, received.plusSeconds(3000));
    }

    private void fact(String number, Fact fact, long department, Instant at, boolean hit, boolean linkage) {
        facts.add(number + "/" + fact, number, fact, new FactStore.Subject(department, null, null, null, linkage), at,
                at, hit, false, null);
    }

    /** This test's two departments only. */
    private static List<Calculator.Figures> mine(List<Calculator.Figures> figures, long department) {
        return figures.stream().filter(f -> f.subjectKey().equals(String.valueOf(department))
                || f.subjectKey().equals(String.valueOf(department + 1))).toList();
    }

    private static List<String> keys(List<Calculator.Figures> figures) {
        return figures.stream().map(Calculator.Figures::subjectKey).toList();
    }
}
