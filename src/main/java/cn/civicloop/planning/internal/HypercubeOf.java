package cn.civicloop.planning.internal;

import java.util.Arrays;
import java.util.List;

import cn.civicloop.planning.Comparison;
import cn.civicloop.planning.DispatchPolicy;
import cn.civicloop.planning.HypercubeMethod;
import cn.civicloop.planning.internal.model.Call;
import cn.civicloop.planning.internal.model.Deployment;
import cn.civicloop.planning.internal.model.Hypercube;
import cn.civicloop.planning.internal.model.HypercubeApproximation;
import cn.civicloop.planning.internal.model.HypercubeExact;
import cn.civicloop.planning.internal.model.HypercubeResult;
import cn.civicloop.planning.internal.model.PlanHypercube;
import cn.civicloop.planning.internal.model.PlanHypercube.IdlePosition;
import cn.civicloop.planning.internal.model.PlanHypercube.Preference;
import cn.civicloop.planning.internal.model.SimulationReport;
import cn.civicloop.planning.internal.model.StraightLineTravel;

/**
 * The hypercube model of one simulated policy: 坐等接警 as units at their post with own-block-first preference lists,
 * 动态巡处 as units spread over their block sent by mean travel time (Larson's patrol model, not live positions);
 * 1/μ is the policy's mean order → clear time in the simulation. It knows neither the reserve nor live positions.
 */
final class HypercubeOf {

    /** The model's limit on units (states are bit sets of a long). */
    static final int MAX_UNITS = 62;

    private HypercubeOf() {
    }

    static Comparison.HypercubeFigures of(Deployment deployment, List<Call> calls, StraightLineTravel travel,
            SimulationReport report, HypercubeMethod method) {
        double service = report.responses().stream().mapToDouble(r -> r.clearedAt() - r.dispatchedAt()).average()
                .orElse(0) / 60;
        int units = deployment.unitCount();
        if (units > MAX_UNITS) {
            return refused(method, service, "TOO_MANY_UNITS");
        }
        double minutes = calls.size() < 2 ? 0 : (calls.get(calls.size() - 1).receivedAt() - calls.get(0).receivedAt()) / 60;
        if (!(minutes > 0) || !(service > 0)) {
            return refused(method, service, "TOO_FEW_CALLS");
        }
        if (calls.size() / minutes >= units / service) {
            return refused(method, service, "OVERLOADED");
        }
        boolean station = report.policy() == DispatchPolicy.STATION;
        Hypercube model = PlanHypercube.build(deployment, calls, travel, service,
                station ? IdlePosition.STATION : IdlePosition.PATROL_AREA,
                station ? Preference.OWN_BLOCK_FIRST : Preference.CLOSEST);
        long start = System.nanoTime();
        HypercubeResult result = method == HypercubeMethod.EXACT ? HypercubeExact.solve(model)
                : HypercubeApproximation.solve(model);
        long millis = (System.nanoTime() - start) / 1_000_000;
        double[] workloads = result.workloads();
        return new Comparison.HypercubeFigures(method, service, result.meanTravel(),
                Arrays.stream(workloads).average().orElse(0), Arrays.stream(workloads).max().orElse(0),
                result.allBusy(), result.crossDistrictFraction(), millis, null);
    }

    private static Comparison.HypercubeFigures refused(HypercubeMethod method, double service, String why) {
        return new Comparison.HypercubeFigures(method, service, null, null, null, null, null, null, why);
    }
}
