package cn.civicloop.roads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.civicloop.directory.Actor;
import cn.civicloop.roads.internal.RoadData;
import cn.civicloop.roads.internal.issues.IssueReader;
import cn.civicloop.roads.internal.issues.IssueReport;
import cn.civicloop.roads.internal.issues.IssueWorkflow;
import cn.civicloop.support.MutableClock;
import cn.civicloop.support.Node;

/**
 * Two application nodes on one database (of this class's own) run the same answer timers: each step still happens
 * once, read after no timer is left.
 */
class RoadTimersTwoNodesTests {

    @Test
    void twoNodesEscalateEachIssueOnce() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<Node> nodes = Node.startAll(clock, Node.ownDatabase("road_timers_two_nodes"), "roads-a", "roads-b");
        try {
            List<Long> ids = IntStream.range(0, 6).mapToObj(i -> {
                Node node = nodes.get(i % 2);
                return node.bean(IssueWorkflow.class).report(node.bean(RoadData.class).chiefByUsername("road3").orElseThrow(),
                        new IssueReport("路灯不亮 " + i, "夜间路灯不亮", null, null, "R01-1", null, false, null),
                        List.of(), List.of()).id();
            }).toList();
            clock.advance(Duration.ofMinutes(121));
            for (long id : ids) {
                Node.await(Duration.ofSeconds(20), "escalation of " + id, () -> count(nodes.get(0), id, "AUTO_ESCALATED") == 1);
            }
            clock.advance(Duration.ofMinutes(121));
            for (long id : ids) {
                Node.await(Duration.ofSeconds(20), "overdue of " + id, () -> count(nodes.get(1), id, "OVERDUE") == 1);
            }
            for (long id : ids) {
                Node.await(Duration.ofSeconds(20), "no answer timer left for " + id,
                        () -> RoadTimersTests.issueTimers(nodes.get(0), id) == 0);
            }
            for (long id : ids) {
                assertThat(count(nodes.get(1), id, "AUTO_ESCALATED")).as("issue " + id).isEqualTo(1);
                assertThat(count(nodes.get(0), id, "OVERDUE")).as("issue " + id).isEqualTo(1);
            }
        } finally {
            nodes.forEach(Node::close);
        }
    }

    private static long count(Node node, long id, String action) {
        return node.bean(IssueReader.class).view(id, Actor.system()).steps().stream()
                .filter(s -> s.action().equals(action)).count();
    }
}
