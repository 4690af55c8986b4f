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

    long[] shingles() {
        return shingles;
    }

    long[] minHash() {
        return minHash;
    }
}
