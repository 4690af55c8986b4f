package cn.civicloop.opinion.internal;

import java.util.HashMap;
import java.util.Map;

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

    /** How many posts hold the shingle, and ln(that + 1). */
    private static final class Count {
        int documents;
        double logDocuments;

        void set(int n) {
            documents = n;
            logDocuments = Math.log(n + 1.0);
        }
    }

    private final Map<Long, Count> counts = new HashMap<>();
    private int documents;
    private double logDocuments;

    void add(Signature signature) {
        setDocuments(documents + 1);
        signature.forEachShingle(s -> {
            Count c = counts.computeIfAbsent(s, k -> new Count());
            c.set(c.documents + 1);
        });
    }

    void remove(Signature signature) {
        setDocuments(documents - 1);
        signature.forEachShingle(s -> {
            Count c = counts.get(s);
            if (c != null) {
                if (c.documents <= 1) {
                    counts.remove(s);
                } else {
                    c.set(c.documents - 1);
                }
            }
        });
    }

    private void setDocuments(int n) {
        documents = n;
        logDocuments = Math.log(n + 1.0);
    }

    @Override
    public double weight(long shingle) {
        Count c = counts.get(shingle);
        return 1 + logDocuments - (c == null ? 0 : c.logDocuments);
    }
}
