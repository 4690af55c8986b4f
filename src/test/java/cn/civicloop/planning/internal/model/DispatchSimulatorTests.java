package cn.civicloop.planning.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.civicloop.planning.DispatchPolicy;

class DispatchSimulatorTests {

    private static final StraightLineTravel EMERGENCY = new StraightLineTravel(1.3, 30);
    private static final PolicySettings STATION = new PolicySettings(DispatchPolicy.STATION, 60, 30, 20);
    private static final PolicySettings PATROL = new PolicySettings(DispatchPolicy.PATROL, 60, 15, 15);

    /** Two blocks of 1 km cells side by side: A = x in [0, 5), B = x in [5, 10); stations at (0.5, 0.5) and (9.5, 0.5). */
    private static BlockPlan twoBlocks() {
        Map<BlockPlan.Cell, Integer> cells = new HashMap<>();
        for (int ix = 0; ix < 10; ix++) {
            cells.put(new BlockPlan.Cell(ix, 0), ix < 5 ? 0 : 1);
        }
        return BlockPlan.of(1.0, cells, List.of("A", "B"), List.of(new PlanePoint(0.5, 0.5), new PlanePoint(9.5, 0.5)));
    }

    private static Deployment oneUnitInA() {
        return new Deployment(twoBlocks(), new int[] {1, 0});
    }

    @Test
    void oneUnitOneCallRespondsInProcessingPlusTurnoutPlusDriving() {
        Call call = new Call(100, new PlanePoint(3.5, 0.5), 1, 600);

        SimulationReport report = new DispatchSimulator(oneUnitInA(), EMERGENCY, STATION, 1).run(List.of(call));

        double driving = 3.0 * 1.3 / 30 * 3600; // 468 s
        assertThat(report.responseSeconds(0)).isCloseTo(60 + 30 + driving, within(1e-9));
        assertThat(report.responses().get(0).travelSeconds()).isCloseTo(driving, within(1e-9));
        assertThat(report.queuedCalls()).isZero();
        assertThat(report.crossBlockFraction()).isZero();
    }

    @Test
    void aPatrollingUnitRespondsFromWhereItIsWithTheShorterTurnout() {
        Call call = new Call(5_000, new PlanePoint(3.5, 0.5), 1, 600);

        SimulationReport report = new DispatchSimulator(oneUnitInA(), EMERGENCY, PATROL, 1).run(List.of(call));

        SimulationReport.Response r = report.responses().get(0);
        assertThat(report.responseSeconds(0)).isCloseTo(60 + 15 + r.travelSeconds(), within(1e-9));
        // The unit patrols block A (x < 5): it can be no farther from the call than the block's far corner.
        assertThat(r.travelSeconds()).isLessThanOrEqualTo(EMERGENCY.seconds(new PlanePoint(0, 0), new PlanePoint(3.5, 1)));
    }

    @Test
    void aCallFindingEveryUnitBusyWaitsForTheFirstToClearAndIsDrivenFromThatScene() {
        PlanePoint first = new PlanePoint(3.5, 0.5);
        PlanePoint second = new PlanePoint(1.5, 0.5);
        List<Call> calls = List.of(new Call(0, first, 1, 600), new Call(10, second, 2, 300));

        SimulationReport report = new DispatchSimulator(oneUnitInA(), EMERGENCY, STATION, 1).run(calls);

        double firstCleared = 60 + 30 + EMERGENCY.seconds(new PlanePoint(0.5, 0.5), first) + 600;
        SimulationReport.Response r = report.responses().get(1);
        assertThat(r.queued()).isTrue();
        assertThat(r.dispatchedAt()).isCloseTo(firstCleared, within(1e-9));
        assertThat(report.responseSeconds(1)).isCloseTo(firstCleared + 30 + EMERGENCY.seconds(first, second) - 10,
                within(1e-9));
        assertThat(report.queuedCalls()).isEqualTo(1);
        assertThat(report.responseMinutes(2).count()).isEqualTo(1);
        assertThat(report.responseMinutes(2).median()).isCloseTo(report.responseSeconds(1) / 60, within(1e-12));
    }

    @Test
    void stationUnitsDriveBackToTheStationAfterACall() {
        PlanePoint scene = new PlanePoint(4.5, 0.5);
        PlanePoint next = new PlanePoint(2.5, 0.5);
        List<Call> calls = List.of(new Call(0, scene, 1, 600), new Call(20_000, next, 1, 600));

        SimulationReport report = new DispatchSimulator(oneUnitInA(), EMERGENCY, STATION, 1).run(calls);

        // Long after the first call the unit is home again: the second response is driven from the station.
        assertThat(report.responses().get(1).travelSeconds())
                .isCloseTo(EMERGENCY.seconds(new PlanePoint(0.5, 0.5), next), within(1e-9));
    }

    @Test
    void stationPolicySendsTheOwnBlockUnitFirstPatrolSendsTheNearest() {
        // Block A's unit waits at (0.5, 0.5), block B's at (9.5, 0.5); a call in A at x = 4.9 is nearer to B's station.
        Deployment deployment = new Deployment(twoBlocks(), new int[] {1, 1});
        Call call = new Call(0, new PlanePoint(4.9, 0.5), 1, 600);

        SimulationReport station = new DispatchSimulator(deployment, EMERGENCY, STATION, 1).run(List.of(call));

        assertThat(station.responses().get(0).unit()).isZero();
        assertThat(station.crossBlockFraction()).isZero();
    }

    @Test
    void sameSeedSameFiguresAnotherSeedOtherPatrolRoutes() {
        DemoDistrict district = DemoDistrict.load();
        BlockPlan plan = district.blocks(0.5, 4, 2);
        List<Call> calls = district.generateCalls(plan, 12, 48, 3);
        Deployment deployment = Deployment.uniform(plan, 2);

        SimulationReport one = new DispatchSimulator(deployment, EMERGENCY, PATROL, 9).run(calls);
        SimulationReport again = new DispatchSimulator(deployment, EMERGENCY, PATROL, 9).run(calls);
        SimulationReport other = new DispatchSimulator(deployment, EMERGENCY, PATROL, 10).run(calls);

        assertThat(calls).hasSizeGreaterThan(400);
        assertThat(again.responses()).isEqualTo(one.responses());
        assertThat(other.responses()).isNotEqualTo(one.responses());
        assertThat(district.generateCalls(plan, 12, 48, 3)).isEqualTo(calls);
    }

    @Test
    void workloadsAreTheFractionOfTheRunBetweenOrderAndClearing() {
        Call call = new Call(0, new PlanePoint(0.5, 0.5), 1, 600);

        SimulationReport report = new DispatchSimulator(oneUnitInA(), EMERGENCY, STATION, 1).run(List.of(call));

        // Run: received at 0 → cleared at 60 + 30 + 0 + 600; busy from the order (60 s) to clearing.
        assertThat(report.workload(0)).isCloseTo(630.0 / 690, within(1e-12));
    }

    @Test
    void crewsWaitingAtTheSameStationTakeTurns() {
        Deployment twoCrewsInA = new Deployment(twoBlocks(), new int[] {2, 0});
        List<Call> calls = List.of(new Call(0, new PlanePoint(1.5, 0.5), 1, 60),
                new Call(3_600, new PlanePoint(2.5, 0.5), 1, 60), new Call(7_200, new PlanePoint(3.5, 0.5), 1, 60));

        SimulationReport report = new DispatchSimulator(twoCrewsInA, EMERGENCY, STATION, 1).run(calls);

        assertThat(report.responses()).extracting(SimulationReport.Response::unit).containsExactly(0, 1, 0);
    }

    @Test
    void belowPriorityOneACallWaitsRatherThanTakeABlocksReserve() {
        // Block A has two crews at its station and keeps one free for priority 1: the second call (priority 2)
        // waits for the first crew to clear although the other crew is free; a priority-1 call takes it at once.
        Deployment twoCrewsInA = new Deployment(twoBlocks(), new int[] {2, 0});
        PlanePoint scene = new PlanePoint(2.5, 0.5);
        List<Call> calls = List.of(new Call(0, scene, 2, 600), new Call(10, new PlanePoint(1.5, 0.5), 2, 300),
                new Call(20, new PlanePoint(3.5, 0.5), 1, 300));

        SimulationReport report = new DispatchSimulator(twoCrewsInA, EMERGENCY, STATION, 1, 1).run(calls);

        SimulationReport.Response second = report.responses().get(1);
        SimulationReport.Response urgent = report.responses().get(2);
        double firstCleared = 60 + 30 + EMERGENCY.seconds(new PlanePoint(0.5, 0.5), scene) + 600;
        assertThat(second.queued()).isTrue();
        assertThat(second.dispatchedAt()).isCloseTo(firstCleared, within(1e-9));
        assertThat(second.unit()).isEqualTo(report.responses().get(0).unit());
        assertThat(urgent.queued()).isFalse();
        assertThat(urgent.dispatchedAt()).isCloseTo(20 + 60, within(1e-9));
        assertThat(urgent.unit()).isNotEqualTo(report.responses().get(0).unit());

        SimulationReport plain = new DispatchSimulator(twoCrewsInA, EMERGENCY, STATION, 1).run(calls);
        assertThat(plain.responses().get(1).queued()).isFalse();
        assertThat(plain.queuedCalls()).isEqualTo(1);
    }

    @Test
    void aReserveAsLargeAsEveryBlocksCrewsIsRefused() {
        Deployment oneEach = new Deployment(twoBlocks(), new int[] {1, 1});

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new DispatchSimulator(oneEach, EMERGENCY, STATION, 1, 1))
                .withMessageContaining("no block has a unit left");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new DispatchSimulator(oneEach, EMERGENCY, STATION, 1, -1));
    }

    @Test
    void anInterruptedRunStops() {
        DemoDistrict district = DemoDistrict.load();
        BlockPlan plan = district.blocks(0.5, 4, 2);
        List<Call> calls = district.generateCalls(plan, 12, 48, 3);
        DispatchSimulator simulator = new DispatchSimulator(Deployment.uniform(plan, 2), EMERGENCY, PATROL, 9);

        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> simulator.run(calls))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
