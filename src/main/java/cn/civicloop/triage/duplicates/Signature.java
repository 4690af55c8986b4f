package cn.civicloop.triage.duplicates;

/**
 * An appeal with its text shingles and MinHash signature precomputed. Keep these for the recent window, so that
 * checking a new appeal costs comparisons only; obtain them from {@link DuplicateFinder#signature(AppealText)}.
 */
public final class Signature {

    private final AppealText appeal;
    private final long[] shingles;
    private final long[] minHash;

    Signature(AppealText appeal) {
        this.appeal = appeal;
        this.shingles = Shingles.of(appeal.title(), appeal.content());
        this.minHash = MinHash.of(shingles);
    }

    public AppealText appeal() {
        return appeal;
    }

    /** Hands each distinct shingle (a packed code-point 1- or 2-gram) to {@code sink}, e.g. to count frequencies. */
    public void forEachShingle(java.util.function.LongConsumer sink) {
        for (long shingle : shingles) {
            sink.accept(shingle);
        }
    }

    /** Whether the two texts share no shingle at all, which rules a match out without weighing anything. */
    public boolean disjoint(Signature other) {
        return Shingles.intersection(shingles, other.shingles) == 0;
    }

    /** MinHash estimate of the plain Jaccard similarity of the two texts' shingles: cheap, for pre-filtering. */
    public double estimatedSimilarity(Signature other) {
        return MinHash.estimate(minHash, other.minHash);
    }

    /** Weighted Jaccard similarity (sum of weights of shared shingles over that of all of them), in [0, 1]. */
    public double weightedSimilarity(Signature other, ShingleWeights weights) {
        return Shingles.weightedJaccard(shingles, other.shingles, weights);
    }

    /**
     * Locality-sensitive hashing keys of the MinHash signature: one key per band of {@code rows} consecutive
     * positions. Two texts share a band's key with probability J^rows, so with 2 rows and 64 bands a pair at plain
     * Jaccard 0.25 shares at least one key with probability 0.98, one at 0.05 with 0.15: an index by these keys
     * finds the candidates of a large window without comparing with every text of it.
     */
    public long[] bandKeys(int rows) {
        if (rows < 1 || MinHash.SIZE % rows != 0) {
            throw new IllegalArgumentException("rows must divide " + MinHash.SIZE);
        }
        long[] keys = new long[MinHash.SIZE / rows];
        for (int b = 0; b < keys.length; b++) {
            long key = b;
            for (int r = 0; r < rows; r++) {
                key = key * 0x9E3779B97F4A7C15L + minHash[b * rows + r];
            }
            keys[b] = key;
        }
        return keys;
    }

    /** Whether the text has no shingle at all (its signature matches nothing). */
    public boolean isEmpty() {
        return shingles.length == 0;
    }

    long[] shingles() {
        return shingles;
    }

    long[] minHash() {
        return minHash;
    }
}
