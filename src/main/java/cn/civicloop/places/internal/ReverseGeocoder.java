package cn.civicloop.places.internal;

import java.util.Optional;

import cn.civicloop.geo.GeoPoint;
import cn.civicloop.places.NearbyPlace;

/** A point → the nearest doorplate, gate or named place within reach, and the nearest road. */
final class ReverseGeocoder {

    /** Closer than this a person stands at the place itself: no "附近". */
    private static final double AT_THE_DOOR = 15;
    private static final double ROAD_REACH = 80;

    private final int reach;

    ReverseGeocoder(int reach) {
        this.reach = reach;
    }

    Optional<NearbyPlace> nearest(GazetteerIndex index, GeoPoint p) {
        GazetteerNode node = index.cells.nearest(p, reach);
        if (node == null) {
            return Optional.empty();
        }
        long metres = Math.round(p.metresTo(new GeoPoint(node.element.lat(), node.element.lon())));
        String road = nearestRoad(index, p);
        String label = metres <= AT_THE_DOOR ? node.label()
                : node.label() + "附近 约" + Math.max(10, Math.round(metres / 10.0) * 10) + "米";
        return Optional.of(new NearbyPlace(node.candidate(1.0), metres, road, label));
    }

    private static String nearestRoad(GazetteerIndex index, GeoPoint p) {
        String best = null;
        double bestMetres = ROAD_REACH;
        for (GazetteerNode road : index.roads) {
            double d = road.line == null || !road.line.mayBeWithin(p, bestMetres) ? Double.MAX_VALUE
                    : road.line.distance(p);
            if (d < bestMetres) {
                bestMetres = d;
                best = road.element.name();
            }
        }
        return best;
    }
}
