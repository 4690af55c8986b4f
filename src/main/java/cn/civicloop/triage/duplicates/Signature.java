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

    long[] shingles() {
        return shingles;
    }

    long[] minHash() {
        return minHash;
    }
}
