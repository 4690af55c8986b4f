package cn.civicloop.planning.internal.model;

/**
 * Driving time as straight-line distance × detour factor ÷ speed: the same rule the dispatch module falls back to
 * without a road network, and the one Larson's book uses (with a metric instead of a detour factor).
 */
public record StraightLineTravel(double detourFactor, double speedKmh) {

    public StraightLineTravel {
        if (!(detourFactor >= 1) || !(speedKmh > 0)) {
            throw new IllegalArgumentException("detour factor must be ≥ 1 and speed positive");
        }
    }

    public double seconds(PlanePoint from, PlanePoint to) {
        return from.distanceTo(to) * detourFactor / speedKmh * 3600;
    }
}
