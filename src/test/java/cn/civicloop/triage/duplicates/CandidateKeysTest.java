package cn.civicloop.triage.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The keys are exact: every pair the finder's place comparison lets through shares a key, whatever place
 * information either side lacks, near cell borders, at several distances; and they are selective: appeals far
 * apart, or in another grid, share none.
 */
class CandidateKeysTest {

    private static final double LAT = 34.8597;
    private static final double LON = 117.5546;
    private static final String[] GRIDS = {null, "", " ", "37040200100103", "37040200100104"};
    private static final String[] COMMUNITIES = {null, "", "370402001001", "370402001002"};

    @Test
    void everyPairThePlaceComparisonAllowsSharesAKey() {
        Random random = new Random(20261207);
        int compatible = 0;
        for (int i = 0; i < 200_000; i++) {
            double distance = new double[] {500, 500, 100, 2_000, 20_000}[i % 5];
            AppealText a = random(random, distance);
            AppealText b = random(random, distance);
            Place place = Place.compare(a, b, distance);
            if (place.compatible()) {
                compatible++;
                assertThat(shared(CandidateKeys.toFind(a, distance), CandidateKeys.of(b)))
                        .as("%s and %s (%s) at %s m", a, b, place.description(), distance).isTrue();
            }
        }
        assertThat(compatible).as("the random pairs must exercise the guarantee").isGreaterThan(50_000);
    }

    @Test
    void appealsFarApartOrInOtherGridsShareNoKey() {
        AppealText here = appeal(LAT, LON, "37040200100103", "370402001001");
        AppealText kilometreAway = appeal(LAT + 0.009, LON, "37040200100104", "370402001001");
        AppealText otherGridNoPoint = appeal(null, null, "37040200100104", "370402001001");
        AppealText sameGridNoPoint = appeal(null, null, "37040200100103", "370402001002");
        AppealText nowhere = appeal(null, null, null, null);

        long[] asked = CandidateKeys.toFind(here, 500);
        assertThat(shared(asked, CandidateKeys.of(kilometreAway))).isFalse();
        assertThat(shared(asked, CandidateKeys.of(otherGridNoPoint))).isFalse();
        assertThat(shared(asked, CandidateKeys.of(sameGridNoPoint))).isTrue();
        assertThat(shared(asked, CandidateKeys.of(nowhere))).isTrue();
        assertThat(asked.length).as("cells of a 500 m box, grid, community, kinds").isLessThan(48);
        assertThat(Arrays.stream(asked).distinct().count()).isEqualTo(asked.length);
    }

    @Test
    void aLargeDistanceAsksForCoarseCells() {
        AppealText here = appeal(LAT, LON, null, null);
        AppealText tenKilometresAway = appeal(LAT + 0.085, LON, null, null);

        long[] asked = CandidateKeys.toFind(here, 10_000);
        assertThat(asked.length).isLessThan(CandidateKeys.MAX_FINE_CELLS);
        assertThat(shared(asked, CandidateKeys.of(tenKilometresAway))).isTrue();
    }

    private static AppealText random(Random random, double distance) {
        boolean point = random.nextInt(3) > 0;
        // near the cell borders and across them, within and beyond the distance
        double spread = distance * 2.5 / 111_000;
        double lat = LAT + (random.nextDouble() - 0.5) * spread;
        double lon = LON + (random.nextDouble() - 0.5) * spread * 1.3;
        boolean latitudeOnly = random.nextInt(12) == 0; // half a point is no point
        return appeal(point || latitudeOnly ? lat : null, point ? lon : null, GRIDS[random.nextInt(GRIDS.length)],
                COMMUNITIES[random.nextInt(COMMUNITIES.length)]);
    }

    private static AppealText appeal(Double lat, Double lon, String grid, String community) {
        return new AppealText("A", "t", "c", lat, lon, grid, community, Instant.EPOCH);
    }

    private static boolean shared(long[] asked, long[] stored) {
        return Arrays.stream(stored).anyMatch(k -> Arrays.stream(asked).anyMatch(a -> a == k));
    }
}
