package cn.civicloop.opinion.internal;

import cn.civicloop.triage.duplicates.ShingleWeights;
import cn.civicloop.triage.duplicates.Signature;

/**
 * Document frequencies of shingles over the posts in the window, giving each shingle the smoothed inverse document
 * frequency 1 + ln((N + 1) / (df + 1)): "A市", "咨询" and "问题" are in many headlines and weigh least, the name of
 * an estate or a project weighs most. The 1 keeps a topic's own words counting when they have become common
 * because the topic is large (or the batch small). Each shingle keeps ln(df + 1) with its count, so weighing a
 * shingle is one look-up and no logarithm. Not thread-safe; owned by one clusterer.
 */
final class ShingleFrequencies implements ShingleWeights {

    // An open-addressing table of primitive longs (linear probing, at most half full): weighing is the grouping's
    // most frequent step, and a HashMap of boxed Long keys took a fifth of the ingest threads' CPU samples (JFR).
    private long[] keys = new long[1024];
    /** How many posts hold the shingle; 0 marks a free slot (a shingle held by no post is not kept). */
    private int[] counts = new int[1024];
    /** ln(count + 1), so that weighing is one look-up and no logarithm. */
    private double[] logCounts = new double[1024];
    private int size;
    private int documents;
    private double logDocuments;

    void add(Signature signature) {
        setDocuments(documents + 1);
        signature.forEachShingle(this::increment);
    }

    void remove(Signature signature) {
        setDocuments(documents - 1);
        signature.forEachShingle(this::decrement);
    }

    private void setDocuments(int n) {
        documents = n;
        logDocuments = Math.log(n + 1.0);
    }

    @Override
    public double weight(long shingle) {
        int i = slot(shingle);
        return 1 + logDocuments - (counts[i] == 0 ? 0 : logCounts[i]);
    }

    /** Posts holding {@code shingle} (for the tests). */
    int count(long shingle) {
        return counts[slot(shingle)];
    }

    void increment(long shingle) {
        int i = slot(shingle);
        if (counts[i] == 0) {
            keys[i] = shingle;
            size++;
        }
        set(i, counts[i] + 1);
        if (2 * size > keys.length) {
            grow();
        }
    }

    void decrement(long shingle) {
        int i = slot(shingle);
        if (counts[i] == 0) {
            return;
        }
        if (counts[i] > 1) {
            set(i, counts[i] - 1);
            return;
        }
        counts[i] = 0;
        size--;
        // backward-shift deletion: move up each later entry of the run whose home slot the freed one now precedes,
        // so that no look-up stops at a hole before the key it looks for
        int mask = keys.length - 1;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (counts[j] == 0) {
                return;
            }
            int home = home(keys[j], mask);
            boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!stays) {
                keys[i] = keys[j];
                counts[i] = counts[j];
                logCounts[i] = logCounts[j];
                counts[j] = 0;
                i = j;
            }
        }
    }

    private void set(int i, int n) {
        counts[i] = n;
        logCounts[i] = Math.log(n + 1.0);
    }

    /** Where the shingle is, or the free slot where it would go. */
    private int slot(long shingle) {
        int mask = keys.length - 1;
        int i = home(shingle, mask);
        while (counts[i] != 0 && keys[i] != shingle) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int home(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        double[] oldLogs = logCounts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        logCounts = new double[oldKeys.length * 2];
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldCounts[k] != 0) {
                int i = slot(oldKeys[k]);
                keys[i] = oldKeys[k];
                counts[i] = oldCounts[k];
                logCounts[i] = oldLogs[k];
            }
        }
    }
}
