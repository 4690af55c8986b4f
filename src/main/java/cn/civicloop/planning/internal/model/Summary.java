package cn.civicloop.planning.internal.model;

import java.util.Arrays;

/**
 * Median, mean and 90th percentile of a sample. Percentiles interpolate linearly between order statistics
 * (Hyndman–Fan type 7, the default of R and numpy), so they match figures recomputed with those tools.
 */
public record Summary(int count, double median, double mean, double p90) {

    public static Summary of(double[] values) {
        if (values.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Summary(sorted.length, quantile(sorted, 0.5), Arrays.stream(sorted).average().orElseThrow(),
                quantile(sorted, 0.9));
    }

    /** Type-7 quantile of a sorted, non-empty sample. */
    public static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public Summary scaled(double factor) {
        return new Summary(count, median * factor, mean * factor, p90 * factor);
    }
}
