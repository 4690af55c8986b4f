package cn.civicloop.roads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Directory;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.issues.IssueReader;
import cn.civicloop.roads.internal.issues.IssueReport;
import cn.civicloop.roads.internal.issues.IssueView;
import cn.civicloop.roads.internal.issues.IssueWorkflow;
import cn.civicloop.roads.internal.whistles.WhistleForm;
import cn.civicloop.roads.internal.whistles.WhistleReader;
import cn.civicloop.roads.internal.whistles.WhistleView;
import cn.civicloop.roads.internal.whistles.WhistleWorkflow;
import cn.civicloop.shared.ConflictException;
import cn.civicloop.shared.ForbiddenException;
import cn.civicloop.support.MutableClock;
import cn.civicloop.support.Node;

/**
 * The road chiefs' timers on a clock the test moves: an unanswered issue climbs 3 → 2 → 1 one step at a time
 * (default 2 h per level) and is then marked overdue, each step once; an answer in time stops it. A whistle's
 * named departments are flagged overdue once when they miss the acknowledgement (10 min) or the on-site report
 * (30 min); the rating and the release follow the rules of 吹哨报到. The node runs on a database of this class's
 * own (moving the clock fires no other class's timers); "once" is read after the positive signal that the issue or
 * whistle has no timer left.
 */
class RoadTimersTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final PollHold poll = new PollHold();
    private static MutableClock clock;
    private static Node node;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        node = Node.start("roads", clock, List.of(poll), Node.ownDatabase("road_timers"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anUnansweredIssueClimbsOneLevelAtATimeAndEachStepFiresOnce() {
        IssueView issue = reportUnfixable("路面坑洼，车辆绕行");
        assertThat(issue.holderLevel()).isEqualTo(2);
        assertThat(issue.holderName()).isEqualTo("袁轩");

        clock.advance(Duration.ofMinutes(121));
        Node.await(WAIT, "escalation to level 1", () -> view(issue.id()).holderLevel() == 1);
        assertThat(view(issue.id()).holderName()).isEqualTo(chief("road1").name());
        assertThat(count(issue.id(), "AUTO_ESCALATED")).isEqualTo(1);

        clock.advance(Duration.ofMinutes(121));
        Node.await(WAIT, "overdue at level 1", () -> count(issue.id(), "OVERDUE") == 1);

        Node.await(WAIT, "no answer timer left after the overdue step", () -> issueTimers(issue.id()) == 0);
        assertThat(count(issue.id(), "AUTO_ESCALATED")).isEqualTo(1);
        assertThat(count(issue.id(), "OVERDUE")).isEqualTo(1);
        assertThat(view(issue.id()).holderLevel()).isEqualTo(1);
    }

    @Test
    void afterADowntimeTheRecordSaysWhenEachLimitPassed() {
        IssueView issue = reportUnfixable("路灯杆倾斜");
        Instant reported = issue.reportedAt();
        assertThat(issue.answerDue()).isEqualTo(reported.plus(Duration.ofHours(2)));

        clock.advance(Duration.ofHours(5)); // no node ran the timers for five hours
        Node.await(WAIT, "escalation to level 1", () -> count(issue.id(), "AUTO_ESCALATED") == 1);
        clock.advance(Duration.ofSeconds(1)); // time goes on: the next poll finds the second round's timer, due since
        Node.await(WAIT, "overdue at level 1", () -> count(issue.id(), "OVERDUE") == 1);

        IssueView v = view(issue.id());
        assertThat(at(v, "AUTO_ESCALATED")).isEqualTo(reported.plus(Duration.ofHours(2)));
        assertThat(v.heldSince()).isEqualTo(reported.plus(Duration.ofHours(2)));
        assertThat(at(v, "OVERDUE")).isEqualTo(reported.plus(Duration.ofHours(4)));
        assertThat(v.holderLevel()).isEqualTo(1);
        assertThat(v.overdue()).isTrue();
    }

    @Test
    void anAnswerInTimeStopsTheClimb() {
        IssueView issue = reportUnfixable("护栏倾斜");
        clock.advance(Duration.ofMinutes(30));
        node.bean(IssueWorkflow.class).answer(issue.id(), chief("road2"), "已签收，明日处置");
        assertThat(issueTimers(issue.id())).as("the answered round's timer still waits").isEqualTo(1);
        clock.advance(Duration.ofHours(5));
        Node.await(WAIT, "the answered round's timer has run", () -> issueTimers(issue.id()) == 0);
        assertThat(count(issue.id(), "AUTO_ESCALATED")).isZero();
        assertThat(view(issue.id()).holderLevel()).isEqualTo(2);
        assertThat(view(issue.id()).answeredAt()).isNotNull();
    }

    @Test
    void aDepartmentThatMissesTheLimitIsFlaggedOnceAndTheOtherIsNot() {
        WhistleWorkflow whistles = node.bean(WhistleWorkflow.class);
        WhistleView w = whistles.blow(staff("road2"), new WhistleForm("广济路路面塌陷", "路面塌陷约两平方米，需封闭抢修",
                "R01-1", null, List.of("ZFJ", "JTJ")));
        long zfj = department(w, "区综合行政执法局");
        long jtj = department(w, "区交通运输局");

        clock.advance(Duration.ofMinutes(5));
        whistles.report(w.id(), staff("zfj"), "执法局已到场，现场围挡");
        clock.advance(Duration.ofMinutes(26)); // 31 min after the whistle
        Node.await(WAIT, "JTJ flagged overdue", () -> responder(w.id(), jtj).reportOverdue()
                && responder(w.id(), jtj).ackOverdue());
        WhistleView now = node.bean(WhistleReader.class).view(w.id());
        assertThat(responder(w.id(), jtj).ackOverdue()).isTrue();
        assertThat(responder(w.id(), zfj).ackOverdue()).isFalse();
        assertThat(responder(w.id(), zfj).reportOverdue()).isFalse();
        Node.await(WAIT, "both limit timers have run", () -> whistleTimers(w.id()).isEmpty());
        assertThat(overdueNotes(w.id())).hasSize(2);
        // each says which limit was missed, so that the page and the API word it in their reader's language
        assertThat(node.bean(WhistleReader.class).view(w.id()).notes().stream().map(WhistleView.Note::missedLimit)
                .filter(java.util.Objects::nonNull)).containsExactlyInAnyOrder("ACK", "REPORT");
        assertThat(now.status()).isEqualTo("OPEN");

        // 事不完，人不撤: nobody leaves before the whistle-blower resolves it
        assertThatThrownBy(() -> whistles.release(w.id(), staff("zfj"))).isInstanceOf(ConflictException.class);
        // rating: only after the report, only by the whistle-blower, once
        assertThatThrownBy(() -> whistles.rate(w.id(), jtj, staff("road2"), 3, null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> whistles.rate(w.id(), zfj, staff("road1"), 5, null)).isInstanceOf(ForbiddenException.class);
        assertThat(whistles.rate(w.id(), zfj, staff("road2"), 4, "到场及时").departments().stream()
                .filter(d -> d.departmentId() == zfj).findFirst().orElseThrow().rating()).isEqualTo(4);
        assertThatThrownBy(() -> whistles.rate(w.id(), zfj, staff("road2"), 5, null)).isInstanceOf(ConflictException.class);

        whistles.note(w.id(), staff("zfj"), "会商：交通局负责交通疏导");
        assertThatThrownBy(() -> whistles.resolve(w.id(), staff("zfj"), "x")).isInstanceOf(ForbiddenException.class);
        whistles.resolve(w.id(), staff("road2"), "塌陷已回填，恢复通行");
        assertThat(whistles.release(w.id(), staff("zfj")).departments().stream()
                .filter(d -> d.departmentId() == zfj).findFirst().orElseThrow().releasedAt()).isNotNull();
    }

    @Test
    void theAcknowledgementLimitIsTenMinutesAndTheReportLimitThirty() {
        WhistleWorkflow whistles = node.bean(WhistleWorkflow.class);
        WhistleView w = whistles.blow(staff("road2"), new WhistleForm("君山路井盖缺失", "井盖缺失，夜间危险",
                "R01-1", null, List.of("JTJ")));
        long jtj = department(w, "区交通运输局");
        assertThat(w.ackDue()).isEqualTo(w.blownAt().plus(Duration.ofMinutes(10)));
        assertThat(w.reportDue()).isEqualTo(w.blownAt().plus(Duration.ofMinutes(30)));
        assertThat(whistleTimers(w.id())).as("each limit's timer, at its limit").containsExactly(
                w.blownAt().plus(Duration.ofMinutes(10)), w.blownAt().plus(Duration.ofMinutes(30)));

        clock.set(w.blownAt().plus(Duration.ofMinutes(10)).minusSeconds(1));
        assertThat(responder(w.id(), jtj).ackOverdue()).as("a second before the acknowledgement limit").isFalse();
        clock.set(w.blownAt().plus(Duration.ofMinutes(11)));
        Node.await(WAIT, "acknowledgement missed", () -> responder(w.id(), jtj).ackOverdue());
        Node.await(WAIT, "the acknowledgement timer's run completed", () -> whistleTimers(w.id()).size() == 1);
        assertThat(responder(w.id(), jtj).reportOverdue()).as("11 min: the report is not late yet").isFalse();
        assertThat(overdueNotes(w.id())).extracting(WhistleView.Note::at)
                .containsExactly(w.blownAt().plus(Duration.ofMinutes(10)));

        clock.set(w.blownAt().plus(Duration.ofMinutes(29)));
        assertThat(whistleTimers(w.id())).as("29 min: the report timer still waits")
                .containsExactly(w.blownAt().plus(Duration.ofMinutes(30)));
        assertThat(responder(w.id(), jtj).reportOverdue()).isFalse();
        clock.set(w.blownAt().plus(Duration.ofMinutes(31)));
        Node.await(WAIT, "report missed", () -> responder(w.id(), jtj).reportOverdue());
        Node.await(WAIT, "the report timer's run completed", () -> whistleTimers(w.id()).isEmpty());
        assertThat(overdueNotes(w.id())).extracting(WhistleView.Note::at).containsExactlyInAnyOrder(
                w.blownAt().plus(Duration.ofMinutes(10)), w.blownAt().plus(Duration.ofMinutes(30)));
    }

    /**
     * A move that lands while the scheduler polls is not lost (support.Node): the poll that read 9 minutes is held
     * until the clock stands at 11, and the acknowledgement timer due at 10 then runs with no further move. Without
     * the node's poll after each move, that poll would wait for 11 minutes and 100 ms, which the clock never reaches.
     */
    @Test
    void aLimitPassedWhileTheSchedulerPolledRunsWithoutAnotherMove() {
        WhistleView w = node.bean(WhistleWorkflow.class).blow(staff("road2"), new WhistleForm("青檀路井盖缺失",
                "井盖缺失，夜间危险", "R01-1", null, List.of("JTJ")));
        long jtj = department(w, "区交通运输局");
        poll.holdNext();
        clock.set(w.blownAt().plus(Duration.ofMinutes(9)));
        poll.awaitHeld();
        clock.set(w.blownAt().plus(Duration.ofMinutes(11)));
        poll.release();
        Node.await(WAIT, "acknowledgement missed", () -> responder(w.id(), jtj).ackOverdue());
        assertThat(overdueNotes(w.id())).extracting(WhistleView.Note::at)
                .containsExactly(w.blownAt().plus(Duration.ofMinutes(10)));
    }

    @Test
    void whoMayBlowTheWhistle() {
        WhistleWorkflow whistles = node.bean(WhistleWorkflow.class);
        WhistleForm form = new WhistleForm("占道经营", "多家商户占道", null, "A01", List.of("ZFJ"));
        assertThatThrownBy(() -> whistles.blow(staff("road3"), form)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> whistles.blow(staff("zfj"), form)).isInstanceOf(ForbiddenException.class);
        assertThat(whistles.blow(staff("jd-zx"), form).status()).isEqualTo("OPEN"); // a street office
        assertThat(whistles.blow(staff("road1"), form).departments()).hasSize(1);
    }

    /**
     * Holds the node scheduler's next poll after it read the clock and fetched what was due by then, before it waits
     * for the next one (db-scheduler tells its listeners {@code RAN_EXECUTE_DUE} at that point, on the poller's thread).
     */
    static final class PollHold extends AbstractSchedulerListener {

        private volatile CountDownLatch held = new CountDownLatch(0);
        private volatile CountDownLatch released = new CountDownLatch(0);
        private final AtomicBoolean armed = new AtomicBoolean();

        void holdNext() {
            held = new CountDownLatch(1);
            released = new CountDownLatch(1);
            armed.set(true);
        }

        void awaitHeld() {
            try {
                assertThat(held.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the scheduler polled").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        void release() {
            released.countDown();
        }

        @Override
        public void onSchedulerEvent(SchedulerEventType type) {
            if (type == SchedulerEventType.RAN_EXECUTE_DUE && armed.compareAndSet(true, false)) {
                held.countDown();
                try {
                    released.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static IssueView reportUnfixable(String title) {
        return node.bean(IssueWorkflow.class).report(chief("road3"),
                new IssueReport(title, title + "，现场无法处置", null, null, "R01-1", null, false, null), List.of(), List.of());
    }

    private static IssueView view(long id) {
        return node.bean(IssueReader.class).view(id, Actor.system());
    }

    private static Instant at(IssueView v, String action) {
        return v.steps().stream().filter(s -> s.action().equals(action)).findFirst().orElseThrow().at();
    }

    private static long count(long id, String action) {
        return view(id).steps().stream().filter(s -> s.action().equals(action)).count();
    }

    private static Chief chief(String username) {
        return node.bean(RoadData.class).chiefByUsername(username).orElseThrow();
    }

    private static Actor staff(String username) {
        return node.bean(Directory.class).staffActor(username).orElseThrow();
    }

    private static long department(WhistleView w, String name) {
        return w.departments().stream().filter(d -> d.departmentName().equals(name)).findFirst().orElseThrow().departmentId();
    }

    private static WhistleView.Responder responder(long whistle, long department) {
        return node.bean(WhistleReader.class).view(whistle).departments().stream()
                .filter(d -> d.departmentId() == department).findFirst().orElseThrow();
    }

    private static List<WhistleView.Note> overdueNotes(long whistle) {
        return node.bean(WhistleReader.class).view(whistle).notes().stream().filter(n -> n.missedLimit() != null)
                .toList();
    }

    /** The answer timers of the issue waiting in db-scheduler's table. */
    static long issueTimers(Node node, long issue) {
        return node.bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql(
                "select count(*) from scheduled_tasks where task_name = 'road-issue-answer-due' and task_instance like ?")
                .param(issue + ":%").query(Long.class).single();
    }

    private static long issueTimers(long issue) {
        return issueTimers(node, issue);
    }

    /** When the whistle's limit timers waiting in db-scheduler's table are due, earliest first. */
    private static List<Instant> whistleTimers(long whistle) {
        return node.bean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                select execution_time from scheduled_tasks where task_name = 'road-whistle-due' and task_instance like ?
                order by execution_time""").param(whistle + ":%").query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }
}
