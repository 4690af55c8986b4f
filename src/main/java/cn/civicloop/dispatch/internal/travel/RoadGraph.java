package cn.civicloop.dispatch.internal.travel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.PMap;

import cn.civicloop.geo.GeoPoint;

/**
 * A GraphHopper road graph (路网) imported from an OSM extract, with the car profile of GraphHopper's bundled
 * {@code car.json} (OSM average speeds, no access where cars may not drive, no turn costs). Read-only after loading,
 * so one instance serves concurrent queries; each query builds its own small overlay of snapped points.
 */
final class RoadGraph implements AutoCloseable {

    static final String PROFILE = "car";
    /** Part of the cache folder name: bump it when the profile or the encoded values change. */
    private static final String GRAPH_LAYOUT = "car-v1";

    private final GraphHopper hopper;
    private final Weighting weighting;
    private final EdgeFilter snapFilter;

    private RoadGraph(GraphHopper hopper) {
        this.hopper = hopper;
        this.weighting = hopper.createWeighting(hopper.getProfile(PROFILE), new PMap());
        // only roads a car may use, and only the main connected network: a unit snapped onto an isolated parking
        // lane would otherwise be unreachable from everywhere
        this.snapFilter = new DefaultSnapFilter(weighting,
                hopper.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(PROFILE)));
    }

    /** Imports the extract into {@code graphDir} the first time, later only loads the stored graph. */
    static RoadGraph importOrLoad(Path osmFile, Path graphDir) {
        if (!Files.isRegularFile(osmFile)) {
            throw new IllegalStateException("OSM extract not found: " + osmFile.toAbsolutePath());
        }
        GraphHopper hopper = new GraphHopper();
        hopper.setOSMFile(osmFile.toString());
        hopper.setGraphHopperLocation(cacheFolder(osmFile, graphDir).toString());
        hopper.setEncodedValuesString("car_access, car_average_speed");
        hopper.setProfiles(new Profile(PROFILE).setCustomModel(GHUtility.loadCustomModelFromJar("car.json")));
        hopper.importOrLoad();
        return new RoadGraph(hopper);
    }

    /** One folder per extract (name and size) so a replaced extract is imported again instead of silently ignored. */
    static Path cacheFolder(Path osmFile, Path graphDir) {
        try {
            String name = osmFile.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            return graphDir.resolve(name + "-" + Files.size(osmFile) + "-" + GRAPH_LAYOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The nearest point on a drivable road of the main network; {@link Snap#isValid()} is false when none is near. */
    Snap snap(GeoPoint point) {
        return hopper.getLocationIndex().findClosest(point.lat(), point.lon(), snapFilter);
    }

    BaseGraph graph() {
        return hopper.getBaseGraph();
    }

    Weighting weighting() {
        return weighting;
    }

    /** For tests and the benchmark: GraphHopper's own point-to-point routing on the same graph. */
    GraphHopper graphHopper() {
        return hopper;
    }

    @Override
    public void close() {
        hopper.close();
    }
}
