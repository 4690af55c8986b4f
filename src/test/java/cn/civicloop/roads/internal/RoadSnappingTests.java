package cn.civicloop.roads.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.civicloop.geo.GeoPoint;
import cn.civicloop.roads.Snap;

/**
 * Snapping a point to its road segment, in metres at the district's latitude (34.86° N), where a degree of
 * longitude (≈ 91.4 km) is a fifth shorter than a degree of latitude (≈ 110.9 km).
 */
class RoadSnappingTests {

    private static final double LAT = 34.86;
    private static final double LON = 117.55;
    private static final RoadsProperties PROPERTIES = new RoadsProperties(30, 0.3, Duration.ofHours(2), null,
            Duration.ofMinutes(10), Duration.ofMinutes(30), false);

    /** A north–south segment 1 km long starting at (LAT, LON). */
    private static final Segment NORTH_SOUTH = segment(1, "NS", List.of(new double[] {LON, LAT},
            new double[] {LON, LAT + 1000 / 110_900.0}));
    /** An east–west segment 40 m north of NORTH_SOUTH's start, running east from 500 m west of it. */
    private static final Segment EAST_WEST = segment(2, "EW", List.of(
            new double[] {LON - 500 / 91_400.0, LAT + 40 / 110_900.0},
            new double[] {LON - 10 / 91_400.0, LAT + 40 / 110_900.0}));

    private final SegmentIndex network = new SegmentIndex(() -> List.of(NORTH_SOUTH, EAST_WEST), PROPERTIES);

    @Test
    void anImportOnAnotherInstanceIsSeenWithinTheRecheckTime() {
        // The stored segments and their fingerprint, as another instance's import leaves them.
        java.util.concurrent.atomic.AtomicReference<List<Segment>> stored = new java.util.concurrent.atomic.AtomicReference<>(
                List.of(EAST_WEST));
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        SegmentIndex here = new SegmentIndex(stored::get, () -> "v" + stored.get().size(), PROPERTIES, nanos::get);
        GeoPoint onNorthSouth = new GeoPoint(LAT + 300 / 110_900.0, LON);
        assertThat(here.snap(onNorthSouth)).isEmpty();

        stored.set(List.of(NORTH_SOUTH, EAST_WEST)); // imported elsewhere
        nanos.addAndGet(SegmentIndex.RECHECK.toNanos() - 1);
        assertThat(here.snap(onNorthSouth)).as("not yet rechecked").isEmpty();
        nanos.addAndGet(1);
        assertThat(here.snap(onNorthSouth)).map(Snap::segmentCode).contains("NS");
    }

    @Test
    void aPointOnASegmentSnapsToItWithItsPositionAlong() {
        GeoPoint onIt = new GeoPoint(LAT + 300 / 110_900.0, LON);
        Snap snap = network.snap(onIt).orElseThrow();
        assertThat(snap.segmentCode()).isEqualTo("NS");
        assertThat(snap.distanceMetres()).isLessThan(0.01);
        assertThat(snap.alongMetres()).isCloseTo(300, within(2.0));
        assertThat(snap.nearestLat()).isCloseTo(onIt.lat(), within(1e-7));
        assertThat(snap.nearestLon()).isCloseTo(onIt.lon(), within(1e-7));
    }

    @Test
    void aPointBeyondTheToleranceSnapsToNothing() {
        GeoPoint farEast = new GeoPoint(LAT + 500 / 110_900.0, LON + 60 / 91_400.0);
        assertThat(network.snap(farEast)).isEmpty();
        assertThat(network.snap(farEast, 70)).map(Snap::segmentCode).contains("NS");
    }

    @Test
    void theNearestOfTwoSegmentsWins() {
        // 25 m north of the NS start and 8 m west of it: 8 m from NS, 15 m below EW (which ends 10 m west of NS)
        GeoPoint between = new GeoPoint(LAT + 25 / 110_900.0, LON - 8 / 91_400.0);
        Snap snap = network.snap(between).orElseThrow();
        assertThat(snap.segmentCode()).isEqualTo("NS");
        assertThat(snap.distanceMetres()).isCloseTo(8, within(0.5));
        // 36 m north and 20 m west: 4 m below EW, 20 m from NS
        GeoPoint nearEw = new GeoPoint(LAT + 36 / 110_900.0, LON - 20 / 91_400.0);
        assertThat(network.snap(nearEw)).map(Snap::segmentCode).contains("EW");
    }

    @Test
    void distancesAreMetresNotDegrees() {
        // 27 m east of the NS segment: within 30 m. Treating the longitude offset as if it were latitude degrees
        // (× 111 km) would make it ≈ 33 m and miss the road.
        double offsetDegrees = 27 / new MetricFrame(LAT, LON).metresPerDegreeLon();
        GeoPoint east = new GeoPoint(LAT + 500 / 110_900.0, LON + offsetDegrees);
        assertThat(offsetDegrees * 111_320).isGreaterThan(30);
        Snap snap = network.snap(east).orElseThrow();
        assertThat(snap.distanceMetres()).isCloseTo(27, within(0.3));
        assertThat(haversine(east, new GeoPoint(snap.nearestLat(), snap.nearestLon()))).isCloseTo(27, within(0.3));
        // and 27 m north of the EW segment's line is as far as 27 m east of NS
        GeoPoint north = new GeoPoint(LAT + (40 + 27) / new MetricFrame(LAT, LON).metresPerDegreeLat(), LON - 200 / 91_400.0);
        assertThat(network.snap(north)).map(Snap::distanceMetres).hasValueSatisfying(d -> assertThat(d).isCloseTo(27, within(0.3)));
        GeoPoint tooFar = new GeoPoint(LAT + 500 / 110_900.0, LON + 33 / new MetricFrame(LAT, LON).metresPerDegreeLon());
        assertThat(network.snap(tooFar)).isEqualTo(Optional.empty());
    }

    @Test
    void metresPerDegreeAtTheDistrictsLatitude() {
        MetricFrame frame = new MetricFrame(LAT, LON);
        assertThat(frame.metresPerDegreeLat()).isCloseTo(110_930, within(30.0));
        assertThat(frame.metresPerDegreeLon()).isCloseTo(91_430, within(40.0));
    }

    private static Segment segment(long id, String code, List<double[]> coordinates) {
        return new Segment(id, code, code, code, 1, "A01", "片区", null, null, coordinates,
                SegmentIndex.lengthMetres(coordinates));
    }

    /** Great-circle distance on a sphere of the WGS84 mean radius: an independent check of the flat frame. */
    private static double haversine(GeoPoint a, GeoPoint b) {
        double r = 6_371_008.8;
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * r * Math.asin(Math.sqrt(h));
    }
}
