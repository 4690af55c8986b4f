package cn.civicloop.triage.duplicates;

/**
 * MinHash signatures of shingle sets: the share of equal positions in two signatures estimates their Jaccard
 * similarity (standard error about sqrt(J(1-J)/128), at most 0.045). Chosen over SimHash because it estimates the
 * very quantity that is then confirmed exactly, so the pre-filter and the decision cannot disagree in kind, and
 * because SimHash's Hamming distance is unreliable for texts of a few dozen shingles like ours. The signatures are
 * also what an LSH banding index would need if the recent window ever grows far beyond ten thousand appeals.
 * Seeds are fixed, so signatures (and therefore results) are the same in every run and on every node.
 */
final class MinHash {

    static final int SIZE = 128;
    /** Bits of each position kept in the packed pre-filter ({@link #lowBits}). */
    static final int LOW_BITS = 16;

    private static final int LANES = Long.SIZE / LOW_BITS;
    private static final long LOW_MASK = (1L << LOW_BITS) - 1;
    private static final long LANE_LOW_15 = 0x7FFF_7FFF_7FFF_7FFFL;

    private static final long[] SEEDS = new long[SIZE];

    static {
        long state = 0x5DEECE66DL;
        for (int i = 0; i < SIZE; i++) {
            state += 0x9E3779B97F4A7C15L;
            SEEDS[i] = mix(state);
        }
    }

    private MinHash() {
    }

    static long[] of(long[] shingles) {
        long[] signature = new long[SIZE];
        java.util.Arrays.fill(signature, Long.MAX_VALUE);
        for (long shingle : shingles) {
            long base = mix(shingle);
            for (int i = 0; i < SIZE; i++) {
                long h = mix(base ^ SEEDS[i]);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    /** Estimated Jaccard similarity; 0 for empty sets, whose signatures are all {@code Long.MAX_VALUE}. */
    static double estimate(long[] a, long[] b) {
        int equal = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i] && a[i] != Long.MAX_VALUE) {
                equal++;
            }
        }
        return (double) equal / SIZE;
    }

    /**
     * The low {@value #LOW_BITS} bits of each position, four to a {@code long} (a quarter of the signature's bytes):
     * equal positions have equal low bits, so the count of equal low bits is never below that of equal positions,
     * and a pair rejected on it would have been rejected on the whole signature.
     */
    static long[] lowBits(long[] signature) {
        long[] packed = new long[SIZE / LANES];
        for (int i = 0; i < SIZE; i++) {
            packed[i / LANES] |= (signature[i] & LOW_MASK) << (i % LANES * LOW_BITS);
        }
        return packed;
    }

    /** Positions whose low bits are equal in the two packed signatures ({@link #lowBits}), at most {@link #SIZE}. */
    static int equalLowBits(long[] a, long[] b) {
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            long x = a[i] ^ b[i];
            // a lane's top bit ends up set unless the lane is all zero (exact: the sum cannot carry out of the lane)
            long nonZero = ((x & LANE_LOW_15) + LANE_LOW_15) | x | LANE_LOW_15;
            equal += Long.bitCount(~nonZero);
        }
        return equal;
    }

    /** SplitMix64 finaliser: cheap, and good enough avalanche that 128 seeded variants act as independent hashes. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
