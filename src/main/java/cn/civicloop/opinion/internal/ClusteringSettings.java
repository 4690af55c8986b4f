package cn.civicloop.opinion.internal;

import java.time.Duration;

/**
 * How posts are grouped into topics.
 *
 * @param similarity     weighted Jaccard similarity of headlines (IDF weights) from which a post joins the topic of
 *                       the most similar post at most {@code window} before or after it
 * @param window         how far apart in time two posts may be and still be compared at {@code similarity}
 * @param farSimilarity  the stricter similarity from which a post joins the topic of a post further apart than
 *                       {@code window} (an issue raised again after a quiet month), at least {@code similarity}
 * @param farWindow      how far apart two posts may be at all; what is kept in memory. Equal to {@code window}
 *                       turns the second tier off
 */
public record ClusteringSettings(double similarity, Duration window, double farSimilarity, Duration farWindow) {

    public static final ClusteringSettings DEFAULT = new ClusteringSettings(0.3, Duration.ofDays(30), 0.4,
            Duration.ofDays(365));

    /**
     * MinHash estimates plain Jaccard; headlines that reach the weighted threshold were seen at plain Jaccard 0.3
     * and more on real posts, so an estimate under 0.12 (three standard errors below 0.3) cannot be a match.
     */
    static final double PREFILTER = 0.12;

    public ClusteringSettings {
        if (!(similarity > 0 && similarity <= 1) || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("similarity in (0, 1] and a positive window are needed");
        }
        if (!(farSimilarity >= similarity && farSimilarity <= 1) || farWindow == null
                || farWindow.compareTo(window) < 0) {
            throw new IllegalArgumentException("far similarity in [similarity, 1] and a far window at least the "
                    + "window are needed");
        }
    }

    /** Only the near tier: posts further apart than {@code window} are never compared. */
    public ClusteringSettings(double similarity, Duration window) {
        this(similarity, window, similarity, window);
    }

    /** The similarity two posts this far apart need, or a value above 1 when they are too far apart to compare. */
    double needed(Duration apart) {
        Duration gap = apart.abs();
        if (gap.compareTo(window) <= 0) {
            return similarity;
        }
        return gap.compareTo(farWindow) <= 0 ? farSimilarity : 2;
    }
}
