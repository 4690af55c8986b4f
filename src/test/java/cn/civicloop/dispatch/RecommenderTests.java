package cn.civicloop.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.civicloop.dispatch.internal.Recommender;
import cn.civicloop.dispatch.internal.Recommender.Candidate;
import cn.civicloop.dispatch.internal.Recommender.Excluded;
import cn.civicloop.dispatch.internal.Recommender.Ranked;
import cn.civicloop.dispatch.internal.Recommender.Scene;
import cn.civicloop.dispatch.internal.travel.StraightLineTravelTimes;
import cn.civicloop.geo.GeoPoint;

/** The recommendation on a hand-placed scene: nearest in time wins, busy and off-duty units are left out with the reason. */
class RecommenderTests {

    private static final GeoPoint SCENE = new GeoPoint(34.86, 117.55);
    private static final StraightLineTravelTimes TRAVEL = new StraightLineTravelTimes(1.3, 30);

    private static GeoPoint north(double km) {
        return new GeoPoint(SCENE.lat() + km / 111.2, SCENE.lon());
    }

    private static GeoPoint east(double km) {
        return new GeoPoint(SCENE.lat(), SCENE.lon() + km / (111.2 * Math.cos(Math.toRadians(SCENE.lat()))));
    }

    private static Candidate unit(String code, UnitStatus status, boolean onDuty, GeoPoint at) {
        return new Candidate(code, code + "组", code.substring(0, 2), status, onDuty, at);
    }

    private static final List<Candidate> UNITS = List.of(
            unit("B1-1", UnitStatus.AVAILABLE, true, north(2)),
            unit("B1-4", UnitStatus.AVAILABLE, true, north(3)),
            unit("B2-1", UnitStatus.AVAILABLE, true, east(0.5)),
            unit("B1-2", UnitStatus.EN_ROUTE, true, north(0.2)),
            unit("B1-3", UnitStatus.AVAILABLE, false, north(0.1)),
            unit("B3-1", UnitStatus.OUT_OF_SERVICE, true, east(1)));

    private static Scene scene(int priority) {
        return new Scene(SCENE, "B1", priority, Set.of("B2"));
    }

    @Test
    void theNearestUnitInTimeWinsEvenFromANeighbouringBlock() {
        Recommender.Result r = new Recommender(TRAVEL, 0).rank(scene(2), UNITS);
        assertThat(r.ranked()).extracting(Ranked::unitCode).containsExactly("B2-1", "B1-1", "B1-4");
        Ranked first = r.ranked().get(0);
        assertThat(first.metres()).isCloseTo(650, org.assertj.core.data.Offset.offset(5.0));
        assertThat(first.seconds()).isCloseTo(650 / (30 / 3.6), org.assertj.core.data.Offset.offset(1.0));
        assertThat(first.why()).contains("跨块区").contains("到达时间更短");
        assertThat(first.model()).isEqualTo(TRAVEL.label());
        assertThat(r.ranked().get(1).why()).contains("本块区");
    }

    @Test
    void busyOffDutyAndOutOfServiceUnitsAreExcludedWithTheirReason() {
        Recommender.Result r = new Recommender(TRAVEL, 0).rank(scene(2), UNITS);
        assertThat(r.excluded()).extracting(Excluded::unitCode).containsExactlyInAnyOrder("B1-2", "B1-3", "B3-1");
        assertThat(reason(r, "B1-2")).contains("忙碌").contains(UnitStatus.EN_ROUTE.label());
        assertThat(reason(r, "B1-3")).contains("不在班");
        assertThat(reason(r, "B3-1")).contains("暂停服务");
    }

    @Test
    void aBlockKeepsItsReserveForPriorityTwoButGivesItToPriorityOne() {
        Recommender reserveOne = new Recommender(TRAVEL, 1);
        Recommender.Result p2 = reserveOne.rank(scene(2), UNITS);
        // B2 has one free unit (its reserve), B1 two: it lends the nearer and keeps the other
        assertThat(p2.ranked()).extracting(Ranked::unitCode).containsExactly("B1-1");
        assertThat(reason(p2, "B2-1")).contains("保留警力");
        assertThat(reason(p2, "B1-4")).contains("保留警力");

        Recommender.Result p1 = reserveOne.rank(scene(1), UNITS);
        assertThat(p1.ranked()).extracting(Ranked::unitCode).containsExactly("B2-1", "B1-1", "B1-4");
        assertThat(p1.ranked().get(0).why()).contains("动用保留警力");
    }

    @Test
    void whenTheOwnBlockHasNoFreeUnitTheNeighboursBackItUp() {
        List<Candidate> busyBlock = List.of(
                unit("B1-1", UnitStatus.ON_SCENE, true, north(0.3)),
                unit("B2-1", UnitStatus.AVAILABLE, true, east(1.5)),
                unit("B4-1", UnitStatus.AVAILABLE, true, north(4)));
        Recommender.Result r = new Recommender(TRAVEL, 0).rank(scene(3), busyBlock);
        assertThat(r.ranked()).extracting(Ranked::unitCode).containsExactly("B2-1", "B4-1");
        assertThat(r.ranked().get(0).why()).contains("邻块区支援");
        assertThat(r.ranked().get(1).why()).contains("跨块区支援");
    }

    @Test
    void ranksCountFromOneAndUnitsEquallyFarAreOrderedByTheirCode() {
        List<Candidate> twins = List.of(
                unit("B1-7", UnitStatus.AVAILABLE, true, north(1)),
                unit("B1-5", UnitStatus.AVAILABLE, true, north(1)),
                unit("B1-6", UnitStatus.AVAILABLE, true, north(2)));
        Recommender.Result r = new Recommender(TRAVEL, 0).rank(scene(2), twins);
        assertThat(r.ranked()).extracting(Ranked::unitCode).containsExactly("B1-5", "B1-7", "B1-6");
        assertThat(r.ranked()).extracting(Ranked::rank).containsExactly(1, 2, 3);
    }

    private static String reason(Recommender.Result r, String code) {
        return r.excluded().stream().filter(x -> x.unitCode().equals(code)).findFirst().orElseThrow().reason();
    }
}
