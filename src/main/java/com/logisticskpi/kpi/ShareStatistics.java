package com.logisticskpi.kpi;

import org.apache.commons.statistics.distribution.NormalDistribution;

/** Confidence intervals and significance tests for shares (kpis.md section 6). */
public final class ShareStatistics {

    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private ShareStatistics() {
    }

    /** A closed interval [low, high] of a share. */
    public record Interval(double low, double high) {
    }

    /**
     * The 95 % Wilson score interval of {@code successes / n}:
     * centre = (p + z²/2n) / (1 + z²/n), half-width = z·sqrt(p(1−p)/n + z²/4n²) / (1 + z²/n).
     * Null when n is 0.
     */
    public static Interval wilson(long successes, long n) {
        if (n <= 0) {
            return null;
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * Two-sided p-value of the pooled two-proportion z-test of {@code x1/n1} against {@code x2/n2}.
     * Returns 1 (nothing to see) when either sample is empty or the pooled share is 0 or 1.
     */
    public static double twoProportionPValue(long x1, long n1, long x2, long n2) {
        if (n1 <= 0 || n2 <= 0) {
            return 1.0;
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return 1.0;
        }
        double z = Math.abs(p1 - p2) / se;
        return 2 * STANDARD_NORMAL.survivalProbability(z);
    }

    /** True when the change from the previous share to the current one is significant at p < 0.05. */
    public static boolean significantChange(long x1, long n1, long x2, long n2) {
        return twoProportionPValue(x1, n1, x2, n2) < 0.05;
    }

    /** Φ(x), the standard normal distribution function (Apache Commons Statistics). */
    static double standardNormalCdf(double x) {
        return STANDARD_NORMAL.cumulativeProbability(x);
    }
}
