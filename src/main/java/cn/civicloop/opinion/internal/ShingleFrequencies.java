package cn.civicloop.opinion.internal;

import java.util.HashMap;
import java.util.Map;

import cn.civicloop.triage.duplicates.ShingleWeights;
import cn.civicloop.triage.duplicates.Signature;

/**
 * Document frequencies of shingles over the posts in the window, giving each shingle the smoothed inverse document
 * frequency 1 + ln((N + 1) / (df + 1)): "A市", "咨询" and "问题" are in many headlines and weigh least, the name of
 * an estate or a project weighs most. The 1 keeps a topic's own words counting when they have become common
 * because the topic is large (or the batch small). Not thread-safe; owned by one clusterer.
 */
final class ShingleFrequencies implements ShingleWeights {

    private final Map<Long, int[]> counts = new HashMap<>();
    private int documents;

    void add(Signature signature) {
        documents++;
        signature.forEachShingle(s -> counts.computeIfAbsent(s, k -> new int[1])[0]++);
    }

    void remove(Signature signature) {
        documents--;
        signature.forEachShingle(s -> {
            int[] c = counts.get(s);
            if (c != null && --c[0] <= 0) {
                counts.remove(s);
            }
        });
    }

    @Override
    public double weight(long shingle) {
        int[] c = counts.get(shingle);
        return 1 + Math.log((documents + 1.0) / ((c == null ? 0 : c[0]) + 1.0));
    }
}
