package cn.civicloop.classifier.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fitted TF-IDF space (词表与逆文档频率): which terms are features, their column (1-based, as liblinear wants)
 * and their smoothed idf. Vectors use sublinear tf (1 + ln tf) and are L2-normalised per block, then scaled by the
 * block weight, so a long body cannot drown its title.
 */
public final class Vocabulary {

    private final String[] terms;
    private final float[] idf;
    private final float[] blockWeights;
    private final Map<String, Integer> columns;
    private final TermColumns columnsByStretch;

    public Vocabulary(String[] terms, float[] idf, FeatureConfig config) {
        this.terms = terms;
        this.idf = idf;
        this.blockWeights = new float[128];
        blockWeights[TextFeatures.TITLE] = config.titleWeight();
        blockWeights[TextFeatures.DETAIL] = config.detailWeight();
        blockWeights[TextFeatures.SHARED] = config.sharedWeight();
        this.columns = new HashMap<>(terms.length * 2);
        for (int i = 0; i < terms.length; i++) {
            columns.put(terms[i], i + 1);
        }
        this.columnsByStretch = new TermColumns(terms);
    }

    /** Keeps the terms found in at least {@code minDf} documents; idf = ln((1 + n) / (1 + df)) + 1. */
    public static Fitted fit(List<TermIndex.Document> docs, TermIndex index, FeatureConfig config) {
        int[] df = new int[index.size()];
        for (TermIndex.Document doc : docs) {
            for (int term : doc.terms()) {
                df[term]++;
            }
        }
        int[] columnOf = new int[df.length];
        List<String> kept = new ArrayList<>();
        List<Float> idf = new ArrayList<>();
        for (int id = 0; id < df.length; id++) {
            if (df[id] >= config.minDf()) {
                kept.add(index.term(id));
                idf.add((float) (Math.log((1.0 + docs.size()) / (1.0 + df[id])) + 1.0));
                columnOf[id] = kept.size();
            }
        }
        float[] idfArray = new float[idf.size()];
        for (int i = 0; i < idfArray.length; i++) {
            idfArray[i] = idf.get(i);
        }
        return new Fitted(new Vocabulary(kept.toArray(String[]::new), idfArray, config), columnOf);
    }

    /** A vocabulary together with the map from training term ids to its columns. */
    public record Fitted(Vocabulary vocabulary, int[] columnOf) {

        public Feature[] vectorise(TermIndex.Document doc) {
            int[][] row = columns(doc);
            return vocabulary.vector(row[0], row[1], row[0].length);
        }

        /** The document's columns (ascending) and their counts, without the terms the vocabulary does not keep. */
        public int[][] columns(TermIndex.Document doc) {
            int[] cols = new int[doc.terms().length];
            int n = 0;
            int[] counts = new int[cols.length];
            for (int i = 0; i < cols.length; i++) {
                int term = doc.terms()[i];
                int column = term < columnOf.length ? columnOf[term] : 0;
                if (column > 0) {
                    cols[n] = column;
                    counts[n++] = doc.counts()[i];
                }
            }
            // term ids ascending map to ascending columns, so the columns are already sorted
            return new int[][] {java.util.Arrays.copyOf(cols, n), java.util.Arrays.copyOf(counts, n)};
        }
    }

    public Feature[] vectorise(Map<String, Integer> termCounts) {
        long[] packed = new long[termCounts.size()];
        int n = 0;
        for (Map.Entry<String, Integer> e : termCounts.entrySet()) {
            Integer column = columns.get(e.getKey());
            if (column != null) {
                packed[n++] = ((long) column << 32) | e.getValue();
            }
        }
        java.util.Arrays.sort(packed, 0, n);
        int[] cols = new int[n];
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            cols[i] = (int) (packed[i] >>> 32);
            counts[i] = (int) packed[i];
        }
        return vector(cols, counts, n);
    }

    /**
     * The vector of a title and a body: the same as {@code vectorise(TextFeatures.of(title, detail, config))}, value
     * for value, without a string or a map entry for every term occurrence (most are not in the vocabulary).
     */
    public Feature[] vectorise(String title, String detail, FeatureConfig config) {
        ColumnList found = new ColumnList();
        TextFeatures.forEach(title, detail, config, (block, kind, text, from, to) -> {
            int column = columnsByStretch.column(TermColumns.hash(block, kind, text, from, to), block, kind, text,
                    from, to);
            if (column > 0) {
                found.add(column);
            }
        });
        int[] all = found.sorted();
        int[] cols = new int[all.length];
        int[] counts = new int[all.length];
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (n > 0 && cols[n - 1] == all[i]) {
                counts[n - 1]++;
            } else {
                cols[n] = all[i];
                counts[n++] = 1;
            }
        }
        return vector(cols, counts, n);
    }

    /** The columns of the term occurrences found, one entry per occurrence. */
    private static final class ColumnList {

        private int[] columns = new int[256];
        private int size;

        void add(int column) {
            if (size == columns.length) {
                columns = java.util.Arrays.copyOf(columns, size * 2);
            }
            columns[size++] = column;
        }

        int[] sorted() {
            int[] out = java.util.Arrays.copyOf(columns, size);
            java.util.Arrays.sort(out);
            return out;
        }
    }

    /** The vector of the first {@code n} columns (ascending) with their term counts. */
    Feature[] vector(int[] cols, int[] counts, int n) {
        double[] values = new double[n];
        double[] norms = new double[128];
        for (int i = 0; i < n; i++) {
            values[i] = (1.0 + Math.log(counts[i])) * idf[cols[i] - 1];
            norms[block(cols[i])] += values[i] * values[i];
        }
        Feature[] x = new Feature[n];
        for (int i = 0; i < n; i++) {
            char block = block(cols[i]);
            x[i] = new FeatureNode(cols[i], values[i] / Math.sqrt(norms[block]) * blockWeights[block]);
        }
        return x;
    }

    private char block(int column) {
        return terms[column - 1].charAt(0);
    }

    public int size() {
        return terms.length;
    }

    String[] terms() {
        return terms;
    }

    float[] idf() {
        return idf;
    }
}
