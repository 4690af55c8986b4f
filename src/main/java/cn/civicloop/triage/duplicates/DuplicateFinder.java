package cn.civicloop.triage.duplicates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds recent appeals that probably report the same event as a new one, typically the same street light reported
 * by hotline, WeChat and online opinion. Time and place are checked first because they are cheap and decisive;
 * text is compared only for appeals that pass them, by MinHash estimate and then by exact Jaccard similarity of
 * character shingles (see {@link MinHash} for why MinHash).
 * <p>
 * The default similarity threshold is low (0.2) on purpose: citizens describe one event in different words, so
 * paraphrased duplicates reach only 0.2–0.5 Jaccard (see {@link Shingles}); the place and time gates are what keep
 * such a threshold from matching unrelated appeals. Calibrate on real labelled pairs.
 * Thread-safe; one instance can serve all callers.
 */
public final class DuplicateFinder {

    public static final double DEFAULT_SIMILARITY = 0.2;
    public static final double DEFAULT_MAX_DISTANCE_METERS = 500;
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(72);
    /** Extra text similarity required when the two appeals share no kind of place information. */
    public static final double UNKNOWN_PLACE_PENALTY = 0.15;

    /** About three standard errors of a 128-hash estimate: the exact check decides, MinHash only discards. */
    private static final double MINHASH_MARGIN = 0.12;

    private static final Comparator<DuplicateMatch> BEST_FIRST = Comparator
            .comparingDouble(DuplicateMatch::textSimilarity).reversed()
            .thenComparing(DuplicateMatch::distanceMeters, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DuplicateMatch::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private final double similarity;
    private final double maxDistanceMeters;
    private final long windowSeconds;
    private final int windowNanos;

    public DuplicateFinder() {
        this(DEFAULT_SIMILARITY, DEFAULT_MAX_DISTANCE_METERS, DEFAULT_WINDOW);
    }

    public DuplicateFinder(double similarity, double maxDistanceMeters, Duration window) {
        if (!(similarity > 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be in (0, 1], was " + similarity);
        }
        if (!(maxDistanceMeters >= 0) || window == null || window.isNegative()) {
            throw new IllegalArgumentException("distance and window must be non-negative");
        }
        this.similarity = similarity;
        this.maxDistanceMeters = maxDistanceMeters;
        this.windowSeconds = window.getSeconds();
        this.windowNanos = window.getNano();
    }

    /** Precomputes what comparing this appeal's text needs; keep it for as long as the appeal is recent. */
    public Signature signature(AppealText appeal) {
        return new Signature(appeal);
    }

    /**
     * Matches among {@code recent}, best first, signing every text anew: for one-off checks and tools. A caller
     * that checks appeal after appeal against a window keeps the signatures ({@link #signature}) and calls
     * {@link #candidates(Signature, Collection)}, as the triage's duplicate search does.
     */
    public List<DuplicateMatch> candidates(AppealText appeal, Collection<AppealText> recent) {
        return candidates(signature(appeal), recent.stream().map(this::signature).toList());
    }

    /** Matches among precomputed signatures, best first. */
    public List<DuplicateMatch> candidates(Signature appeal, Collection<Signature> recent) {
        List<DuplicateMatch> found = new ArrayList<>();
        for (Signature other : recent) {
            add(found, judge(appeal, other));
        }
        found.sort(BEST_FIRST);
        return found;
    }

    /**
     * Cheapest rejections first, each reading only the candidate's signature and its fields next to each other (see
     * {@link Signature}): time, place, the bound the two shingle counts set on the Jaccard similarity, the packed low
     * bits of the MinHash signature; then the whole signature and the exact Jaccard for those left, so the answers are
     * those of the whole signature alone.
     */
    private DuplicateMatch judge(Signature self, Signature theirs) {
        if (!self.timed() || !theirs.timed()) {
            return null; // without both times nothing shows it is the same occurrence rather than a recurrence
        }
        if (fartherApartThanWindow(self, theirs)) {
            return null;
        }
        Place place = Place.compare(self, theirs, maxDistanceMeters);
        if (!place.compatible()) {
            return null;
        }
        if (theirs == self || self.id() != null && self.id().equals(theirs.id())) {
            return null;
        }
        double required = place.known() ? similarity : Math.min(1, similarity + UNKNOWN_PLACE_PENALTY);
        // two sets of m <= n shingles share at most m, so their Jaccard is at most m / n: an exact bound, from the counts
        if ((double) Math.min(self.shingleCount(), theirs.shingleCount())
                / Math.max(self.shingleCount(), theirs.shingleCount()) < required) {
            return null;
        }
        double least = required - MINHASH_MARGIN;
        // the low bits are equal wherever the positions are, so this estimate is never below the whole one's
        if ((double) MinHash.equalLowBits(self.minHashLowBits(), theirs.minHashLowBits()) / MinHash.SIZE < least) {
            return null;
        }
        if (MinHash.estimate(self.minHash(), theirs.minHash()) < least) {
            return null;
        }
        double jaccard = Shingles.jaccard(self.shingles(), theirs.shingles());
        if (jaccard < required) {
            return null;
        }
        Duration apart = Duration.between(self.appeal().reportedAt(), theirs.appeal().reportedAt()).abs();
        String reason = String.format(Locale.ROOT, "text %.2f (needs %.2f); %s; %d h apart",
                jaccard, required, place.description(), apart.toHours());
        return new DuplicateMatch(theirs.id(), jaccard, place.distanceMeters(), reason);
    }

    /**
     * Whether the two reports lie more than the window apart, from the seconds and nanoseconds kept in the
     * signatures: the same comparison as of their {@code Duration} with the window, without reading the instants.
     */
    private boolean fartherApartThanWindow(Signature a, Signature b) {
        long seconds = a.epochSecond() - b.epochSecond();
        int nanos = a.nano() - b.nano();
        if (seconds < 0 || seconds == 0 && nanos < 0) {
            seconds = -seconds;
            nanos = -nanos;
        }
        if (nanos < 0) {
            seconds--;
            nanos += 1_000_000_000;
        }
        return seconds > windowSeconds || seconds == windowSeconds && nanos > windowNanos;
    }

    private static void add(List<DuplicateMatch> found, DuplicateMatch match) {
        if (match != null) {
            found.add(match);
        }
    }
}
