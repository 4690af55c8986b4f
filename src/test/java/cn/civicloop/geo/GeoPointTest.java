package cn.civicloop.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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
}
