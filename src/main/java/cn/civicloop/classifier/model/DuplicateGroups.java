package cn.civicloop.classifier.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups rows that share a title or a body text (重复文本), transitively, so that cross-validation keeps a message,
 * its title-only row and its body-only row on the same side of every split.
 */
public final class DuplicateGroups {

    private DuplicateGroups() {
    }

    /** A group id per row; {@code null} or blank texts link nothing. */
    public static int[] of(List<String> titles, List<String> details) {
        int n = titles.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstRowOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            link(parent, firstRowOf, "t" + TextFeatures.normalise(titles.get(i)), i);
            link(parent, firstRowOf, "d" + TextFeatures.normalise(details.get(i)), i);
        }
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = root(parent, i);
        }
        return group;
    }

    private static void link(int[] parent, Map<String, Integer> firstRowOf, String key, int row) {
        if (key.length() == 1) {
            return;
        }
        Integer first = firstRowOf.putIfAbsent(key, row);
        if (first != null) {
            parent[root(parent, row)] = root(parent, first);
        }
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
