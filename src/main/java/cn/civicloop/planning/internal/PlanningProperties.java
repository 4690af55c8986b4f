package cn.civicloop.planning.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import cn.civicloop.dispatch.DispatchRecords;
import cn.civicloop.planning.RunRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Settings of the planning module ({@code civicloop.planning.*}).
 *
 * @param maxIncidents  the most incidents one run replays (at most the dispatch module's read cap, 20,000); a longer
 *                      period is cut after that many and the page says so
 * @param minIncidents  a period with fewer incidents a unit was sent to is refused: the page proposes a generated stream
 * @param periodDays    days of recorded incidents the page proposes, ending today
 * @param maxPeriodDays the longest period a run may read
 * @param maxUnits      the most units a run may place in all
 * @param exactMaxUnits the exact hypercube (2^N states) is offered only up to this many units; above, the approximation
 * @param timeLimit     a run still computing after this long is stopped
 * @param retention     runs older than this are deleted when a new one starts
 * @param cellKm        side of the square cells the blocks are cut into for the models (km); a cell belongs to the
 *                      block holding its centre
 * @param seed          seed of the patrol routes and of a generated stream, unless the request names one
 * @param generated     a generated stream's defaults
 * @param assumptions   the standing speeds and delays (the benchmark's fixed assumptions, docs/planning.md)
 */
@ConfigurationProperties("civicloop.planning")
@Validated
public record PlanningProperties(
        @DefaultValue("20000") @Min(100) @Max(DispatchRecords.MAX_INCIDENTS) int maxIncidents,
        @DefaultValue("20") @Min(2) int minIncidents,
        @DefaultValue("7") @Min(1) int periodDays,
        @DefaultValue("92") @Min(1) int maxPeriodDays,
        @DefaultValue("200") @Min(1) int maxUnits,
        @DefaultValue("12") @Min(1) @Max(16) int exactMaxUnits,
        @DefaultValue("2m") @NotNull Duration timeLimit,
        @DefaultValue("90d") @NotNull Duration retention,
        @DefaultValue("0.25") @DecimalMin("0.05") double cellKm,
        @DefaultValue("20261125") long seed,
        @DefaultValue @Valid Generated generated,
        @DefaultValue @Valid Assumptions assumptions) {

    /**
     * @param callsPerHour mean arrival rate of a generated stream
     * @param days         its length
     * @param maxCalls     a generated stream may hold at most this many calls (rate × hours)
     */
    public record Generated(@DefaultValue("12") @Positive double callsPerHour, @DefaultValue("14") @Min(1) int days,
            @DefaultValue("20000") @Min(100) int maxCalls) {
    }

    /**
     * @param emergencySpeedKmh     driving to a call: straight line × detour factor ÷ this speed
     * @param detourFactor          how much longer the road is than the straight line
     * @param processingSeconds     call received → order sent, the same for both policies (NFPA 1225: 90 % ≤ 60 s)
     * @param stationTurnoutSeconds order → car moving for a crew at the post (NFPA 1710 EMS turnout)
     * @param patrolTurnoutSeconds  order → car moving for a crew on patrol (acknowledge on the terminal and turn)
     * @param returnSpeedKmh        driving back to the post after a call
     * @param patrolSpeedKmh        patrolling the block
     */
    public record Assumptions(@DefaultValue("30") @Positive double emergencySpeedKmh,
            @DefaultValue("1.3") @DecimalMin("1.0") double detourFactor,
            @DefaultValue("60") @PositiveOrZero double processingSeconds,
            @DefaultValue("60") @PositiveOrZero double stationTurnoutSeconds,
            @DefaultValue("15") @PositiveOrZero double patrolTurnoutSeconds,
            @DefaultValue("25") @Positive double returnSpeedKmh,
            @DefaultValue("15") @Positive double patrolSpeedKmh) {

        RunRequest.Assumptions asRequest() {
            return new RunRequest.Assumptions(emergencySpeedKmh, detourFactor, processingSeconds, stationTurnoutSeconds,
                    patrolTurnoutSeconds, returnSpeedKmh, patrolSpeedKmh);
        }
    }
}
