package cn.civicloop.roads.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;

import cn.civicloop.directory.Actor;
import cn.civicloop.roads.internal.issues.IssueReader;
import cn.civicloop.roads.internal.issues.IssueView;
import cn.civicloop.roads.internal.whistles.WhistleReader;
import cn.civicloop.roads.internal.whistles.WhistleView;
import cn.civicloop.support.Node;

/**
 * The demo's week of road activity is consistent with its timers: after seeding, no open issue is past its answer
 * limit without having been escalated or (at the first level) marked overdue, at the times the limits passed; each
 * open issue still within its limit has exactly one pending answer timer, due when the limit passes; and the
 * department that never answered the seeded whistle is flagged. On the real clock: db-scheduler polls as time
 * passes, and the issue still within its limit has more than an hour left.
 */
class DemoRoadActivityTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Clock clock = Clock.systemUTC();
    private static Node node;

    @BeforeAll
    static void start() {
        node = Node.start("roads-demo", clock, Stream.concat(Stream.of("--civicloop.demo.seed-road-activity=true"),
                Stream.of(Node.ownH2Database("roads_demo"))).toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everySeededIssueIsWhereItsTimersSayAndEachOpenOneHasOneTimerAhead() {
        DemoRoadActivity.Seeded seeded = node.bean(DemoRoadActivity.class).seed();
        assertThat(seeded.issues()).hasSize(8);

        // db-scheduler removes a timer's row just after the transaction of its firing: wait for that too
        Node.await(WAIT, "every seeded issue past its limit escalated or marked overdue, its timers done",
                () -> seeded.issues().stream().map(DemoRoadActivityTests::view).allMatch(v -> !openAndUnanswered(v)
                        || v.answerDue().isAfter(clock.instant()) || marked(v, "OVERDUE") && timersOf(v.id()).isEmpty()));
        Instant now = clock.instant();

        List<IssueView> open = seeded.issues().stream().map(DemoRoadActivityTests::view)
                .filter(DemoRoadActivityTests::openAndUnanswered).toList();
        for (IssueView v : open) {
            List<ScheduledExecution<Object>> timers = timersOf(v.id());
            if (marked(v, "OVERDUE")) {
                assertThat(v.holderLevel()).as("overdue issue %d is with a first-level chief", v.id()).isEqualTo(1);
                assertThat(timers).as("timers of overdue issue %d", v.id()).isEmpty();
                assertThat(v.overdue()).isTrue();
            } else {
                assertThat(v.answerDue()).as("limit of open issue %d", v.id()).isAfter(now);
                assertThat(timers).as("timers of open issue %d", v.id()).hasSize(1);
                assertThat(timers.get(0).getExecutionTime()).isEqualTo(v.answerDue());
                assertThat(v.overdue()).isFalse();
            }
        }
        assertThat(open).as("some seeded issue is overdue").anyMatch(v -> marked(v, "OVERDUE"));
        assertThat(open).as("some seeded issue is still within its limit").anyMatch(v -> !marked(v, "OVERDUE"));

        // the record says when each limit passed: passed up at once, 2 h with the squad leader, 2 h with level 1
        IssueView fallenTree = open.stream().filter(v -> v.title().equals("建设北路绿化带树木倒伏")).findFirst().orElseThrow();
        Instant reported = fallenTree.reportedAt();
        assertThat(reported).isBefore(now.minus(Duration.ofDays(1)));
        assertThat(at(fallenTree, "AUTO_ESCALATED")).isEqualTo(reported.plus(Duration.ofHours(2)));
        assertThat(at(fallenTree, "OVERDUE")).isEqualTo(reported.plus(Duration.ofHours(4)));
        assertThat(fallenTree.heldSince()).isEqualTo(reported.plus(Duration.ofHours(2)));
    }

    @Test
    void theDepartmentThatNeverCameIsFlaggedAtTheLimitsAndTheOneThatCameIsNot() {
        DemoRoadActivity.Seeded seeded = node.bean(DemoRoadActivity.class).seed();
        WhistleReader whistles = node.bean(WhistleReader.class);
        // the two limits are two timers, fired on two scheduler threads: wait for both flags
        Node.await(WAIT, "the silent department flagged for both limits", () -> {
            WhistleView.Responder silent = responder(whistles.view(seeded.whistle()), "交通");
            return silent.ackOverdue() && silent.reportOverdue();
        });
        WhistleView w = whistles.view(seeded.whistle());
        assertThat(w.blownAt()).isBefore(clock.instant().minus(Duration.ofDays(2)));
        WhistleView.Responder transport = responder(w, "交通");
        WhistleView.Responder lawEnforcement = responder(w, "执法");
        assertThat(transport.ackOverdue()).isTrue();
        assertThat(transport.reportOverdue()).isTrue();
        assertThat(lawEnforcement.ackOverdue()).isFalse();
        assertThat(lawEnforcement.reportOverdue()).isFalse();
        assertThat(lawEnforcement.reportedAt()).isBefore(w.reportDue());
        assertThat(w.notes().stream().filter(n -> n.missedLimit() != null).map(WhistleView.Note::at))
                .containsExactlyInAnyOrder(w.ackDue(), w.reportDue());
        assertThat(node.bean(SchedulerClient.class).getScheduledExecutionsForTask(WhistleDue.TASK).stream()
                .filter(e -> e.getTaskInstance().getId().startsWith(seeded.whistle() + ":"))).isEmpty();
    }

    @Test
    void theDemosRoadHistoryReachesEvaluationAtItsTrueTimes() {
        DemoRoadActivity.Seeded seeded = node.bean(DemoRoadActivity.class).seed();
        JdbcClient jdbc = node.bean(JdbcClient.class);
        WhistleView w = node.bean(WhistleReader.class).view(seeded.whistle());
        WhistleView.Responder came = responder(w, "执法");
        // the events sent while seeding carried the moment of seeding; the history told again carries the moved
        // times, and evaluation keeps the earliest of each step
        Node.await(WAIT, "the whistle's acknowledgement kept at its moved time, in time", () -> jdbc.sql("""
                select count(*) from evaluation_road_whistle r join evaluation_fact f
                    on f.source = concat('RW:ACK:', r.whistle_id, ':', r.department_id)
                where r.whistle_id = ? and r.department_id = ? and r.acknowledged_at = ? and r.ack_due = ? and f.hit""")
                .params(w.id(), came.departmentId(), java.sql.Timestamp.from(came.acknowledgedAt()),
                        java.sql.Timestamp.from(w.ackDue()))
                .query(Long.class).single() == 1);
        IssueView answered = seeded.issues().stream().map(DemoRoadActivityTests::view)
                .filter(v -> v.title().equals("君山东路交通标志被遮挡")).findFirst().orElseThrow();
        assertThat(answered.answeredAt()).isBefore(clock.instant().minus(Duration.ofHours(20)));
        Node.await(WAIT, "the chief's answer kept at its moved time, in time", () -> jdbc.sql("""
                select count(*) from evaluation_road_answer a join evaluation_fact f
                    on f.source = concat('RA:', a.issue_id, ':', a.hold_round)
                where a.issue_id = ? and a.answered_at = ? and f.hit and f.road_area_code is not null""")
                .params(answered.id(), java.sql.Timestamp.from(answered.answeredAt())).query(Long.class).single() == 1);
    }

    private static IssueView view(long id) {
        return node.bean(IssueReader.class).view(id, Actor.system());
    }

    private static boolean openAndUnanswered(IssueView v) {
        return v.status().equals("PENDING") && v.answeredAt() == null;
    }

    private static boolean marked(IssueView v, String action) {
        return v.steps().stream().anyMatch(s -> s.action().equals(action));
    }

    private static Instant at(IssueView v, String action) {
        return v.steps().stream().filter(s -> s.action().equals(action)).findFirst().orElseThrow().at();
    }

    private static List<ScheduledExecution<Object>> timersOf(long issueId) {
        return node.bean(SchedulerClient.class).getScheduledExecutionsForTask(IssueDue.TASK).stream()
                .filter(e -> e.getTaskInstance().getId().startsWith(issueId + ":")).toList();
    }

    private static WhistleView.Responder responder(WhistleView w, String name) {
        return w.departments().stream().filter(d -> d.departmentName().contains(name)).findFirst().orElseThrow();
    }
}
