package cn.civicloop.cameras.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.civicloop.cameras.NearbyCamera;

/**
 * An immutable grid of the registry's cameras in memory: cells of {@code cellDegrees} of latitude and longitude,
 * each holding its cameras. A search reads only the cells its radius' bounding box touches, measures each camera
 * there on the sphere (haversine) and keeps those within the radius, nearest first.
 */
final class CameraGrid {

    static final double EARTH_RADIUS = 6_371_008.8;
    private static final double METRES_PER_DEGREE = Math.PI * EARTH_RADIUS / 180;

    private final double cell;
    private final Map<Long, Camera[]> cells;
    private final int size;

    CameraGrid(List<Camera> cameras, double cellDegrees) {
        this.cell = cellDegrees;
        Map<Long, List<Camera>> building = new HashMap<>();
        for (Camera c : cameras) {
            building.computeIfAbsent(key(row(c.lat()), column(c.lon())), k -> new ArrayList<>()).add(c);
        }
        Map<Long, Camera[]> done = new HashMap<>(building.size() * 2);
        building.forEach((k, v) -> done.put(k, v.toArray(Camera[]::new)));
        this.cells = done;
        this.size = cameras.size();
    }

    int size() {
        return size;
    }

    List<NearbyCamera> nearest(double lat, double lon, double radius, int limit) {
        double dLat = radius / METRES_PER_DEGREE;
        double dLon = radius / (METRES_PER_DEGREE * Math.max(0.01, Math.cos(Math.toRadians(lat))));
        long r0 = row(lat - dLat), r1 = row(lat + dLat), c0 = column(lon - dLon), c1 = column(lon + dLon);
        List<NearbyCamera> found = new ArrayList<>();
        for (long r = r0; r <= r1; r++) {
            for (long c = c0; c <= c1; c++) {
                Camera[] here = cells.get(key(r, c));
                if (here == null) {
                    continue;
                }
                for (Camera camera : here) {
                    double d = distance(lat, lon, camera.lat(), camera.lon());
                    if (d <= radius) {
                        found.add(new NearbyCamera(camera.code(), camera.name(), camera.lat(), camera.lon(),
                                camera.owner(), camera.status(), camera.kind(), d));
                    }
                }
            }
        }
        found.sort(Comparator.comparingDouble(NearbyCamera::distanceMeters).thenComparing(NearbyCamera::code));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /** The great-circle distance in metres between two WGS84 points. */
    static double distance(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private long row(double lat) {
        return (long) Math.floor(lat / cell);
    }

    private long column(double lon) {
        return (long) Math.floor(lon / cell);
    }

    private static long key(long row, long column) {
        return (row << 32) ^ (column & 0xffffffffL);
    }
}
