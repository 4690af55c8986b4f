package cn.civicloop.classifier.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers every term seen while training (词表编号), so that thousands of tokenised texts are kept as int arrays
 * rather than string maps, and re-fitting the vocabulary for each cross-validation fold needs no re-tokenising.
 */
public final class TermIndex {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> terms = new ArrayList<>();

    /** A training text as sorted term ids with their counts. */
    public record Document(int[] terms, int[] counts, InputShape shape) {
    }

    public synchronized Document document(Map<String, Integer> termCounts, InputShape shape) {
        int[] termIds = new int[termCounts.size()];
        int i = 0;
        for (String term : termCounts.keySet()) {
            termIds[i++] = ids.computeIfAbsent(term, t -> {
                terms.add(t);
                return terms.size() - 1;
            });
        }
        java.util.Arrays.sort(termIds);
        int[] counts = new int[termIds.length];
        for (int j = 0; j < termIds.length; j++) {
            counts[j] = termCounts.get(terms.get(termIds[j]));
        }
        return new Document(termIds, counts, shape);
    }

    public synchronized String term(int id) {
        return terms.get(id);
    }

    public synchronized int size() {
        return terms.size();
    }
}
