package cn.civicloop.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChinaDatumTest {

    // The district seat of 市中区 as a Chinese map app reports it.
    private static final GeoPoint ZAOZHUANG_SEAT_GCJ02 = new GeoPoint(34.8567, 117.5573);

    @Test
    void wgs84ToGcj02AndBackLosesLessThanADecimetreAllOverChina() {
        double worst = 0;
        for (double lat = 18.0; lat <= 53.0; lat += 0.7) {
            for (double lon = 73.3; lon <= 135.0; lon += 0.9) {
                GeoPoint wgs = new GeoPoint(lat, lon);
                GeoPoint back = ChinaDatum.gcj02ToWgs84(ChinaDatum.wgs84ToGcj02(wgs));
                worst = Math.max(worst, Distances.metres(wgs, back));
            }
        }
        assertThat(worst).isLessThan(0.1);
    }

    @Test
    void gcj02ToWgs84AndBackLosesLessThanADecimetreAllOverChina() {
        double worst = 0;
        for (double lat = 18.05; lat <= 53.0; lat += 0.7) {
            for (double lon = 73.35; lon <= 135.0; lon += 0.9) {
                GeoPoint gcj = new GeoPoint(lat, lon);
                GeoPoint again = ChinaDatum.wgs84ToGcj02(ChinaDatum.gcj02ToWgs84(gcj));
                worst = Math.max(worst, Distances.metres(gcj, again));
            }
        }
        assertThat(worst).isLessThan(0.1);
    }

    @Test
    void theOffsetInZaozhuangIsAFewHundredMetres() {
        GeoPoint wgs = ChinaDatum.gcj02ToWgs84(ZAOZHUANG_SEAT_GCJ02);
        assertThat(Distances.metres(wgs, ZAOZHUANG_SEAT_GCJ02)).isBetween(200.0, 800.0);
        // Here GCJ-02 pushes points about 500 m east (and a little south), so the true position lies west of it.
        assertThat(ZAOZHUANG_SEAT_GCJ02.lon() - wgs.lon()).isBetween(0.004, 0.007);
    }

    @Test
    void theForwardTransformMatchesTheWidelyPublishedReferenceValue() {
        // Test vector used by the common open-source implementations (e.g. eviltransform) for central Beijing.
        GeoPoint gcj = ChinaDatum.wgs84ToGcj02(new GeoPoint(39.915, 116.404));
        assertThat(gcj.lat()).isCloseTo(39.91640428150164, within(1e-9));
        assertThat(gcj.lon()).isCloseTo(116.41024449916938, within(1e-9));
    }

    @Test
    void theInverseIsFarBetterThanTheOneStepApproximation() {
        GeoPoint wgs = new GeoPoint(34.85, 117.55);
        GeoPoint gcj = ChinaDatum.wgs84ToGcj02(wgs);
        GeoPoint offsetAtGcj = ChinaDatum.wgs84ToGcj02(gcj);
        GeoPoint oneStep = new GeoPoint(2 * gcj.lat() - offsetAtGcj.lat(), 2 * gcj.lon() - offsetAtGcj.lon());
        assertThat(Distances.metres(oneStep, wgs)).isGreaterThan(0.1);
        assertThat(Distances.metres(ChinaDatum.gcj02ToWgs84(gcj), wgs)).isLessThan(0.001);
    }

    @Test
    void pointsOutsideChinaAreUnchanged() {
        GeoPoint london = new GeoPoint(51.5074, -0.1278);
        GeoPoint tokyo = new GeoPoint(35.6812, 139.7671);
        assertThat(ChinaDatum.wgs84ToGcj02(london)).isEqualTo(london);
        assertThat(ChinaDatum.gcj02ToWgs84(london)).isEqualTo(london);
        assertThat(ChinaDatum.gcj02ToWgs84(tokyo)).isEqualTo(tokyo);
        assertThat(ChinaDatum.toWgs84(tokyo, Datum.GCJ02)).isEqualTo(tokyo);
    }

    @Test
    void toWgs84ConvertsOnlyWhatIsNotWgs84Already() {
        assertThat(ChinaDatum.toWgs84(ZAOZHUANG_SEAT_GCJ02, Datum.WGS84)).isSameAs(ZAOZHUANG_SEAT_GCJ02);
        assertThat(ChinaDatum.toWgs84(ZAOZHUANG_SEAT_GCJ02, Datum.GCJ02))
                .isEqualTo(ChinaDatum.gcj02ToWgs84(ZAOZHUANG_SEAT_GCJ02));
    }
}
