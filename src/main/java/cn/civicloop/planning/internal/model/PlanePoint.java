package cn.civicloop.planning.internal.model;

/** A point on a local plane, x east and y north, in kilometres. */
public record PlanePoint(double x, double y) {

    public double distanceTo(PlanePoint other) {
        return Math.hypot(x - other.x, y - other.y);
    }

    /** The point a fraction {@code t} (0…1) of the way from here to {@code other}. */
    public PlanePoint toward(PlanePoint other, double t) {
        return new PlanePoint(x + (other.x - x) * t, y + (other.y - y) * t);
    }
}
