package cn.civicloop.dispatch.travel;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the road-network travel times ({@code civicloop.dispatch.road-network.*}). The model exists only
 * when {@code osm-file} is set.
 *
 * @param osmFile              the OpenStreetMap extract ({@code .osm.pbf}, {@code .osm} or {@code .osm.gz})
 * @param graphDir             where the imported graph is kept; one sub-folder per extract (name and size), so a
 *                             restart loads in about a second instead of importing again
 * @param emergencySpeedFactor road times are divided by it: 1.0 is ordinary car driving (OSM-derived average
 *                             speeds of GraphHopper's bundled {@code car.json}); e.g. 1.2 for driving with siren and
 *                             lights. Applied after the search, so changing it needs no new import
 * @param snapToleranceMetres  how far a position may lie from the nearest drivable road; farther away (a unit in a
 *                             field, a bad GPS fix, a point outside the extract) it gets the straight-line estimate
 * @param accessSpeedKmh       speed for the piece between a position and the road it snaps to, at both ends, so
 *                             a far-off snap is never free
 * @param searchLimit          the backward search from the incident stops at this driving time (before the access
 *                             stretches are added); origins farther away are reported unreachable, which keeps one
 *                             query bounded on a large network
 *
 * The straight-line estimate used before the graph is ready and for positions off the network is the dispatch
 * module's straight-line model ({@link StraightLineProperties}, {@code civicloop.dispatch.straight-line.*}).
 */
@ConfigurationProperties("civicloop.dispatch.road-network")
record RoadNetworkProperties(Path osmFile,
        @DefaultValue("data/graph") Path graphDir,
        @DefaultValue("1.0") double emergencySpeedFactor,
        @DefaultValue("300") double snapToleranceMetres,
        @DefaultValue("15") double accessSpeedKmh,
        @DefaultValue("30m") Duration searchLimit) {

    RoadNetworkProperties {
        if (emergencySpeedFactor <= 0 || accessSpeedKmh <= 0 || searchLimit.isNegative() || searchLimit.isZero()) {
            throw new IllegalArgumentException("civicloop.dispatch.road-network: speed factor, access speed and "
                    + "search limit must be positive");
        }
    }

    static RoadNetworkProperties of(Path osmFile, Path graphDir) {
        return new RoadNetworkProperties(osmFile, graphDir, 1.0, 300, 15, Duration.ofMinutes(30));
    }

    RoadNetworkProperties withEmergencySpeedFactor(double factor) {
        return new RoadNetworkProperties(osmFile, graphDir, factor, snapToleranceMetres, accessSpeedKmh, searchLimit);
    }

    RoadNetworkProperties withSearchLimit(Duration limit) {
        return new RoadNetworkProperties(osmFile, graphDir, emergencySpeedFactor, snapToleranceMetres, accessSpeedKmh,
                limit);
    }
}
