package cn.civicloop.dispatch.internal;

import java.time.Duration;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Settings of the 110 desk ({@code civicloop.dispatch.*}); the travel models have their own groups
 * ({@code civicloop.dispatch.straight-line.*}, {@code civicloop.dispatch.road-network.*}).
 *
 * @param reservePerBlock  free units each block keeps for priority-1 calls: below priority 1 a block's last
 *                         {@code reservePerBlock} free units are not recommended
 * @param duplicate        when a new call joins an open incident instead of opening one
 * @param blocks           how many blocks (块区) the street polygons are cut into on an empty database
 * @param rosterEpoch      the day crew A works the night shift of the 四班三运转 cycle (the roster counts from it)
 * @param trackFlushMillis how often the GPS fixes kept in memory are written to {@code dispatch_track}
 */
@ConfigurationProperties("civicloop.dispatch")
@Validated
public record DispatchProperties(@DefaultValue("1") @Min(0) int reservePerBlock,
        @DefaultValue @Valid @NotNull Duplicate duplicate,
        @DefaultValue("8") @Min(1) int blocks,
        @DefaultValue("2026-01-01") @NotNull LocalDate rosterEpoch,
        @DefaultValue("1000") @Positive long trackFlushMillis) {

    /**
     * A call about an open police incident of a similar type (same group: traffic, crime, hazard, ...) close by and
     * recent is attached to it as a repeated call (重复报警).
     *
     * @param metres at most this far from the incident's place
     * @param window received at most this long after the incident
     */
    public record Duplicate(@DefaultValue("200") @Positive double metres, @DefaultValue("30m") @NotNull Duration window) {
    }
}
