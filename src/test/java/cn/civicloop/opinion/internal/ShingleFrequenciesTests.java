package cn.civicloop.opinion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The frequency table answers as a map of counts would, through growth and through removals that shift entries back
 * in the table: shingles crowded on few home slots (small values, and values equal modulo the table size) included.
 */
class ShingleFrequenciesTests {

    @Test
    void countsEqualAPlainMapThroughAddsRemovalsAndGrowth() {
        Random random = new Random(42);
        ShingleFrequencies table = new ShingleFrequencies();
        Map<Long, Integer> expected = new HashMap<>();
        long[] pool = new long[6000];
        for (int i = 0; i < pool.length; i++) {
            // a third random, a third small, a third multiples of 1024 (one home slot in the first table)
            pool[i] = switch (i % 3) {
                case 0 -> random.nextLong();
                case 1 -> i;
                default -> (long) i * 1024;
            };
        }
        for (int step = 0; step < 200_000; step++) {
            long shingle = pool[random.nextInt(pool.length)];
            if (random.nextInt(5) < 3) {
                table.increment(shingle);
                expected.merge(shingle, 1, Integer::sum);
            } else {
                table.decrement(shingle);
                expected.computeIfPresent(shingle, (k, n) -> n == 1 ? null : n - 1);
            }
            if (step % 25_000 == 0) {
                for (long s : pool) {
                    assertThat(table.count(s)).as("shingle %d at step %d", s, step)
                            .isEqualTo(expected.getOrDefault(s, 0));
                }
            }
        }
        for (long s : pool) {
            assertThat(table.count(s)).isEqualTo(expected.getOrDefault(s, 0));
        }
        // the weight of an unknown shingle and of a known one follow the counts: rarer weighs more
        long common = pool[1];
        for (int i = 0; i < 50; i++) {
            table.increment(common);
        }
        assertThat(table.weight(common)).isLessThan(table.weight(Long.MIN_VALUE + 7));
    }
}
