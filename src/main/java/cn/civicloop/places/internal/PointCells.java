package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.civicloop.geo.GeoPoint;

/** Points in square cells of about 100 m, for the nearest doorplate or place to a point. */
final class PointCells {

    static final double CELL_DEGREES = 0.001;

    private final Map<Long, List<GazetteerNode>> cells = new HashMap<>();

    void add(GazetteerNode node) {
        cells.computeIfAbsent(key(cell(node.element.lat()), cell(node.element.lon())), k -> new ArrayList<>()).add(node);
    }

    /**
     * The nearest node within {@code reach} metres, or null. Candidates are compared by a flat-earth distance (exact
     * enough over a few hundred metres, and without the trigonometry of the great circle for each of them).
     */
    GazetteerNode nearest(GeoPoint p, double reach) {
        int rings = (int) Math.ceil(reach / 90.0) + 1;
        long lat = cell(p.lat());
        long lon = cell(p.lon());
        double lonScale = Math.cos(Math.toRadians(p.lat()));
        double reachDegrees = reach / Polyline.METRES_PER_DEGREE_LAT;
        GazetteerNode best = null;
        double bestSquared = reachDegrees * reachDegrees;
        for (long i = lat - rings; i <= lat + rings; i++) {
            for (long j = lon - rings; j <= lon + rings; j++) {
                List<GazetteerNode> nodes = cells.get(key(i, j));
                if (nodes == null) {
                    continue;
                }
                for (GazetteerNode n : nodes) {
                    double dLat = n.element.lat() - p.lat();
                    double dLon = (n.element.lon() - p.lon()) * lonScale;
                    double squared = dLat * dLat + dLon * dLon;
                    if (squared <= bestSquared) {
                        bestSquared = squared;
                        best = n;
                    }
                }
            }
        }
        // the reach is kept in metres of the great circle, as the answer reports them
        return best == null || p.metresTo(new GeoPoint(best.element.lat(), best.element.lon())) > reach ? null : best;
    }

    private static long cell(double degrees) {
        return (long) Math.floor(degrees / CELL_DEGREES);
    }

    private static long key(long lat, long lon) {
        return lat * 1_000_000L + lon;
    }
}
