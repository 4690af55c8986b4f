package cn.civicloop.dispatch.internal.travel;

/**
 * How long a unit needs to reach a place, and how far it drives.
 *
 * @param seconds estimated driving time; {@link Double#POSITIVE_INFINITY} when the place cannot be reached
 * @param metres  length of the route (or of the straight line times the detour factor)
 * @param byRoad  true when the figure comes from the road network, false when it is the straight-line estimate
 */
public record TravelEstimate(double seconds, double metres, boolean byRoad) {

    public static TravelEstimate unreachable() {
        return new TravelEstimate(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, true);
    }

    public boolean reachable() {
        return Double.isFinite(seconds);
    }
}
