package cn.civicloop.opinion.internal;

import java.time.Duration;

/**
 * How posts are grouped into topics.
 *
 * @param similarity weighted Jaccard similarity of headlines (IDF weights) from which a post joins the topic of the
 *                   most similar recent post
 * @param window     how far apart in time two posts may be and still be compared; a topic lives on as long as
 *                   posts keep joining it within this window of the previous ones
 */
public record ClusteringSettings(double similarity, Duration window) {

    public static final ClusteringSettings DEFAULT = new ClusteringSettings(0.3, Duration.ofDays(30));

    /**
     * MinHash estimates plain Jaccard; headlines that reach the weighted threshold were seen at plain Jaccard 0.3
     * and more on real posts, so an estimate under 0.12 (three standard errors below 0.3) cannot be a match.
     */
    static final double PREFILTER = 0.12;

    public ClusteringSettings {
        if (!(similarity > 0 && similarity <= 1) || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("similarity in (0, 1] and a positive window are needed");
        }
    }
}
