package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.StepRemark;
import cn.civicloop.cases.Urgency;
import cn.civicloop.cases.internal.sla.ClockState;
import cn.civicloop.cases.internal.sla.Clocks;
import cn.civicloop.cases.internal.sla.EscalationDue;
import cn.civicloop.directory.Actor;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.support.Api;
import cn.civicloop.support.MutableClock;
import cn.civicloop.support.Node;

/**
 * The safeguards of a firing escalation timer, and the ladder while a case is parked, extended or reworked with the
 * test clock moving. One node on a database of its own: no other class's timers fire when the clock moves. An
 * urgent case has 24 natural hours to handle it: 80 % is 19 h 12 min.
 */
class EscalationFiringTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static MutableClock clock;
    private static Node node;
    private static Api api;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        node = Node.start("escalation-firing", clock, Node.ownDatabase("escalation_firing"));
        api = new Api(node.port());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aRungFiresOnceHoweverOftenItsTimerRuns() {
        String number = openUrgentCase();
        ClockState handle = handleClock(number);
        EscalationDue due = new EscalationDue(handle.caseId(), "HANDLE", handle.round(), handle.generation(), 80);
        firing().fire(due);
        firing().fire(due);
        assertThat(count(number, CaseAction.REMIND)).as("the second run is stopped by the fired rung").isEqualTo(1);
        assertThat(firedRows(handle.caseId())).isEqualTo(1);
    }

    @Test
    void aTimerOfAnOutdatedPlanDoesNothing() {
        String number = openUrgentCase();
        ClockState handle = handleClock(number);
        assertThat(handle.round()).isEqualTo(1);
        assertThat(handle.generation()).isEqualTo(1);
        firing().fire(new EscalationDue(handle.caseId(), "HANDLE", 2, handle.generation(), 80));
        assertThat(count(number, CaseAction.REMIND)).as("another round").isZero();
        firing().fire(new EscalationDue(handle.caseId(), "HANDLE", handle.round(), 2, 80));
        assertThat(count(number, CaseAction.REMIND)).as("another generation").isZero();
        firing().fire(new EscalationDue(handle.caseId(), "SIGN", handle.round(), handle.generation(), 80));
        assertThat(count(number, CaseAction.REMIND)).as("a clock the case does not run").isZero();
        assertThat(firedRows(handle.caseId())).isZero();
        firing().fire(new EscalationDue(handle.caseId(), "HANDLE", handle.round(), handle.generation(), 80));
        assertThat(count(number, CaseAction.REMIND)).as("the current plan fires").isEqualTo(1);
    }

    @Test
    void aParkedCaseDoesNotEscalateWhileTheClockMovesAndResumesWhereItStopped() {
        String number = inProgressCase();
        Instant opened = handleClock(number).startedAt();
        clock.advance(Duration.ofHours(10));
        act("dispatcher", number, "park", Map.of("reason", "已列入明年改造计划"), "PARKED");
        ClockState parked = handleClock(number);
        firing().fire(new EscalationDue(parked.caseId(), "HANDLE", parked.round(), parked.generation(), 80));
        assertThat(count(number, CaseAction.REMIND)).as("a paused clock's own timer does nothing").isZero();

        clock.advance(Duration.ofHours(30)); // 40 h after opening: past 100 % had the clock run on
        Node.await(WAIT, "the 80 % timer planned before parking has run", () -> timers(number).isEmpty());
        assertThat(count(number, CaseAction.REMIND)).isZero();
        assertThat(count(number, CaseAction.SUPERVISE)).isZero();
        assertThat(handleClock(number).pausedAt()).isNotNull();

        Instant resumed = clock.instant();
        act("dispatcher", number, "resume", Map.of(), "IN_PROGRESS");
        assertThat(resumed).isEqualTo(opened.plus(Duration.ofHours(40)));
        assertThat(timers(number)).as("10 h used: 80 % is 9 h 12 min away")
                .containsExactly(resumed.plus(Duration.ofMinutes(9 * 60 + 12)));
        assertThat(handleClock(number).dueAt()).as("the deadline moved by the 30 h parked")
                .isEqualTo(opened.plus(Duration.ofHours(24 + 30)));

        clock.advance(Duration.ofMinutes(9 * 60 + 13));
        Node.await(WAIT, "reminder at 80 % of the time not parked", () -> count(number, CaseAction.REMIND) == 1);
        Node.await(WAIT, "the 100 % timer planned", () -> timers(number).size() == 1);
        assertThat(timers(number)).containsExactly(resumed.plus(Duration.ofHours(14)));
        assertThat(count(number, CaseAction.SUPERVISE)).isZero();
    }

    @Test
    void anExtensionOutdatesTheTimerOfTheOldDeadline() {
        String number = inProgressCase();
        ClockState before = handleClock(number);
        Instant oldReminder = before.startedAt().plus(Duration.ofMinutes(19 * 60 + 12));
        assertThat(timers(number)).containsExactly(oldReminder);
        act("zfj", number, "request-extension", Map.of("workingDays", 2, "reason", "需履行法定告知程序"),
                "EXTENSION_REQUESTED");
        act("dispatcher", number, "approve-extension", Map.of(), "IN_PROGRESS");
        ClockState extended = handleClock(number);
        assertThat(extended.budgetSeconds()).isGreaterThan(before.budgetSeconds());
        Instant newReminder = extended.startedAt().plusSeconds(Math.round(extended.budgetSeconds() * 80 / 100.0));
        assertThat(timers(number)).as("the old plan's timer stays until it runs; the new one is later")
                .containsExactly(oldReminder, newReminder);

        clock.set(oldReminder.plusSeconds(60));
        Node.await(WAIT, "the old plan's timer has run", () -> !timers(number).contains(oldReminder));
        assertThat(count(number, CaseAction.REMIND)).as("the old deadline's 80 % is not the new one's").isZero();

        clock.set(newReminder.plusSeconds(60));
        Node.await(WAIT, "reminder at 80 % of the extended limit", () -> count(number, CaseAction.REMIND) == 1);
    }

    @Test
    void aReworkedCaseClimbsTheLadderAgainInANewRound() {
        String number = inProgressCase();
        Instant reminder = timers(number).get(0);
        clock.set(reminder.plusSeconds(60));
        Node.await(WAIT, "reminder of the first round", () -> count(number, CaseAction.REMIND) == 1);

        act("zfj", number, "reply", Map.of("text", "已处理完毕"), "REPLIED");
        act("officer", number, "approve", Map.of(), "AWAITING_FOLLOW_UP");
        act("officer", number, "rework", Map.of("reason", "群众反映问题仍未解决"), "IN_PROGRESS");
        ClockState rework = handleClock(number);
        assertThat(rework.round()).isEqualTo(2);
        Instant second = timerOfRound(number, 2);
        assertThat(second).isAfter(clock.instant());

        clock.set(second.plusSeconds(60));
        Node.await(WAIT, "reminder of the second round", () -> count(number, CaseAction.REMIND) == 2);
        assertThat(count(number, CaseAction.SUPERVISE)).isZero();
    }

    /** A case action through the API; the tokens are fetched afresh, since moving the clock expires them. */
    private static void act(String user, String number, String action, Map<String, Object> body, String status) {
        api.forgetOwnTokens();
        api.ok(user, number, action, body, status);
    }

    private static EscalationFiring firing() {
        return node.bean(EscalationFiring.class);
    }

    private static String openUrgentCase() {
        AppealForm form = new AppealForm(Channel.HOTLINE_12345, "SLA-" + UUID.randomUUID(), AppealKind.HELP,
                Urgency.URGENT, null, "燃气泄漏", "楼道里有燃气味", null, "龙山路", null, false);
        return node.bean(AppealIntake.class).submit(form, List.of(), Actor.system()).number();
    }

    /** An urgent case the enforcement bureau has signed: IN_PROGRESS, its handling clock running. */
    private static String inProgressCase() {
        String number = openUrgentCase();
        act("operator", number, "register", Map.of(), "REGISTERED");
        long zfj = api.departmentId("ZFJ");
        act("dispatcher", number, "assign", Map.of("departmentId", zfj), "ASSIGNED");
        act("zfj", number, "sign", Map.of(), "IN_PROGRESS");
        act("zfj", number, "contact", Map.of("note", "已电话联系群众"), "IN_PROGRESS"); // stops the contact clock
        return number;
    }

    private static ClockState handleClock(String number) {
        long id = node.bean(Cases.class).byNumber(number).orElseThrow().id;
        return node.bean(Clocks.class).find(id, ClockStage.HANDLE).orElseThrow();
    }

    /** When the waiting escalation timers of the case's handling clock are due, earliest first. */
    private static List<Instant> timers(String number) {
        return node.bean(JdbcClient.class).sql("""
                select execution_time from scheduled_tasks where task_name = 'case-escalation' and task_instance like
                (select cast(id as varchar(20)) from cases_case where number = ?) || ':HANDLE:%'
                order by execution_time""")
                .param(number).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    /** The handling clock's timer of {@code round}, when it is due. */
    private static Instant timerOfRound(String number, int round) {
        return node.bean(JdbcClient.class).sql("""
                select execution_time from scheduled_tasks where task_name = 'case-escalation' and task_instance like
                (select cast(id as varchar(20)) from cases_case where number = ?) || ':HANDLE:' || ? || ':%'""")
                .params(number, round).query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
    }

    private static long firedRows(long caseId) {
        return node.bean(JdbcClient.class).sql("select count(*) from cases_escalation_fired where case_id = ?")
                .param(caseId).query(Long.class).single();
    }

    /** Escalations of the handling clock on the case's timeline (the contact clock has a rung of its own). */
    private static long count(String number, CaseAction action) {
        return node.bean(CaseQueries.class).timeline(number, Actor.system()).stream()
                .filter(e -> e.action() == action && StepRemark.parse(action, e.reason())
                        .filter(r -> r.value(0).equals(ClockStage.HANDLE.name())).isPresent())
                .count();
    }
}
