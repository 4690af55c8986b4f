package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.civicloop.cases.AppealKind;
import cn.civicloop.cases.AppealSnapshot;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.Channel;
import cn.civicloop.cases.Urgency;
import cn.civicloop.support.ApiTest;

/**
 * The snapshots of several cases, read in one statement of the snapshot's columns only (no personal data opened),
 * are the snapshots of each case read alone, and what the whole case read in full says.
 */
class SnapshotsTests extends ApiTest {

    @Autowired
    Cases cases;
    @Autowired
    Snapshots snapshots;

    @Test
    void manySnapshotsAreTheSnapshotsOfEachAndTheWholeCasesFields() {
        String placed = stored("路灯不亮很久了", 34.8597, 117.5546, "370402001", "370402001001", "37040200100103");
        String bare = stored("噪音扰民", null, null, null, null, null);

        List<AppealSnapshot> many = snapshots.snapshots(List.of(placed, bare, "SZ-NOT-THERE")).stream()
                .sorted(Comparator.comparing(AppealSnapshot::number)).toList();

        List<AppealSnapshot> each = List.of(placed, bare).stream().sorted()
                .map(n -> snapshots.snapshot(n).orElseThrow()).toList();
        List<AppealSnapshot> whole = List.of(placed, bare).stream().sorted()
                .map(n -> cases.byNumber(n).orElseThrow()).map(SnapshotsTests::snapshotOf).toList();
        assertThat(many).isEqualTo(each).isEqualTo(whole);
        assertThat(many.get(0).lat() != null || many.get(1).lat() != null).as("one of them has its place").isTrue();
        assertThat(snapshots.snapshots(List.of())).isEmpty();
    }

    /** The long way: every field of the case as read in full, its personal data opened. */
    private static AppealSnapshot snapshotOf(Case c) {
        return new AppealSnapshot(c.number, c.status, c.channel, c.title, c.content, c.lat, c.lon, c.streetCode,
                c.communityCode, c.gridCode, c.departmentId, c.unitId, c.createdAt);
    }

    /** A case written straight to its table: no event, so no triage changes it meanwhile. */
    private String stored(String title, Double lat, Double lon, String street, String community, String grid) {
        Case c = new Case();
        c.number = "SZ-20261207-" + (800000 + SEQUENCE.incrementAndGet());
        c.status = CaseStatus.SUBMITTED;
        c.channel = Channel.WEBSITE;
        c.kind = AppealKind.COMPLAINT;
        c.urgency = Urgency.NORMAL;
        c.title = title;
        c.content = title + "，已经持续一周，请尽快处理。";
        c.address = "市中区广济路12号";
        c.contactName = "张三丰";
        c.contactPhone = "13812345678";
        c.lat = lat;
        c.lon = lon;
        c.streetCode = street;
        c.communityCode = community;
        c.gridCode = grid;
        c.createdAt = Instant.parse("2026-12-07T01:00:00Z");
        c.updatedAt = c.createdAt;
        c.dueAt = c.createdAt.plusSeconds(86_400);
        cases.insert(c);
        return c.number;
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));
}
