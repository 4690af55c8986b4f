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
    private final Duration window;

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
        this.window = window;
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

    private DuplicateMatch judge(Signature self, Signature theirs) {
        AppealText appeal = self.appeal();
        AppealText other = theirs.appeal();
        if (appeal.id() != null && appeal.id().equals(other.id())) {
            return null;
        }
        if (appeal.reportedAt() == null || other.reportedAt() == null) {
            return null; // without both times nothing shows it is the same occurrence rather than a recurrence
        }
        // earlier to later, never negative: Duration.abs() of a negative one went through BigDecimal arithmetic, a
        // few per cent of triage's CPU when it ran for every candidate of the window
        Duration apart = appeal.reportedAt().isAfter(other.reportedAt())
                ? Duration.between(other.reportedAt(), appeal.reportedAt())
                : Duration.between(appeal.reportedAt(), other.reportedAt());
        if (apart.compareTo(window) > 0) {
            return null;
        }
        Place place = Place.compare(appeal, other, maxDistanceMeters);
        if (!place.compatible()) {
            return null;
        }
        double required = place.known() ? similarity : Math.min(1, similarity + UNKNOWN_PLACE_PENALTY);
        if (MinHash.estimate(self.minHash(), theirs.minHash()) < required - MINHASH_MARGIN) {
            return null;
        }
        double jaccard = Shingles.jaccard(self.shingles(), theirs.shingles());
        if (jaccard < required) {
            return null;
        }
        String reason = String.format(Locale.ROOT, "text %.2f (needs %.2f); %s; %d h apart",
                jaccard, required, place.description(), apart.toHours());
        return new DuplicateMatch(other.id(), jaccard, place.distanceMeters(), reason);
    }

    private static void add(List<DuplicateMatch> found, DuplicateMatch match) {
        if (match != null) {
            found.add(match);
        }
    }
}
