package cn.civicloop.planning;

import java.time.LocalDate;
import java.util.Map;

/**
 * What to compare. Every field may be left out: the run fills it from the unit plan and the standing assumptions, and
 * keeps the completed request with its figures, so a run can be repeated exactly.
 *
 * @param source          recorded incidents of a period, or a generated stream
 * @param from            RECORDED: first day of the period (district time)
 * @param to              RECORDED: last day of the period, inclusive
 * @param callsPerHour    GENERATED: mean arrival rate
 * @param days            GENERATED: length of the stream
 * @param unitsPerBlock   units on duty per block code; a block left out gets its units on duty now
 * @param reservePerBlock free units a block keeps for priority-1 calls; left out: the 110 desk's setting
 * @param assumptions     speeds and delays; a value left out takes the standing one
 * @param hypercube       how the hypercube is solved (approximation unless asked)
 * @param seed            seed of the patrol routes and of the generated stream
 */
public record RunRequest(CallSource source, LocalDate from, LocalDate to, Double callsPerHour, Integer days,
        Map<String, Integer> unitsPerBlock, Integer reservePerBlock, Assumptions assumptions, HypercubeMethod hypercube,
        Long seed) {

    public RunRequest {
        unitsPerBlock = unitsPerBlock == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(unitsPerBlock));
    }

    /**
     * The speeds and delays both policies are run with.
     *
     * @param emergencySpeedKmh      driving to a call: straight line × detour factor ÷ this speed
     * @param detourFactor           how much longer the road is than the straight line
     * @param processingSeconds      call received → order sent (the same 110 desk for both policies)
     * @param stationTurnoutSeconds  order → car moving for a crew waiting at the post
     * @param patrolTurnoutSeconds   order → car moving for a crew on patrol (already in the car)
     * @param returnSpeedKmh         driving back to the post after a call (坐等接警)
     * @param patrolSpeedKmh         patrolling the block (动态巡处)
     */
    public record Assumptions(Double emergencySpeedKmh, Double detourFactor, Double processingSeconds,
            Double stationTurnoutSeconds, Double patrolTurnoutSeconds, Double returnSpeedKmh, Double patrolSpeedKmh) {
    }
}
