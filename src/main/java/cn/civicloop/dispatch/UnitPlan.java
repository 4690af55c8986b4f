package cn.civicloop.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The current unit plan (警力部署) of block policing: the blocks, how many units each has in all and on duty in the
 * shift running at {@code at}, and the reserve the desk keeps per block for priority-1 calls.
 *
 * @param dutyDate        the roster day of the running shift (district time)
 * @param shift           the running shift: {@code NIGHT}, {@code DAY} or {@code EVENING} (四班三运转)
 * @param crewOnDuty      the crew working it (A–D)
 * @param reservePerBlock free units a block keeps for priority-1 calls ({@code civicloop.dispatch.reserve-per-block})
 */
public record UnitPlan(Instant at, LocalDate dutyDate, String shift, String crewOnDuty, int reservePerBlock,
        List<PlannedBlock> blocks) {

    public UnitPlan {
        blocks = List.copyOf(blocks);
    }

    /**
     * A block (块区) of the plan.
     *
     * @param outlineWkt  its polygon as WKT in WGS84 degrees (x = longitude, y = latitude)
     * @param postLat     its post (警务站), where units wait and report
     * @param units       units of every crew
     * @param onDuty      units of the crew on duty
     * @param outOfService units of the crew on duty that are out of service now
     */
    public record PlannedBlock(String code, String name, String outlineWkt, double postLat, double postLon,
            String postName, int units, int onDuty, int outOfService) {
    }
}
