package cn.civicloop.opinion.internal;

/**
 * The heat index (热度指数) of a topic, 0–100, as a weighted sum of five signals, each scaled to 0–1:
 * <pre>
 * heat = 100 × ( volume     × sat(posts,      volumeRef)
 *              + authors    × sat(authors,    authorsRef)
 *              + engagement × sat(engagement, engagementRef)
 *              + span       × min(1, spanHours / spanHoursRef)
 *              + growth     × recentShare × sat(posts, volumeRef) )
 * sat(x, ref) = min(1, ln(1 + x) / ln(1 + ref))
 * recentShare = share of the topic's posts in the last growthHours before its latest post
 * </pre>
 * Logarithms because attention grows by orders of magnitude (the tenth post matters more than the hundred-and-tenth);
 * the growth term is damped by volume so that a single new post is not "growing". The weights and references are
 * settings ({@code civicloop.opinion.heat.*}); the weights need not sum to 1, the result is capped at 100.
 */
public record HeatFormula(double volume, double authors, double engagement, double span, double growth,
        double volumeRef, double authorsRef, double engagementRef, double spanHoursRef, double growthHours) {

    public static final HeatFormula DEFAULT = new HeatFormula(0.35, 0.20, 0.20, 0.10, 0.15, 50, 30, 2000, 168, 24);

    public double heat(TopicStats s) {
        double volumeScore = sat(s.posts(), volumeRef);
        double sum = volume * volumeScore
                + authors * sat(s.authors(), authorsRef)
                + engagement * sat(s.engagement(), engagementRef)
                + span * Math.min(1, s.spanHours() / spanHoursRef)
                + growth * s.recentShare((long) (growthHours * 3600)) * volumeScore;
        return Math.round(Math.min(100, 100 * sum) * 10) / 10.0;
    }

    private static double sat(double x, double ref) {
        return Math.min(1, Math.log1p(Math.max(0, x)) / Math.log1p(ref));
    }
}
