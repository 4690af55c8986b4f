package cn.civicloop.triage.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.civicloop.geo.GeoPoint;

/**
 * The place's description, made only when a match's reason asks for it, says what the comparison used, in the words
 * the reasons have always had.
 */
class PlaceTest {

    private static final Instant AT = Instant.parse("2026-12-07T02:00:00Z");

    @Test
    void theDescriptionNamesWhatWasCompared() {
        AppealText here = appeal(34.8597, 117.5546, "37040200100103", "370402001001");
        AppealText near = appeal(34.8607, 117.5546, "37040200100104", "370402001001");
        Place byDistance = Place.compare(here, near, 500);
        double metres = new GeoPoint(34.8597, 117.5546).metresTo(new GeoPoint(34.8607, 117.5546));
        assertThat(byDistance.compatible()).isTrue();
        assertThat(byDistance.distanceMeters()).isEqualTo(metres);
        assertThat(byDistance.description()).isEqualTo(Math.round(metres) + " m apart").isEqualTo("111 m apart");

        Place byGrid = Place.compare(appeal(null, null, "37040200100103", "370402001001"), here, 500);
        assertThat(byGrid.description()).isEqualTo("same grid 37040200100103");
        assertThat(byGrid.distanceMeters()).isNull();

        Place otherGrid = Place.compare(appeal(null, null, "37040200100104", null), here, 500);
        assertThat(otherGrid.compatible()).isFalse();
        assertThat(otherGrid.description()).isEqualTo("same grid 37040200100104");

        Place byCommunity = Place.compare(appeal(null, null, " ", "370402001001"), here, 500);
        assertThat(byCommunity.description()).isEqualTo("same community 370402001001");
        assertThat(byCommunity.known()).isTrue();

        Place none = Place.compare(appeal(null, null, null, null), here, 500);
        assertThat(none.description()).isEqualTo("place not comparable");
        assertThat(none.known()).isFalse();
        assertThat(none.compatible()).isTrue();
    }

    private static AppealText appeal(Double lat, Double lon, String grid, String community) {
        return new AppealText("A" + lat + grid + community, "路灯不亮", "门前路灯坏了", lat, lon, grid, community, AT);
    }
}
