package cn.civicloop.roads.internal.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import cn.civicloop.directory.Actor;
import cn.civicloop.directory.Role;
import cn.civicloop.roads.internal.Chief;
import cn.civicloop.shared.ForbiddenException;

/**
 * Who sees a road issue and who acts on it, on hand-made chiefs: the reporter, the holder, the holder's squad
 * leader, the first-level chief of the area, anyone the issue passed through, leaders; and nobody else.
 */
class IssueAccessTests {

    private static final long AREA = 7;
    private static final long OTHER_AREA = 8;
    private static final long SQUAD = 70;

    private static final Chief INSPECTOR = chief(1, 3, SQUAD, AREA);
    private static final Chief SQUAD_LEADER = chief(2, 2, SQUAD, AREA);
    private static final Chief OTHER_SQUAD_LEADER = chief(3, 2, 71L, AREA);
    private static final Chief AREA_CHIEF = chief(4, 1, null, null);
    private static final Chief OTHER_INSPECTOR = chief(5, 3, SQUAD, AREA);

    /** Reported by the inspector, held by his squad leader. */
    private static final IssueRecord ISSUE = new IssueRecord(100, INSPECTOR.id(), 11L, AREA, SQUAD, "井盖破损", "井盖破损",
            null, null, Instant.EPOCH, IssueStatus.PENDING, false, SQUAD_LEADER.id(), 1, Instant.EPOCH, null, null);

    @Test
    void theReporterTheHolderAndTheSquadLeaderSeeIt() {
        for (Chief c : List.of(INSPECTOR, SQUAD_LEADER)) {
            assertThat(IssueAccess.mayRead(chiefActor(), c, ISSUE, List::of, () -> false)).as(c.code()).isTrue();
        }
        // a squad leader sees his squad's issues even when someone else holds them
        IssueRecord heldByArea = held(ISSUE, AREA_CHIEF.id());
        assertThat(IssueAccess.mayRead(chiefActor(), SQUAD_LEADER, heldByArea, List::of, () -> false)).isTrue();
    }

    @Test
    void theFirstLevelChiefSeesTheIssuesOfHisAreasOnly() {
        assertThat(IssueAccess.mayRead(chiefActor(), AREA_CHIEF, ISSUE, () -> List.of(AREA), () -> false)).isTrue();
        assertThat(IssueAccess.mayRead(chiefActor(), AREA_CHIEF, ISSUE, () -> List.of(OTHER_AREA), () -> false)).isFalse();
    }

    @Test
    void aChiefTheIssuePassedThroughStillSeesIt() {
        assertThat(IssueAccess.mayRead(chiefActor(), OTHER_INSPECTOR, ISSUE, List::of, () -> true)).isTrue();
    }

    @Test
    void anotherSquadsLeaderAnotherInspectorAndStaffWithoutAChiefDoNot() {
        assertThat(IssueAccess.mayRead(chiefActor(), OTHER_SQUAD_LEADER, ISSUE, List::of, () -> false)).isFalse();
        assertThat(IssueAccess.mayRead(chiefActor(), OTHER_INSPECTOR, ISSUE, List::of, () -> false)).isFalse();
        Actor handler = actor(Role.HANDLER);
        assertThat(IssueAccess.mayRead(handler, null, ISSUE, List::of, () -> true)).isFalse();
        assertThatThrownBy(() -> IssueAccess.requireRead(handler, null, ISSUE, List::of, () -> true))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void leadersAndTheSystemSeeEveryIssueWithoutAQuery() {
        AtomicInteger queries = new AtomicInteger();
        for (Actor a : List.of(actor(Role.LEADER), Actor.system())) {
            assertThat(IssueAccess.mayRead(a, null, ISSUE, () -> {
                queries.incrementAndGet();
                return List.of();
            }, () -> queries.incrementAndGet() < 0)).isTrue();
        }
        assertThat(queries).hasValue(0);
    }

    @Test
    void theCostlyFactsAreAskedOnlyWhenTheCheapOnesDidNotDecide() {
        AtomicInteger queries = new AtomicInteger();
        assertThat(IssueAccess.mayRead(chiefActor(), INSPECTOR, ISSUE, List::of, () -> queries.incrementAndGet() < 0))
                .isTrue();
        assertThat(queries).hasValue(0);
    }

    @Test
    void onlyTheHolderActs() {
        assertThat(IssueAccess.mayAct(SQUAD_LEADER, ISSUE)).isTrue();
        for (Chief c : List.of(INSPECTOR, AREA_CHIEF, OTHER_SQUAD_LEADER)) {
            assertThat(IssueAccess.mayAct(c, ISSUE)).as(c.code()).isFalse();
            assertThatThrownBy(() -> IssueAccess.requireHolder(c, ISSUE)).isInstanceOf(ForbiddenException.class);
        }
        assertThat(IssueAccess.mayAct(null, ISSUE)).isFalse();
    }

    @Test
    void whichListAReaderGets() {
        assertThat(IssueAccess.listing(chiefActor(), INSPECTOR)).isEqualTo(IssueAccess.Listing.CHIEF);
        assertThat(IssueAccess.listing(actor(Role.LEADER), null)).isEqualTo(IssueAccess.Listing.ALL);
        assertThat(IssueAccess.listing(Actor.system(), null)).isEqualTo(IssueAccess.Listing.ALL);
        assertThatThrownBy(() -> IssueAccess.listing(actor(Role.GRID_WORKER), null)).isInstanceOf(ForbiddenException.class);
    }

    private static IssueRecord held(IssueRecord r, long holder) {
        return new IssueRecord(r.id(), r.reporterId(), r.segmentId(), r.areaId(), r.squadId(), r.title(), r.description(),
                r.lat(), r.lon(), r.reportedAt(), r.status(), r.fixedOnSpot(), holder, r.round(), r.heldSince(),
                r.answeredAt(), r.caseNumber());
    }

    private static Chief chief(long id, int level, Long squad, Long area) {
        return new Chief(id, "C" + id, "路长" + id, level, squad, null, area, null, null, "c" + id);
    }

    private static Actor chiefActor() {
        return actor(Role.ROAD_CHIEF);
    }

    private static Actor actor(Role role) {
        return new Actor(42L, "u", "某人", Set.of(role), null, false);
    }
}
