package cn.civicloop.planning;

import java.time.Instant;
import java.util.List;

/**
 * The figures of one run: the call stream, then for each policy what the simulator measured and what the hypercube
 * model says, per block, and — for recorded incidents — what the desk actually achieved. Times in minutes.
 *
 * @param station        坐等接警
 * @param patrol         动态巡处
 * @param recorded       the recorded response of the same incidents (null for a generated stream)
 * @param medianRatio    patrol median response ÷ station median response (null when the station median is 0)
 * @param computeMillis  how long the models took
 */
public record Comparison(Stream stream, List<BlockFigures> blocks, PolicyFigures station, PolicyFigures patrol,
        RecordedFigures recorded, Double medianRatio, long computeMillis) {

    public Comparison {
        blocks = List.copyOf(blocks);
    }

    /**
     * The calls that were replayed.
     *
     * @param calls          calls replayed
     * @param excluded       recorded incidents left out because no unit was sent (cancelled, diverted, still open)
     * @param capped         the period held more incidents than {@code cap}; only the first {@code cap} were used
     * @param onSceneAssumed calls whose time on scene was not recorded and took the median of the others
     * @param areaKm2        served area of the blocks
     */
    public record Stream(CallSource source, int calls, int excluded, boolean capped, int cap, int onSceneAssumed,
            Instant firstCall, Instant lastCall, double hours, double callsPerHour, double areaKm2, int units,
            int reservePerBlock) {
    }

    /** Median, mean and 90th percentile; null when there is no value. */
    public record Spread(Double median, Double mean, Double p90) {
    }

    /**
     * One policy.
     *
     * @param response        received → first unit on scene
     * @param travel          driving only
     * @param busyMean        mean share of the run a unit spent between order and clearing
     * @param crossBlock      share of calls answered by a unit of another block
     * @param queued          calls that found no unit they could take and waited
     * @param reachedWithin   share of calls with a unit on scene within each whole minute 0, 1, 2 … (for the chart)
     */
    public record PolicyFigures(DispatchPolicy policy, Spread response, Spread travel, double busyMean, double busyMax,
            double crossBlock, long queued, Double priority1Median, int priority1Calls, List<Double> reachedWithin,
            HypercubeFigures hypercube) {

        public PolicyFigures {
            reachedWithin = List.copyOf(reachedWithin);
        }
    }

    /**
     * The hypercube model for the same plan: units at the post (own block first) for 坐等接警, spread over their block
     * and sent by mean travel time for 动态巡处; 1/μ is the policy's mean order → clear time in the simulation.
     *
     * @param refusal null when solved; else why not: {@code OVERLOADED} (calls arrive faster than the units can serve
     *                them), {@code TOO_MANY_UNITS} (more than 62), {@code TOO_FEW_CALLS}
     */
    public record HypercubeFigures(HypercubeMethod method, double serviceMinutes, Double meanTravel, Double busyMean,
            Double busyMax, Double allBusy, Double crossBlock, Long solveMillis, String refusal) {
    }

    /** One block under both policies. */
    public record BlockFigures(String code, String name, int units, double areaKm2, int calls, Double stationMedian,
            Double patrolMedian, double stationBusy, double patrolBusy) {
    }

    /**
     * What the desk recorded for the replayed incidents.
     *
     * @param response   received → first unit on scene
     * @param toScene    first order → first unit on scene (turnout and driving)
     */
    public record RecordedFigures(int incidents, Spread response, Spread toScene, Double priority1Median) {
    }
}
