package cn.civicloop.dispatch.internal.travel;

import java.util.ArrayList;
import java.util.List;

import cn.civicloop.dispatch.internal.DispatchProperties;
import cn.civicloop.geo.GeoPoint;

/**
 * Travel time without a road network: great-circle distance × a detour factor (streets are not straight lines;
 * about 1.3 in a city grid) ÷ an average urban driving speed ({@link DispatchProperties.StraightLine}). The model when no
 * OSM extract is configured, and the road-network model's answer for what the network cannot place.
 */
public final class StraightLineTravelTimes implements TravelTimeModel {

    private final double detourFactor;
    private final double metresPerSecond;

    public StraightLineTravelTimes(DispatchProperties.StraightLine settings) {
        this(settings.detourFactor(), settings.speedKmh());
    }

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
            out.add(estimate(o, destination));
        }
        return out;
    }

    /** One origin's estimate, flagged {@code byRoad=false}. */
    public TravelEstimate estimate(GeoPoint origin, GeoPoint destination) {
        double metres = origin.metresTo(destination) * detourFactor;
        return new TravelEstimate(metres / metresPerSecond, metres, false);
    }

    @Override
    public String label() {
        return "直线×" + detourFactor + "÷" + Math.round(metresPerSecond * 3.6) + "km/h";
    }
}
