package cn.civicloop.planning.internal;

import java.util.ArrayList;
import java.util.List;

import cn.civicloop.planning.Comparison;
import cn.civicloop.planning.DispatchPolicy;
import cn.civicloop.planning.HypercubeMethod;
import cn.civicloop.planning.RunRequest;
import cn.civicloop.planning.internal.model.Call;
import cn.civicloop.planning.internal.model.Deployment;
import cn.civicloop.planning.internal.model.DispatchSimulator;
import cn.civicloop.planning.internal.model.PolicySettings;
import cn.civicloop.planning.internal.model.SimulationReport;
import cn.civicloop.planning.internal.model.StraightLineTravel;

/**
 * One comparison: the same calls, the same blocks and units, simulated under both policies (same seed), the
 * hypercube model of each, and the figures per block. Pure computation; it stops with a
 * {@link java.util.concurrent.CancellationException} when its thread is interrupted.
 */
final class ComparisonRun {

    /**
     * @param assumptions complete (no value left out)
     */
    record Input(BlockPlane plane, List<Call> calls, int[] unitsPerBlock, int reservePerBlock,
            RunRequest.Assumptions assumptions, HypercubeMethod method, long seed) {
    }

    private ComparisonRun() {
    }

    static Comparison run(Input in, Comparison.Stream stream, Comparison.RecordedFigures recorded) {
        long start = System.nanoTime();
        RunRequest.Assumptions a = in.assumptions();
        Deployment deployment = new Deployment(in.plane().cells(), in.unitsPerBlock());
        StraightLineTravel emergency = new StraightLineTravel(a.detourFactor(), a.emergencySpeedKmh());
        PolicySettings station = new PolicySettings(DispatchPolicy.STATION, a.processingSeconds(),
                a.stationTurnoutSeconds(), a.returnSpeedKmh());
        PolicySettings patrol = new PolicySettings(DispatchPolicy.PATROL, a.processingSeconds(),
                a.patrolTurnoutSeconds(), a.patrolSpeedKmh());
        SimulationReport s = new DispatchSimulator(deployment, emergency, station, in.seed(), in.reservePerBlock())
                .run(in.calls());
        SimulationReport p = new DispatchSimulator(deployment, emergency, patrol, in.seed(), in.reservePerBlock())
                .run(in.calls());
        int reach = PolicyFiguresOf.reachMinutes(s, p);
        Comparison.PolicyFigures stationFigures = PolicyFiguresOf.of(s, reach,
                HypercubeOf.of(deployment, in.calls(), emergency, s, in.method()));
        Comparison.PolicyFigures patrolFigures = PolicyFiguresOf.of(p, reach,
                HypercubeOf.of(deployment, in.calls(), emergency, p, in.method()));
        List<Comparison.BlockFigures> blocks = new ArrayList<>();
        for (int b = 0; b < in.plane().cells().size(); b++) {
            var block = in.plane().blocks().get(b);
            blocks.add(new Comparison.BlockFigures(block.code(), block.name(), in.unitsPerBlock()[b],
                    in.plane().cells().areaKm2(b), PolicyFiguresOf.callsOfBlock(s, b),
                    PolicyFiguresOf.medianOfBlock(s, b), PolicyFiguresOf.medianOfBlock(p, b),
                    s.meanWorkloadOfBlock(b), p.meanWorkloadOfBlock(b)));
        }
        double stationMedian = s.responseMinutes().median();
        Double ratio = stationMedian > 0 ? p.responseMinutes().median() / stationMedian : null;
        return new Comparison(stream, blocks, stationFigures, patrolFigures, recorded, ratio,
                (System.nanoTime() - start) / 1_000_000);
    }
}
