package cn.civicloop.knowledge.internal;

import cn.civicloop.classifier.SearchTerms;

/**
 * A 64-bit print of a text (SimHash over its search terms): near-identical texts have prints that differ in few bits,
 * whatever names, numbers or dates were changed in them. Compared by {@link #distance}.
 */
public final class ReplyPrint {

    private ReplyPrint() {
    }

    public static long of(String text) {
        int[] votes = new int[64];
        for (String term : SearchTerms.of(text)) {
            long h = mix(term.hashCode());
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) == 1L ? 1 : -1;
            }
        }
        long print = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                print |= 1L << bit;
            }
        }
        return print;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** A 64-bit finaliser (SplitMix64): a string's 32-bit hash spread over all 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
