package cn.civicloop.triage.duplicates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The packed low bits of a signature count equal positions as a plain loop over the low 16 bits would. */
class MinHashTest {

    @Test
    void equalLowBitsCountsEveryLaneWhateverBitsDiffer() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            long[] a = new long[MinHash.SIZE];
            long[] b = new long[MinHash.SIZE];
            for (int i = 0; i < MinHash.SIZE; i++) {
                a[i] = random.nextLong();
                b[i] = switch (random.nextInt(6)) {
                    case 0 -> a[i];                                   // equal position
                    case 1 -> a[i] ^ (1L << (16 + random.nextInt(48))); // equal low bits only
                    case 2 -> a[i] ^ 0x8000;                          // the lane's top bit differs
                    case 3 -> a[i] ^ 1;                               // the lane's lowest bit differs
                    case 4 -> a[i] ^ 0xFFFF;                          // every bit of the lane differs
                    default -> random.nextLong();
                };
            }
            int expected = 0;
            int equalPositions = 0;
            for (int i = 0; i < MinHash.SIZE; i++) {
                expected += (a[i] & 0xFFFF) == (b[i] & 0xFFFF) ? 1 : 0;
                equalPositions += a[i] == b[i] ? 1 : 0;
            }

            int counted = MinHash.equalLowBits(MinHash.lowBits(a), MinHash.lowBits(b));

            assertThat(counted).isEqualTo(expected).isGreaterThanOrEqualTo(equalPositions);
        }
    }

    @Test
    void aSignatureHasAllItsLowBitsInCommonWithItself() {
        long[] signature = MinHash.of(Shingles.of("广济路路灯不亮", "晚上全黑"));
        assertThat(MinHash.equalLowBits(MinHash.lowBits(signature), MinHash.lowBits(signature)))
                .isEqualTo(MinHash.SIZE);
        long[] other = MinHash.of(Shingles.of("井盖缺失", "行人容易踩空"));
        assertThat(MinHash.equalLowBits(MinHash.lowBits(signature), MinHash.lowBits(other)))
                .isLessThan(MinHash.SIZE / 4);
    }
}
