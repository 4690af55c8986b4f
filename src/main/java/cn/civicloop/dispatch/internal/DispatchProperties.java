package cn.civicloop.dispatch.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Settings of the 110 dispatch module ({@code civicloop.dispatch.*}), in one place with their defaults.
 *
 * @param blocks            how many blocks (块区) the street polygons are cut into on an empty database
 * @param rosterEpoch       the day crew A works the first shift of the 四班三运转 cycle; the roster counts from it
 * @param reservePerBlock   free units each block keeps for priority-1 calls: a call of a lower priority is offered
 *                          a unit only when its block has more than this many free
 * @param duplicate         when a new call joins an open incident instead of opening one
 * @param trackFlushMillis  how often the GPS fixes kept in memory are written to {@code dispatch_track}, in ms
 * @param pushTimeoutMillis how long a desk's or a unit's event stream stays open before the browser reconnects, in ms
 * @param straightLine      the travel model without a road network, and the road network's answer for what it cannot
 *                          place
 * @param roadNetwork       travel times on a road graph; only when an OSM extract is configured
 */
@ConfigurationProperties("civicloop.dispatch")
@Validated
public record DispatchProperties(
        @DefaultValue("8") @Min(1) int blocks,
        @DefaultValue("2026-01-01") @NotNull LocalDate rosterEpoch,
        @DefaultValue("1") @PositiveOrZero int reservePerBlock,
        @DefaultValue @Valid Duplicate duplicate,
        @DefaultValue("1000") @Positive long trackFlushMillis,
        @DefaultValue("900000") @Positive long pushTimeoutMillis,
        @DefaultValue @Valid StraightLine straightLine,
        @DefaultValue @Valid RoadGraphSettings roadNetwork) {

    /**
     * A call about the same place, of a similar kind and soon after joins the open incident (one event, many calls).
     *
     * @param metres at most this far from the open incident
     * @param window received at most this long after the open incident
     */
    public record Duplicate(@DefaultValue("200") @PositiveOrZero double metres,
            @DefaultValue("PT30M") @NotNull Duration window) {
    }

    /**
     * Great-circle distance × detour factor ÷ speed: the travel model without a road network, and the road-network
     * model's estimate while its graph loads and for positions off the network — the same figure either way, so a
     * dispatcher comparing a straight-line ETA with another one compares like with like.
     *
     * @param detourFactor how much longer a trip by road is than the straight line (≈ 1.3 in a city grid)
     * @param speedKmh     average urban driving speed assumed for it
     */
    public record StraightLine(@DefaultValue("1.3") @DecimalMin("1.0") double detourFactor,
            @DefaultValue("30") @Positive double speedKmh) {

        /** The defaults, for code that runs without Spring (tests, benchmarks). */
        public static final StraightLine DEFAULTS = new StraightLine(1.3, 30);
    }

    /**
     * Travel times on the road graph (路网) of an OpenStreetMap extract. The model exists only when {@code osmFile}
     * is set.
     *
     * @param osmFile              the OpenStreetMap extract ({@code .osm.pbf}, {@code .osm} or {@code .osm.gz})
     * @param graphDir             where the imported graph is kept; one sub-folder per extract (name and size), so a
     *                             restart loads in about a second instead of importing again
     * @param emergencySpeedFactor road times are divided by it: 1.0 is ordinary car driving (OSM-derived average
     *                             speeds of GraphHopper's bundled {@code car.json}); e.g. 1.2 for driving with siren
     *                             and lights. Applied after the search, so changing it needs no new import
     * @param snapToleranceMetres  how far a position may lie from the nearest drivable road; farther away (a unit in a
     *                             field, a bad GPS fix, a point outside the extract) it gets the straight-line estimate
     * @param accessSpeedKmh       speed for the piece between a position and the road it snaps to, at both ends, so
     *                             a far-off snap is never free
     * @param searchLimit          the backward search from the incident stops at this driving time (before the access
     *                             stretches are added); origins farther away are reported unreachable, which keeps one
     *                             query bounded on a large network
     */
    public record RoadGraphSettings(Path osmFile,
            @DefaultValue("data/graph") @NotNull Path graphDir,
            @DefaultValue("1.0") @Positive double emergencySpeedFactor,
            @DefaultValue("300") @PositiveOrZero double snapToleranceMetres,
            @DefaultValue("15") @Positive double accessSpeedKmh,
            @DefaultValue("30m") @NotNull Duration searchLimit) {

        /** An extract with the defaults (tests, benchmark). */
        public static RoadGraphSettings of(Path osmFile, Path graphDir) {
            return new RoadGraphSettings(osmFile, graphDir, 1.0, 300, 15, Duration.ofMinutes(30));
        }

        public RoadGraphSettings withEmergencySpeedFactor(double factor) {
            return new RoadGraphSettings(osmFile, graphDir, factor, snapToleranceMetres, accessSpeedKmh, searchLimit);
        }

        public RoadGraphSettings withSearchLimit(Duration limit) {
            return new RoadGraphSettings(osmFile, graphDir, emergencySpeedFactor, snapToleranceMetres, accessSpeedKmh,
                    limit);
        }
    }
}
