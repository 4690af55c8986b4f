package cn.civicloop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseEscalated;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.CaseTransitioned;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.EscalationStep;
import cn.civicloop.cluster.ReferenceChanges;
import cn.civicloop.directory.Directory;
import cn.civicloop.dispatch.DispatchRecords;
import cn.civicloop.roads.RoadNames;
import cn.civicloop.shared.AuditTrail;
import cn.civicloop.support.OwnH2Database;

/**
 * The contract between {@code cases} and {@code evaluation}, with only the evaluation module (and {@code shared})
 * started: a signing published by cases becomes a response fact of the department that held the case, hit when it
 * came before the signing deadline the case's view shows; a handling clock that reached 100 % becomes a missed
 * handling fact at its deadline; an assignment becomes a dispatch fact of the department and unit the case's snapshot
 * names, without reading the whole case. The case is read through {@link CaseQueries}, which is mocked.
 */
@ApplicationModuleTest
@ContextConfiguration(initializers = CaseEventsScenarioTests.Database.class)
class CaseEventsScenarioTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant AT = Instant.parse("2026-03-02T02:00:00Z");
    private static final long DEPARTMENT = 42;
    private static final long UNIT = 43;

    @MockitoBean
    CaseQueries cases;

    @MockitoBean
    Directory directory;

    @MockitoBean
    ReferenceChanges referenceChanges;

    @MockitoBean
    AuditTrail audit;

    @MockitoBean
    RoadNames roadNames;

    @MockitoBean
    DispatchRecords dispatchRecords;

    /** A database of its own: the module starts without the other modules, so their rows must not be expected. */
    static class Database extends OwnH2Database {
        @Override
        protected String name() {
            return "civicloop-scenario-evaluation";
        }
    }

    private final JdbcClient jdbc;

    CaseEventsScenarioTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case as cases' read API shows it: held by the department, with the signing deadline given. */
    private String caseHeldWithSigningDue(Instant signDue) {
        String number = "SCN-E-" + UUID.randomUUID().toString().substring(0, 8);
        CaseView view = mock(CaseView.class);
        given(view.number()).willReturn(number);
        given(view.departmentId()).willReturn(DEPARTMENT);
        given(view.streetCode()).willReturn("370402001");
        given(view.gridCode()).willReturn("G-01");
        given(view.channel()).willReturn(Channel.HOTLINE_12345);
        given(view.clocks()).willReturn(List.of(new CaseView.ClockView(ClockStage.SIGN, "签收", 1,
                AT.minusSeconds(3600), signDue, 50.0, "GREEN", "RUNNING")));
        given(cases.view(eq(number), any())).willReturn(view);
        given(cases.snapshot(number)).willReturn(Optional.of(snapshot(number, CaseStatus.IN_PROGRESS)));
        return number;
    }

    /** The case's snapshot: held by the department and its unit. */
    private static AppealSnapshot snapshot(String number, CaseStatus status) {
        return new AppealSnapshot(number, status, Channel.HOTLINE_12345, "路灯不亮", "路灯不亮", null, null, "370402001",
                null, "G-01", DEPARTMENT, UNIT, AT.minusSeconds(7200));
    }

    @Test
    void anAssignmentIsADispatchFactOfTheDepartmentAndUnitTheSnapshotNames(Scenario scenario) {
        String number = "SCN-E-" + UUID.randomUUID().toString().substring(0, 8);
        given(cases.snapshot(number)).willReturn(Optional.of(snapshot(number, CaseStatus.ASSIGNED)));
        scenario.publish(new CaseTransitioned(number, CaseAction.ASSIGN, CaseStatus.REGISTERED, CaseStatus.ASSIGNED,
                DEPARTMENT, null, AT, Channel.HOTLINE_12345))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> facts(number), rows -> rows.size() == 2)
                .andVerify(rows -> {
                    assertThat(rows).extracting(r -> r.get("fact")).containsExactlyInAnyOrder("INTAKE", "DISPATCH");
                    Map<String, Object> dispatch = rows.stream().filter(r -> r.get("fact").equals("DISPATCH"))
                            .findFirst().orElseThrow();
                    assertThat(dispatch).containsEntry("department_id", DEPARTMENT).containsEntry("unit_id", UNIT)
                            .containsEntry("street_code", "370402001");
                    verify(cases, never()).view(eq(number), any());
                });
    }

    @Test
    void aSigningBeforeItsDeadlineIsARespondedFactOfTheHoldingDepartment(Scenario scenario) {
        String number = caseHeldWithSigningDue(AT.plusSeconds(3600));
        scenario.publish(new CaseTransitioned(number, CaseAction.SIGN, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS,
                DEPARTMENT, 5L, AT, Channel.HOTLINE_12345))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> facts(number), rows -> !rows.isEmpty())
                .andVerify(rows -> {
                    assertThat(rows).hasSize(1);
                    assertThat(rows.get(0)).containsEntry("fact", "RESPONSE").containsEntry("hit", true)
                            .containsEntry("department_id", DEPARTMENT).containsEntry("street_code", "370402001");
                });
    }

    @Test
    void aSigningAfterItsDeadlineIsAMissedResponse(Scenario scenario) {
        String number = caseHeldWithSigningDue(AT.minusSeconds(60));
        scenario.publish(new CaseTransitioned(number, CaseAction.SIGN, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS,
                DEPARTMENT, 5L, AT, Channel.HOTLINE_12345))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> facts(number), rows -> !rows.isEmpty())
                .andVerify(rows -> assertThat(rows.get(0)).containsEntry("fact", "RESPONSE")
                        .containsEntry("hit", false));
    }

    @Test
    void aHandlingClockAtItsLimitIsAMissedHandlingFactAtItsDeadline(Scenario scenario) {
        String number = caseHeldWithSigningDue(AT);
        Instant handleDue = AT.plusSeconds(86_400);
        scenario.publish(new CaseEscalated(number, ClockStage.HANDLE, 100, EscalationStep.SUPERVISE, DEPARTMENT,
                handleDue, handleDue.plusSeconds(5)))
                .andWaitAtMost(PATIENCE)
                .andWaitForStateChange(() -> facts(number), rows -> rows.size() == 2)
                .andVerify(rows -> {
                    assertThat(rows).extracting(r -> r.get("fact")).containsExactlyInAnyOrder("HANDLE", "SUPERVISED");
                    Map<String, Object> handle = rows.stream().filter(r -> r.get("fact").equals("HANDLE"))
                            .findFirst().orElseThrow();
                    assertThat(handle).containsEntry("hit", false).containsEntry("department_id", DEPARTMENT);
                    assertThat(handle.get("fact_day").toString()).isEqualTo("2026-03-03");
                });
    }

    private List<Map<String, Object>> facts(String number) {
        return jdbc.sql("""
                select fact, hit, department_id, unit_id, street_code, fact_day from evaluation_fact where case_number = ?
                order by id""").param(number).query().listOfRows();
    }
}
