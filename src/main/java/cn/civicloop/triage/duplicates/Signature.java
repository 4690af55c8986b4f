package cn.civicloop.triage.duplicates;

import cn.civicloop.geo.GeoPoint;

/**
 * An appeal with its text shingles and MinHash signature precomputed. Keep these for the recent window, so that
 * checking a new appeal costs comparisons only; obtain them from {@link DuplicateFinder#signature(AppealText)}.
 * <p>
 * What the finder reads of every candidate is kept here in primitive fields, next to each other: the time, the
 * coordinates with their latitude's cosine, the place codes, and the MinHash signature's low bits packed into a
 * quarter of its bytes. A new appeal is compared with about 1,500 candidates whose signatures are not in the
 * processor's cache, and reading the appeal's record, its boxed coordinates, its instant and the whole 1 KB signature
 * for each was what the search spent its time on; most candidates are rejected on these fields alone.
 */
public final class Signature {

    private final AppealText appeal;
    private final long[] shingles;
    private final long[] minHash;
    private final long[] minHashLowBits;
    private final int shingleCount;
    private final String id;
    private final boolean timed;
    private final long epochSecond;
    private final int nano;
    private final boolean hasCoordinates;
    private final double lat;
    private final double lon;
    private final double cosLat;
    private final String gridCode;
    private final String communityCode;

    Signature(AppealText appeal) {
        this.appeal = appeal;
        this.shingles = Shingles.of(appeal.title(), appeal.content());
        this.minHash = MinHash.of(shingles);
        this.minHashLowBits = MinHash.lowBits(minHash);
        this.shingleCount = shingles.length;
        this.id = appeal.id();
        this.timed = appeal.reportedAt() != null;
        this.epochSecond = timed ? appeal.reportedAt().getEpochSecond() : 0;
        this.nano = timed ? appeal.reportedAt().getNano() : 0;
        this.hasCoordinates = appeal.hasCoordinates();
        if (hasCoordinates) {
            new GeoPoint(appeal.lat(), appeal.lon()); // rejects a position no comparison could use, as it always did
        }
        this.lat = hasCoordinates ? appeal.lat() : Double.NaN;
        this.lon = hasCoordinates ? appeal.lon() : Double.NaN;
        this.cosLat = hasCoordinates ? GeoPoint.cosLatitude(lat) : Double.NaN;
        this.gridCode = present(appeal.gridCode()) ? appeal.gridCode() : null;
        this.communityCode = present(appeal.communityCode()) ? appeal.communityCode() : null;
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

    long[] minHashLowBits() {
        return minHashLowBits;
    }

    /** How many distinct shingles the text has, without reading the array. */
    int shingleCount() {
        return shingleCount;
    }

    String id() {
        return id;
    }

    /** Whether the appeal says when it was reported; without it no time window can hold it. */
    boolean timed() {
        return timed;
    }

    long epochSecond() {
        return epochSecond;
    }

    int nano() {
        return nano;
    }

    boolean hasCoordinates() {
        return hasCoordinates;
    }

    double lat() {
        return lat;
    }

    double lon() {
        return lon;
    }

    double cosLat() {
        return cosLat;
    }

    /** The grid code, {@code null} when missing or blank. */
    String gridCode() {
        return gridCode;
    }

    /** The community code, {@code null} when missing or blank. */
    String communityCode() {
        return communityCode;
    }

    private static boolean present(String code) {
        return code != null && !code.isBlank();
    }
}
