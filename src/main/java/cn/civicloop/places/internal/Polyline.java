package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.List;

import cn.civicloop.geo.GeoPoint;

/**
 * A line of WGS84 points measured in metres on a local flat projection (good to well under a metre over a district):
 * walking along a road to place doorplates, and the distance from a point to a road.
 */
final class Polyline {

    static final double METRES_PER_DEGREE_LAT = 110_574.0;
    private static final double METRES_PER_DEGREE_LON_EQUATOR = 111_320.0;

    private final double[] xs;
    private final double[] ys;
    private final double[] along;
    private final double lonScale;
    /** The line's box in degrees (south, west, north, east), to skip it at once for a point far from it. */
    private final double[] box = {90, 180, -90, -180};

    Polyline(List<GeoPoint> points) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("a line needs two points");
        }
        lonScale = METRES_PER_DEGREE_LON_EQUATOR * Math.cos(Math.toRadians(points.get(0).lat()));
        xs = new double[points.size()];
        ys = new double[points.size()];
        along = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = points.get(i).lon() * lonScale;
            ys[i] = points.get(i).lat() * METRES_PER_DEGREE_LAT;
            along[i] = i == 0 ? 0 : along[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
            box[0] = Math.min(box[0], points.get(i).lat());
            box[1] = Math.min(box[1], points.get(i).lon());
            box[2] = Math.max(box[2], points.get(i).lat());
            box[3] = Math.max(box[3], points.get(i).lon());
        }
    }

    /**
     * Whether the point may lie within {@code metres} of the line: false only when it is farther than that from the
     * line's box (a cheap test before {@link #distance}, which reads every segment).
     */
    boolean mayBeWithin(GeoPoint p, double metres) {
        double dLat = metres / METRES_PER_DEGREE_LAT;
        double dLon = metres / lonScale;
        return p.lat() >= box[0] - dLat && p.lat() <= box[2] + dLat && p.lon() >= box[1] - dLon
                && p.lon() <= box[3] + dLon;
    }

    /** Parses {@code lon lat;lon lat;…}. */
    static Polyline parse(String line) {
        List<GeoPoint> points = new ArrayList<>();
        for (String pair : line.split(";")) {
            String[] ll = pair.trim().split("\\s+");
            points.add(new GeoPoint(Double.parseDouble(ll[1]), Double.parseDouble(ll[0])));
        }
        return new Polyline(points);
    }

    double length() {
        return along[along.length - 1];
    }

    /**
     * The point {@code metres} along the line, moved {@code offset} metres to its left (negative: right) —
     * where a doorplate stands beside the road.
     */
    GeoPoint at(double metres, double offset) {
        int i = 1;
        while (i < along.length - 1 && along[i] < metres) {
            i++;
        }
        double dx = xs[i] - xs[i - 1];
        double dy = ys[i] - ys[i - 1];
        double len = Math.max(1e-9, along[i] - along[i - 1]);
        double t = Math.max(0, Math.min(1, (metres - along[i - 1]) / len));
        double x = xs[i - 1] + dx * t - dy / len * offset;
        double y = ys[i - 1] + dy * t + dx / len * offset;
        return new GeoPoint(y / METRES_PER_DEGREE_LAT, x / lonScale);
    }

    /** The shortest distance in metres from the point to the line. */
    double distance(GeoPoint p) {
        double px = p.lon() * lonScale;
        double py = p.lat() * METRES_PER_DEGREE_LAT;
        double best = Double.MAX_VALUE;
        for (int i = 1; i < xs.length; i++) {
            double dx = xs[i] - xs[i - 1];
            double dy = ys[i] - ys[i - 1];
            double l2 = dx * dx + dy * dy;
            double t = l2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - xs[i - 1]) * dx + (py - ys[i - 1]) * dy) / l2));
            best = Math.min(best, Math.hypot(px - xs[i - 1] - t * dx, py - ys[i - 1] - t * dy));
        }
        return best;
    }

    /** Where this line crosses {@code other}, if it does (the first crossing found). */
    java.util.Optional<GeoPoint> crossing(Polyline other) {
        // the other line's x in this line's projection (each scales longitude at its own first point)
        double k = lonScale / other.lonScale;
        for (int i = 1; i < xs.length; i++) {
            for (int j = 1; j < other.xs.length; j++) {
                double[] hit = cross(xs[i - 1], ys[i - 1], xs[i], ys[i], other.xs[j - 1] * k, other.ys[j - 1],
                        other.xs[j] * k, other.ys[j]);
                if (hit != null) {
                    return java.util.Optional.of(new GeoPoint(hit[1] / METRES_PER_DEGREE_LAT, hit[0] / lonScale));
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static double[] cross(double ax, double ay, double bx, double by, double cx, double cy, double dx,
            double dy) {
        double d = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
        if (Math.abs(d) < 1e-9) {
            return null;
        }
        double t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / d;
        double u = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / d;
        return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? new double[] { ax + t * (bx - ax), ay + t * (by - ay) } : null;
    }

    /** {@code lon lat;lon lat;…} with six decimals (about 0.1 m). */
    static String format(List<GeoPoint> points) {
        StringBuilder s = new StringBuilder();
        for (GeoPoint p : points) {
            if (!s.isEmpty()) {
                s.append(';');
            }
            s.append(String.format(java.util.Locale.ROOT, "%.6f %.6f", p.lon(), p.lat()));
        }
        return s.toString();
    }
}
