package cn.civicloop.triage.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShinglesTest {

    @Test
    void normalisationKeepsOnlyLowerCaseHalfWidthLettersAndDigits() {
        assertThat(Shingles.normalise(" ３号楼ＬＥＤ灯，不亮！\u3000 Ok ")).isEqualTo("3号楼led灯不亮ok");
        assertThat(Shingles.normalise(" ，。！ ")).isEmpty();
    }

    @Test
    void oneAndTwoCharacterShinglesNeverSpanTitleAndContent() {
        assertThat(Shingles.of("路灯", "不亮")).hasSize(2 + 1 + 2 + 1);
        assertThat(Shingles.of(null, "路灯不亮")).hasSize(4 + 3);
        assertThat(Shingles.of("灯", null)).hasSize(1);
        assertThat(Shingles.of("灯灯灯灯", "")).hasSize(2);
    }

    @Test
    void stockPhrasesOfTheChannelsAreNotEvidence() {
        assertThat(Shingles.of("", "市民来电反映：路灯不亮，请尽快处理。")).isEqualTo(Shingles.of(null, "路灯不亮"));
        assertThat(Shingles.of("请尽快处理", "网民反映")).isEmpty();
    }

    @Test
    void jaccardIsExactAndZeroForEmptyText() {
        long[] a = Shingles.of(null, "路灯不亮");
        long[] b = Shingles.of(null, "路灯全黑");

        assertThat(Shingles.jaccard(a, a)).isEqualTo(1.0);
        assertThat(Shingles.jaccard(a, b)).isEqualTo(3.0 / 11);
        assertThat(Shingles.jaccard(a, new long[0])).isZero();
    }

    @Test
    void minHashEstimatesJaccard() {
        long[] a = Shingles.of("广济路路灯不亮", "广济路中段路灯不亮好几天了，晚上出行不安全，请尽快维修");
        long[] b = Shingles.of("广济路中段路灯不亮", "反映广济路中段路灯连续几天晚上不亮，请尽快维修");

        assertThat(MinHash.estimate(MinHash.of(a), MinHash.of(b))).isCloseTo(Shingles.jaccard(a, b), within(0.12));
        assertThat(MinHash.estimate(MinHash.of(a), MinHash.of(a))).isEqualTo(1.0);
        assertThat(MinHash.estimate(MinHash.of(new long[0]), MinHash.of(new long[0]))).isZero();
        assertThat(MinHash.of(a)).isEqualTo(MinHash.of(a.clone()));
    }

    @Test
    void haversineMatchesAKnownDistance() {
        // 0.01 degree of latitude is about 1.112 km everywhere.
        assertThat(new cn.civicloop.geo.GeoPoint(30.0, 120.0).metresTo(new cn.civicloop.geo.GeoPoint(30.01, 120.0)))
                .isCloseTo(1111.9, within(1.0));
    }
}
