package cn.civicloop.dispatch.travel;

import java.util.ArrayList;
import java.util.List;

import cn.civicloop.geo.GeoPoint;

/**
 * Travel time without a road network: great-circle distance × a detour factor (streets are not straight lines;
 * about 1.3 in a city grid) ÷ an average urban driving speed. The fallback when no OSM extract is configured.
 */
public final class StraightLineTravelTimes implements TravelTimeModel {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final double detourFactor;
    private final double metresPerSecond;

    public StraightLineTravelTimes(double detourFactor, double kilometresPerHour) {
        if (detourFactor < 1 || kilometresPerHour <= 0) {
            throw new IllegalArgumentException("detour factor must be >= 1 and speed > 0");
        }
        this.detourFactor = detourFactor;
        this.metresPerSecond = kilometresPerHour / 3.6;
    }

    @Override
    public List<TravelEstimate> toward(GeoPoint destination, List<GeoPoint> origins) {
        List<TravelEstimate> out = new ArrayList<>(origins.size());
        for (GeoPoint o : origins) {
            double metres = haversine(o, destination) * detourFactor;
            out.add(new TravelEstimate(metres / metresPerSecond, metres, false));
        }
        return out;
    }

    @Override
    public String label() {
        return "直线×" + detourFactor + "÷" + Math.round(metresPerSecond * 3.6) + "km/h";
    }

    public static double haversine(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
