package cn.civicloop.places.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Douglas–Peucker simplification of a line in degrees: keeps the first and last vertex and every vertex farther
 * than {@code tolerance} from the chord of the part it lies in. At a map zoom a tolerance of one screen pixel drops
 * what nobody could see and keeps the shape.
 */
final class Simplify {

    private Simplify() {
    }

    /** The degrees one screen pixel spans at {@code zoom} (256-pixel web-map tiles), at the equator. */
    static double pixelDegrees(int zoom) {
        return 360.0 / (256.0 * Math.pow(2, zoom));
    }

    /** The vertices (lon, lat) kept; a line of two vertices or fewer comes back as it is. */
    static List<double[]> line(List<double[]> points, double tolerance) {
        int n = points.size();
        if (n <= 2 || tolerance <= 0) {
            return points;
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        // an explicit stack: a road of thousands of vertices must not recurse that deep
        int[] stack = new int[2 * n];
        int top = 0;
        stack[top++] = 0;
        stack[top++] = n - 1;
        while (top > 0) {
            int last = stack[--top];
            int first = stack[--top];
            double worst = -1;
            int at = -1;
            for (int i = first + 1; i < last; i++) {
                double d = distance(points.get(i), points.get(first), points.get(last));
                if (d > worst) {
                    worst = d;
                    at = i;
                }
            }
            if (at >= 0 && worst > tolerance) {
                keep[at] = true;
                stack[top++] = first;
                stack[top++] = at;
                stack[top++] = at;
                stack[top++] = last;
            }
        }
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                kept.add(points.get(i));
            }
        }
        return kept;
    }

    /** Distance of p from the segment a–b, in degrees (plane geometry is enough at a district's size). */
    private static double distance(double[] p, double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length));
        double x = a[0] + t * dx - p[0];
        double y = a[1] + t * dy - p[1];
        return Math.sqrt(x * x + y * y);
    }
}
