package cn.civicloop.planning.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Lloyd's k-means with k-means++ seeding; deterministic for a given seed. */
final class KMeans {

    private static final int ROUNDS = 200;

    private KMeans() {
    }

    static List<PlanePoint> centres(List<PlanePoint> points, int k, long seed) {
        if (points.size() < k) {
            throw new IllegalArgumentException("need at least " + k + " points, got " + points.size());
        }
        Random random = new Random(seed);
        List<PlanePoint> centres = new ArrayList<>();
        centres.add(points.get(random.nextInt(points.size())));
        double[] d2 = new double[points.size()];
        while (centres.size() < k) {
            double total = 0;
            for (int i = 0; i < points.size(); i++) {
                double d = nearestDistance(points.get(i), centres);
                d2[i] = d * d;
                total += d2[i];
            }
            double pick = random.nextDouble() * total;
            int chosen = points.size() - 1;
            for (int i = 0; i < points.size(); i++) {
                pick -= d2[i];
                if (pick <= 0) {
                    chosen = i;
                    break;
                }
            }
            centres.add(points.get(chosen));
        }
        for (int round = 0; round < ROUNDS; round++) {
            double[][] sums = new double[k][3];
            for (PlanePoint p : points) {
                int c = nearestIndex(p, centres);
                sums[c][0] += p.x();
                sums[c][1] += p.y();
                sums[c][2]++;
            }
            List<PlanePoint> next = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                next.add(sums[c][2] == 0 ? centres.get(c) : new PlanePoint(sums[c][0] / sums[c][2], sums[c][1] / sums[c][2]));
            }
            if (next.equals(centres)) {
                break;
            }
            centres = next;
        }
        return centres;
    }

    private static double nearestDistance(PlanePoint p, List<PlanePoint> centres) {
        return p.distanceTo(centres.get(nearestIndex(p, centres)));
    }

    private static int nearestIndex(PlanePoint p, List<PlanePoint> centres) {
        int best = 0;
        for (int i = 1; i < centres.size(); i++) {
            if (p.distanceTo(centres.get(i)) < p.distanceTo(centres.get(best))) {
                best = i;
            }
        }
        return best;
    }
}
