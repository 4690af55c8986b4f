package cn.civicloop.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoPointTest {

    @Test
    void acceptsTheCornersOfTheWorld() {
        assertThat(new GeoPoint(90, 180)).isEqualTo(new GeoPoint(90.0, 180.0));
        assertThat(new GeoPoint(-90, -180).lat()).isEqualTo(-90);
    }

    @ParameterizedTest
    @CsvSource({"90.0001, 0, latitude", "-91, 0, latitude", "NaN, 0, latitude", "Infinity, 0, latitude",
            "0, 180.5, longitude", "0, -181, longitude", "0, NaN, longitude", "0, -Infinity, longitude"})
    void rejectsImpossibleCoordinatesNamingTheCulprit(double lat, double lon, String culprit) {
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(lat, lon))
                .withMessageContaining(culprit);
    }

    @Test
    void catchesSwappedLatitudeAndLongitudeInChina() {
        // Zaozhuang written as (lon, lat): 117 is no latitude.
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(117.55, 34.85))
                .withMessageContaining("latitude").withMessageContaining("117.55");
    }

    @Test
    void oneDegreeAlongAMeridianIsTheMeanRadiusArc() {
        // R₁ = 6,371,008.8 m: π R / 180 = 111,195.08 m (6,371,000 m would give 111,194.93)
        assertThat(new GeoPoint(34, 117).metresTo(new GeoPoint(35, 117))).isCloseTo(111_195.08, within(0.01));
        assertThat(new GeoPoint(34.8, 117.3).metresTo(new GeoPoint(34.8, 117.3))).isZero();
        GeoPoint a = new GeoPoint(34.8107, 117.3237);
        GeoPoint b = new GeoPoint(34.8597, 117.5546);
        assertThat(a.metresTo(b)).isEqualTo(b.metresTo(a));
    }

    @Test
    void landsEndToJohnOGroatsIsThePublishedGreatCircleDistance() {
        // the textbook haversine example (Chris Veness, "Calculate distance between two latitude-longitude points"):
        // 50°03′59″N 5°42′53″W to 58°38′38″N 3°04′12″W is 968.9 km on the mean-radius sphere
        GeoPoint landsEnd = new GeoPoint(50 + 3 / 60.0 + 59 / 3600.0, -(5 + 42 / 60.0 + 53 / 3600.0));
        GeoPoint johnOGroats = new GeoPoint(58 + 38 / 60.0 + 38 / 3600.0, -(3 + 4 / 60.0 + 12 / 3600.0));
        assertThat(landsEnd.metresTo(johnOGroats)).isCloseTo(968_900, withinPercentage(0.1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Land's End – John o' Groats, 50.0664, -5.7147, 58.6439, -3.07",
            "枣庄 – 上海, 34.8107, 117.3237, 31.2304, 121.4737",
            "枣庄 – 济南, 34.8107, 117.3237, 36.6512, 117.1201",
            "北京 – 上海, 39.9042, 116.4074, 31.2304, 121.4737",
            "市中区 across, 34.8300, 117.5000, 34.8700, 117.6000"})
    void cityDistancesAreWithinTheSpheresHalfPercentOfTheWgs84Ellipsoid(String pair, double lat1, double lon1,
            double lat2, double lon2) {
        // a sphere cannot do better in every direction: here N–S pairs come out 0.2 % long, E–W ones 0.13 % short
        double sphere = new GeoPoint(lat1, lon1).metresTo(new GeoPoint(lat2, lon2));
        assertThat(sphere).as(pair).isCloseTo(vincenty(lat1, lon1, lat2, lon2), withinPercentage(0.5));
    }

    /** Vincenty's inverse formula on the WGS84 ellipsoid (1975), an independent reference accurate to a millimetre. */
    private static double vincenty(double lat1, double lon1, double lat2, double lon2) {
        double a = 6_378_137, f = 1 / 298.257223563, b = a * (1 - f);
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - f) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - f) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1), cosU1 = Math.cos(u1), sinU2 = Math.sin(u2), cosU2 = Math.cos(u2);
        double lambda = l, previous;
        double sinSigma, cosSigma, sigma, cosSqAlpha, cos2SigmaM;
        int iterations = 0;
        do {
            double sinLambda = Math.sin(lambda), cosLambda = Math.cos(lambda);
            sinSigma = Math.sqrt(Math.pow(cosU2 * sinLambda, 2) + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cosSqAlpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
            double c = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha));
            previous = lambda;
            lambda = l + (1 - c) * f * sinAlpha
                    * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        } while (Math.abs(lambda - previous) > 1e-12 && ++iterations < 200);
        double uSq = cosSqAlpha * (a * a - b * b) / (b * b);
        double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
        return b * bigA * (sigma - deltaSigma);
    }

    @Test
    void theDistanceFromPrecomputedCosinesIsBitForBitTheHaversineOfThePoints() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            double lat = Math.max(-90, Math.min(90, 34.8 + random.nextGaussian() * (i % 2 == 0 ? 0.01 : 20)));
            double lon = Math.max(-180, Math.min(180, 117.5 + random.nextGaussian() * (i % 2 == 0 ? 0.01 : 40)));
            double otherLat = Math.max(-90, Math.min(90, lat + random.nextGaussian() * 0.005));
            double otherLon = Math.max(-180, Math.min(180, lon + random.nextGaussian() * 0.005));
            double dLat = Math.toRadians(otherLat - lat);
            double dLon = Math.toRadians(otherLon - lon);
            double sinLat = Math.sin(dLat / 2);
            double sinLon = Math.sin(dLon / 2);
            // the formula as metresTo computed it before the cosines could be passed in
            double h = sinLat * sinLat
                    + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(otherLat)) * sinLon * sinLon;
            double expected = 2 * GeoPoint.MEAN_EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));

            double metres = GeoPoint.metres(lat, lon, GeoPoint.cosLatitude(lat), otherLat, otherLon,
                    GeoPoint.cosLatitude(otherLat));
            assertThat(Double.doubleToRawLongBits(metres)).isEqualTo(Double.doubleToRawLongBits(expected));
            assertThat(new GeoPoint(lat, lon).metresTo(new GeoPoint(otherLat, otherLon))).isEqualTo(expected);
        }
    }
}
