package cn.civicloop.classifier.model;

import de.bwaldvogel.liblinear.Feature;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Nearest-neighbour votes (近邻投票): the training texts most similar to a text (cosine of their TF-IDF vectors,
 * each L2-normalised as a whole) vote for their labels with their similarity. Appeals about one matter are often
 * near-paraphrases of each other, which a vote of the nearest texts catches where the linear model's weights, fitted
 * over all texts, are not sure. The training texts are kept as their columns and term counts (the vectors follow
 * from the vocabulary) and searched through an inverted index over the columns.
 */
public final class Neighbours {

    /**
     * A column found in more than this share of the training texts does not take part in the similarity: a body's
     * commonest characters are in most training texts, so searching them would cost several times the rest of a
     * classification, and they say little about which texts are near (without them the votes kept nearly all their
     * gain: ADR 0069).
     */
    static final double MOST_COMMON_SHARE = 0.02;

    private static final int[] NO_ROWS = new int[0];
    private static final float[] NO_VALUES = new float[0];
    private static final Neighbours NONE = new Neighbours(new int[0], new int[0][], new int[0][], null, 1.0);

    private final int[] labels;
    private final double mostCommonShare;
    private final int[][] columns;
    private final int[][] counts;
    private final int[][] postingRows;
    private final float[][] postingValues;

    /**
     * Training text {@code i} has {@code labels[i]} and the terms {@code columns[i]} (ascending), {@code counts[i]}
     * times; the columns found in more than {@code mostCommonShare} of the texts are not searched.
     */
    public Neighbours(int[] labels, int[][] columns, int[][] counts, Vocabulary vocabulary, double mostCommonShare) {
        this.labels = labels;
        this.mostCommonShare = mostCommonShare;
        this.columns = columns;
        this.counts = counts;
        int width = vocabulary == null ? 1 : vocabulary.size() + 1;
        int[] df = new int[width];
        for (int[] row : columns) {
            for (int column : row) {
                df[column]++;
            }
        }
        double most = mostCommonShare * labels.length;
        for (int c = 0; c < width; c++) {
            if (df[c] > most) {
                df[c] = 0;
            }
        }
        postingRows = new int[width][];
        postingValues = new float[width][];
        for (int c = 0; c < width; c++) {
            // most columns are not searched or in no training text: one shared empty list for them
            postingRows[c] = df[c] == 0 ? NO_ROWS : new int[df[c]];
            postingValues[c] = df[c] == 0 ? NO_VALUES : new float[df[c]];
        }
        int[] filled = new int[width];
        for (int i = 0; i < labels.length; i++) {
            Feature[] x = vocabulary.vector(columns[i], counts[i], columns[i].length);
            double norm = norm(x);
            for (Feature f : x) {
                int c = f.getIndex();
                if (postingRows[c].length > 0) {
                    postingRows[c][filled[c]] = i;
                    postingValues[c][filled[c]++] = (float) (f.getValue() / norm);
                }
            }
        }
    }

    /** No training texts: no votes (models trained without neighbours). */
    public static Neighbours none() {
        return NONE;
    }

    public int size() {
        return labels.length;
    }

    /** Adds {@code weight} times the votes of the {@code k} nearest training texts to {@code scores}. */
    public void addVotes(double[] scores, Feature[] x, int k, double weight) {
        if (weight <= 0 || k <= 0 || labels.length == 0) {
            return;
        }
        double[] votes = votes(x, k, scores.length);
        for (int l = 0; l < scores.length; l++) {
            scores[l] += weight * votes[l];
        }
    }

    /** Per label the summed similarity of those of the {@code k} nearest texts that have it, over their total. */
    double[] votes(Feature[] x, int k, int labelCount) {
        // every searched term of the text: keeping only its 100 or 300 heaviest lost most of the votes' gain
        double norm = norm(x);
        float[] similarity = new float[labels.length];
        int[] touched = new int[labels.length];
        int n = 0;
        for (Feature f : x) {
            int c = f.getIndex();
            if (postingRows[c].length == 0) {
                continue;
            }
            float v = (float) (f.getValue() / norm);
            int[] rows = postingRows[c];
            float[] values = postingValues[c];
            for (int p = 0; p < rows.length; p++) {
                if (similarity[rows[p]] == 0) {
                    touched[n++] = rows[p];
                }
                similarity[rows[p]] += v * values[p];
            }
        }
        int[] top = nearest(similarity, touched, n, k);
        double[] votes = new double[labelCount];
        double total = 0;
        for (int row : top) {
            votes[labels[row]] += similarity[row];
            total += similarity[row];
        }
        if (total > 0) {
            for (int l = 0; l < labelCount; l++) {
                votes[l] /= total;
            }
        }
        return votes;
    }

    /** The {@code k} most similar of the touched rows, most similar first (insertion into a short sorted list). */
    private static int[] nearest(float[] similarity, int[] touched, int n, int k) {
        int[] top = new int[Math.min(k, n)];
        int size = 0;
        for (int t = 0; t < n; t++) {
            int row = touched[t];
            if (size < top.length) {
                top[size++] = row;
            } else if (similarity[row] > similarity[top[size - 1]]) {
                top[size - 1] = row;
            } else {
                continue;
            }
            for (int i = size - 1; i > 0 && similarity[top[i]] > similarity[top[i - 1]]; i--) {
                int swap = top[i];
                top[i] = top[i - 1];
                top[i - 1] = swap;
            }
        }
        return top;
    }

    /** The L2 norm over the searched columns, so that a text's most common terms do not dilute its similarity. */
    private double norm(Feature[] x) {
        double sum = 0;
        for (Feature f : x) {
            if (f.getIndex() < postingRows.length && postingRows[f.getIndex()].length > 0) {
                sum += f.getValue() * f.getValue();
            }
        }
        return sum > 0 ? Math.sqrt(sum) : 1;
    }

    /**
     * The share of the most common columns left out, then each text as its label, its term count, then per term the
     * gap to the previous column and its count.
     */
    void write(DataOutput out) throws IOException {
        out.writeInt(labels.length);
        out.writeDouble(mostCommonShare);
        for (int i = 0; i < labels.length; i++) {
            out.writeShort(labels[i]);
            out.writeInt(columns[i].length);
            int previous = 0;
            for (int j = 0; j < columns[i].length; j++) {
                // gaps and counts are small numbers: the model file's gzip packs them well
                out.writeInt(columns[i][j] - previous);
                out.writeShort(Math.min(counts[i][j], Short.MAX_VALUE));
                previous = columns[i][j];
            }
        }
    }

    static Neighbours read(DataInput in, Vocabulary vocabulary) throws IOException {
        int size = in.readInt();
        double mostCommonShare = in.readDouble();
        int[] labels = new int[size];
        int[][] columns = new int[size][];
        int[][] counts = new int[size][];
        for (int i = 0; i < size; i++) {
            labels[i] = in.readShort();
            int n = in.readInt();
            columns[i] = new int[n];
            counts[i] = new int[n];
            int previous = 0;
            for (int j = 0; j < n; j++) {
                previous += in.readInt();
                columns[i][j] = previous;
                counts[i][j] = in.readShort();
            }
        }
        return size == 0 ? NONE : new Neighbours(labels, columns, counts, vocabulary, mostCommonShare);
    }
}
