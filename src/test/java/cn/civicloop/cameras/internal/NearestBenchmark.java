package cn.civicloop.cameras.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import cn.civicloop.cameras.CameraStatus;

/**
 * The nearest-camera search on a registry of N cameras (default 50,000) spread over the district's box (34.70–34.95 N,
 * 117.40–117.70 E; denser than any real district, so a search reads more cameras per cell than it would in service):
 * the time to build the grid and the latency of 20,000 searches per radius after a warm-up, as p50/p95/p99. Run:
 * {@code java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) cn.civicloop.cameras.internal.NearestBenchmark [N]}.
 */
public final class NearestBenchmark {

    private NearestBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Random random = new Random(42);
        List<Camera> cameras = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cameras.add(new Camera(String.format(Locale.ROOT, "B%06d", i), "c" + i, 34.70 + random.nextDouble() * 0.25,
                    117.40 + random.nextDouble() * 0.30, "单位", CameraStatus.ONLINE, "枪机"));
        }
        long t0 = System.nanoTime();
        CameraGrid grid = new CameraGrid(cameras, 0.01);
        System.out.printf(Locale.ROOT, "cameras=%d grid build %.1f ms%n", n, (System.nanoTime() - t0) / 1e6);
        for (int radius : new int[] { 200, 500, 1000, 2000 }) {
            for (int w = 0; w < 20_000; w++) {
                grid.nearest(34.70 + random.nextDouble() * 0.25, 117.40 + random.nextDouble() * 0.30, radius, 10);
            }
            int q = 20_000;
            long[] micros = new long[q];
            long found = 0;
            for (int i = 0; i < q; i++) {
                double lat = 34.70 + random.nextDouble() * 0.25, lon = 117.40 + random.nextDouble() * 0.30;
                long s = System.nanoTime();
                found += grid.nearest(lat, lon, radius, 10).size();
                micros[i] = (System.nanoTime() - s) / 1000;
            }
            Arrays.sort(micros);
            System.out.printf(Locale.ROOT, "radius %5d m: p50 %d us, p95 %d us, p99 %d us, max %d us (%.1f found per search, limit 10)%n",
                    radius, micros[q / 2], micros[q * 95 / 100], micros[q * 99 / 100], micros[q - 1],
                    found / (double) q);
        }
    }
}
