package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.civicloop.cases.AppealSnapshot;
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
        return StoredCases.stored(cases, title, c -> {
            c.lat = lat;
            c.lon = lon;
            c.streetCode = street;
            c.communityCode = community;
            c.gridCode = grid;
        });
    }
}
