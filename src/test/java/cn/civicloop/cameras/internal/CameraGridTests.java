package cn.civicloop.cameras.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.civicloop.cameras.CameraStatus;
import cn.civicloop.cameras.NearbyCamera;

/** The grid finds exactly the cameras a full scan finds within the radius, nearest first, whatever the cell size. */
class CameraGridTests {

    @Test
    void nearestEqualsAFullScanOrderedByDistance() {
        Random random = new Random(7);
        List<Camera> cameras = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            cameras.add(new Camera(String.format("C%05d", i), "c" + i, 34.78 + random.nextDouble() * 0.12,
                    117.48 + random.nextDouble() * 0.14, "单位", CameraStatus.ONLINE, "枪机"));
        }
        for (double cell : new double[] { 0.001, 0.01, 0.1 }) {
            CameraGrid grid = new CameraGrid(cameras, cell);
            for (int q = 0; q < 50; q++) {
                double lat = 34.78 + random.nextDouble() * 0.12, lon = 117.48 + random.nextDouble() * 0.14;
                double radius = 50 + random.nextDouble() * 1500;
                List<String> expected = cameras.stream()
                        .filter(c -> CameraGrid.distance(lat, lon, c.lat(), c.lon()) <= radius)
                        .sorted(Comparator.comparingDouble((Camera c) -> CameraGrid.distance(lat, lon, c.lat(), c.lon()))
                                .thenComparing(Camera::code))
                        .map(Camera::code).limit(1000).toList();
                List<NearbyCamera> found = grid.nearest(lat, lon, radius, 1000);
                assertThat(found).extracting(NearbyCamera::code).as("cell %s query %d", cell, q).isEqualTo(expected);
                assertThat(found).allSatisfy(c -> assertThat(c.distanceMeters()).isLessThanOrEqualTo(radius));
            }
        }
    }

    @Test
    void theLimitKeepsTheNearestAndTiesGoByCode() {
        List<Camera> cameras = List.of(
                new Camera("B", "b", 34.8009, 117.5, "u", CameraStatus.ONLINE, "球机"),
                new Camera("A", "a", 34.8009, 117.5, "u", CameraStatus.OFFLINE, "球机"),
                new Camera("C", "c", 34.8001, 117.5, "u", CameraStatus.ONLINE, "球机"),
                new Camera("FAR", "far", 34.9, 117.5, "u", CameraStatus.ONLINE, "球机"));
        CameraGrid grid = new CameraGrid(cameras, 0.01);
        assertThat(grid.nearest(34.8, 117.5, 500, 10)).extracting(NearbyCamera::code).containsExactly("C", "A", "B");
        assertThat(grid.nearest(34.8, 117.5, 500, 2)).extracting(NearbyCamera::code).containsExactly("C", "A");
        assertThat(grid.nearest(34.8, 117.5, 50, 10)).extracting(NearbyCamera::code).containsExactly("C");
        assertThat(grid.nearest(34.8, 117.5, 500, 10).get(0).distanceMeters()).isBetween(10.0, 12.0);
    }
}
