package cn.civicloop.dispatch.travel;

import java.util.ArrayList;
import java.util.List;

import cn.civicloop.geo.GeoPoint;

/**
 * The road-network model's own straight-line estimate (great-circle distance × detour factor ÷ speed), flagged
 * {@code byRoad=false}. It answers while the graph is still loading and for positions the network cannot place.
 * Kept private to this package: the dispatch module's general straight-line model is a separate bean, and this
 * class may be replaced by it once both live together.
 */
final class StraightLineFallback implements TravelTimeModel {

    private static final double EARTH_RADIUS_METRES = 6_371_000;

    private final double detourFactor;
    private final double metresPerSecond;

    StraightLineFallback(RoadNetworkProperties.StraightLine settings) {
        if (settings.detourFactor() < 1 || settings.speedKmh() <= 0) {
            throw new IllegalArgumentException("straight-line fallback: detour factor must be >= 1 and speed > 0");
        }
        this.detourFactor = settings.detourFactor();
        this.metresPerSecond = settings.speedKmh() / 3.6;
    }

    @Override
    public List<TravelEstimate> toward(GeoPoint destination, List<GeoPoint> origins) {
        List<TravelEstimate> estimates = new ArrayList<>(origins.size());
        for (GeoPoint origin : origins) {
            estimates.add(estimate(origin, destination));
        }
        return estimates;
    }

    TravelEstimate estimate(GeoPoint origin, GeoPoint destination) {
        double metres = metres(origin, destination) * detourFactor;
        return new TravelEstimate(metres / metresPerSecond, metres, false);
    }

    @Override
    public String label() {
        return "直线×绕行系数";
    }

    /** Great-circle distance (haversine). */
    static double metres(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
