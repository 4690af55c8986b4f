package cn.civicloop.dispatch.internal.travel;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.civicloop.dispatch.internal.DispatchProperties.RoadGraphSettings;

/**
 * GraphHopper's Andorra test extract (../shared/datasets/geo/andorra.osm.pbf, © OpenStreetMap contributors, ODbL),
 * read in place and never copied into the repository. A missing file is an error, not a skip. The graph is built
 * under target/ once per JVM.
 */
final class Andorra {

    static final Path OSM_FILE = Path.of(System.getProperty("dispatch.shared.geo",
            "../shared/datasets/geo")).resolve("andorra.osm.pbf");
    static final Path GRAPH_DIR = Path.of("target/road-network-graph");

    private static RoadNetworkTravelTimes shared;

    private Andorra() {
    }

    static Path osmFile() {
        if (!Files.isRegularFile(OSM_FILE)) {
            throw new IllegalStateException("shared OSM extract missing: " + OSM_FILE.toAbsolutePath()
                    + " (expected the shared folder next to the project, or -Ddispatch.shared.geo=...)");
        }
        return OSM_FILE;
    }

    static RoadGraphSettings settings() {
        return RoadGraphSettings.of(osmFile(), GRAPH_DIR);
    }

    /** One loaded model for all tests of the JVM: the graph is read-only. */
    static synchronized RoadNetworkTravelTimes travelTimes() {
        if (shared == null) {
            RoadNetworkTravelTimes model = new RoadNetworkTravelTimes(settings());
            model.loadNow();
            shared = model;
        }
        return shared;
    }
}
