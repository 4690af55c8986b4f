package cn.civicloop.cases.internal.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseQueries;
import cn.civicloop.cases.CaseView;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.OpenedCase;
import cn.civicloop.cases.TimelineEntry;
import cn.civicloop.cases.Urgency;
import cn.civicloop.directory.Actor;
import cn.civicloop.intake.AppealForm;
import cn.civicloop.intake.AppealIntake;
import cn.civicloop.support.MutableClock;
import cn.civicloop.support.Node;

/**
 * The escalation ladder driven by a clock the test moves: an urgent case (24 natural hours to handle) passes
 * 80 %, 100 % and 200 % of its limit, and each rung fires exactly once — with one node, with two nodes on one
 * database, and after a restart during which a rung fell due. The nodes run on a database of this class's own, so
 * moving the clock fires no other class's timers. "Once" is read after the positive signal that the case has no
 * escalation timer left: nothing can fire again.
 */
class EscalationLadderTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String[] DATABASE = Node.ownDatabase("escalation_ladder");

    @Test
    void eachRungFiresOnceAsTheClockPassesIt() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (Node node = Node.start("ladder", clock, DATABASE)) {
            String number = openUrgentCase(node);
            assertThat(count(node, number, CaseAction.REMIND)).isZero();
            assertThat(timers(node, number)).as("one timer per clock, for its next rung").isEqualTo(1);

            clock.advance(Duration.ofMinutes(60 * 19 + 15)); // 80 % of 24 h is 19 h 12 min
            Node.await(WAIT, "reminder at 80 %", () -> count(node, number, CaseAction.REMIND) == 1);
            Node.await(WAIT, "the fired timer replaced by the next rung's", () -> timers(node, number) == 1);
            CaseView view = node.bean(CaseQueries.class).view(number, Actor.system());
            assertThat(handleClock(view).light()).isEqualTo("YELLOW");

            clock.advance(Duration.ofHours(5)); // past 100 %
            Node.await(WAIT, "supervision at 100 %", () -> count(node, number, CaseAction.SUPERVISE) == 1);
            view = node.bean(CaseQueries.class).view(number, Actor.system());
            assertThat(handleClock(view).light()).isEqualTo("RED");

            clock.advance(Duration.ofHours(24)); // past 200 %
            Node.await(WAIT, "circular at 200 %", () -> count(node, number, CaseAction.CIRCULATE) == 1);

            Node.await(WAIT, "no escalation timer left after the last rung", () -> timers(node, number) == 0);
            assertThat(fired(node, number)).as("rows of fired rungs").isEqualTo(3);
            assertThat(count(node, number, CaseAction.REMIND)).isEqualTo(1);
            assertThat(count(node, number, CaseAction.SUPERVISE)).isEqualTo(1);
            assertThat(count(node, number, CaseAction.CIRCULATE)).isEqualTo(1);
        }
    }

    @Test
    void twoNodesOnOneDatabaseFireEveryRungOnce() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<Node> nodes = Node.startAll(clock, DATABASE, "node-a", "node-b");
        try {
            List<String> numbers = java.util.stream.IntStream.range(0, 6)
                    .mapToObj(i -> openUrgentCase(nodes.get(i % 2))).toList();
            clock.advance(Duration.ofHours(49));
            for (String number : numbers) {
                Node.await(WAIT, "all rungs of " + number, () -> count(nodes.get(0), number, CaseAction.CIRCULATE) == 1);
            }
            for (String number : numbers) {
                Node.await(WAIT, "no escalation timer left for " + number, () -> timers(nodes.get(0), number) == 0);
            }
            for (String number : numbers) {
                Map<CaseAction, Long> fired = escalations(nodes.get(1), number);
                assertThat(fired).as(number).containsExactlyInAnyOrderEntriesOf(Map.of(
                        CaseAction.REMIND, 1L, CaseAction.SUPERVISE, 1L, CaseAction.CIRCULATE, 1L));
            }
        } finally {
            nodes.forEach(Node::close);
        }
    }

    @Test
    void aRungThatFellDueDuringDowntimeFiresAfterRestart() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String number;
        try (Node before = Node.start("before-restart", clock, DATABASE)) {
            number = openUrgentCase(before);
        }
        clock.advance(Duration.ofHours(30)); // 80 % and 100 % fall due while no node runs
        try (Node after = Node.start("after-restart", clock, DATABASE)) {
            Node.await(WAIT, "rungs due during downtime", () -> count(after, number, CaseAction.SUPERVISE) == 1);
            assertThat(count(after, number, CaseAction.REMIND)).isEqualTo(1);
            assertThat(count(after, number, CaseAction.CIRCULATE)).isZero();
            List<CaseAction> order = after.bean(CaseQueries.class).timeline(number, Actor.system()).stream()
                    .map(TimelineEntry::action).filter(a -> a == CaseAction.REMIND || a == CaseAction.SUPERVISE)
                    .toList();
            assertThat(order).as("caught up in the ladder's order").containsExactly(CaseAction.REMIND,
                    CaseAction.SUPERVISE);
            // the caught-up timer's row goes when its run completes, after the rows it wrote: wait for it
            Node.await(WAIT, "only the 200 % rung's timer waiting", () -> timers(after, number) == 1);
            assertThat(after.bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                    select task_instance from scheduled_tasks where task_name = 'case-escalation' and task_instance
                    like (select cast(id as varchar(20)) from cases_case where number = ?) || ':%'""")
                    .param(number).query(String.class).single()).endsWith(":200");
        }
    }

    private static String openUrgentCase(Node node) {
        AppealForm form = new AppealForm(Channel.HOTLINE_12345, "SLA-" + UUID.randomUUID(), AppealKind.HELP,
                Urgency.URGENT, null, "燃气泄漏", "楼道里有燃气味", null, "龙山路", null, false);
        // the hotline is the operators' channel; the application itself opens it here, unregistered
        OpenedCase opened = node.bean(AppealIntake.class).submit(form, List.of(), Actor.system());
        return opened.number();
    }

    /** Escalation timers of the case waiting in db-scheduler's table (instance ids start with the case id). */
    private static long timers(Node node, String number) {
        return node.bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                select count(*) from scheduled_tasks where task_name = 'case-escalation' and task_instance like
                (select cast(id as varchar(20)) from cases_case where number = ?) || ':%'""")
                .param(number).query(Long.class).single();
    }

    private static CaseView.ClockView handleClock(CaseView view) {
        return view.clocks().stream().filter(c -> c.stage() == cn.civicloop.cases.ClockStage.HANDLE).findFirst()
                .orElseThrow();
    }

    private static long count(Node node, String number, CaseAction action) {
        return node.bean(CaseQueries.class).timeline(number, Actor.system()).stream()
                .filter(e -> e.action() == action).count();
    }

    private static Map<CaseAction, Long> escalations(Node node, String number) {
        return node.bean(CaseQueries.class).timeline(number, Actor.system()).stream()
                .map(TimelineEntry::action)
                .filter(a -> a == CaseAction.REMIND || a == CaseAction.SUPERVISE || a == CaseAction.CIRCULATE)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static long fired(Node node, String number) {
        return node.bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                select count(*) from cases_escalation_fired where case_id = (select id from cases_case where number = ?)""")
                .param(number).query(Long.class).single();
    }
}
