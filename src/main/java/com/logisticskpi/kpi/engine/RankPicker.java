package com.logisticskpi.kpi.engine;

/**
 * Percentiles of a group whose sorted values stream past once and whose size n is known in advance: R type 7 /
 * Excel PERCENTILE.INC, h = (n − 1)·p, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]) (0-based ranks). Only the
 * two values around each rank are kept, so memory does not grow with n.
 */
public final class RankPicker {

    private final long n;
    private final double[] ps;
    private final long[] lo;
    private final double[] frac;
    private final double[] xLo;
    private final double[] xHi;
    private long index;

    public RankPicker(long n, double... ps) {
        this.n = n;
        this.ps = ps;
        lo = new long[ps.length];
        frac = new double[ps.length];
        xLo = new double[ps.length];
        xHi = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            double h = (n - 1) * ps[i];
            lo[i] = (long) Math.floor(h);
            frac[i] = h - lo[i];
        }
    }

    /** Offer the next value in ascending order. */
    public void offer(double x) {
        for (int i = 0; i < ps.length; i++) {
            if (index == lo[i]) {
                xLo[i] = x;
                xHi[i] = x;
            } else if (index == lo[i] + 1) {
                xHi[i] = x;
            }
        }
        index++;
    }

    public long seen() {
        return index;
    }

    /** The i-th requested percentile (after all n values were offered). */
    public double percentile(int i) {
        if (index != n || n == 0) {
            throw new IllegalStateException("expected " + n + " values, saw " + index);
        }
        return frac[i] == 0 ? xLo[i] : xLo[i] + frac[i] * (xHi[i] - xLo[i]);
    }

    /** Type-7 percentile of an already sorted array (for tests and small in-memory series). */
    public static double of(double[] sorted, double p) {
        RankPicker r = new RankPicker(sorted.length, p);
        for (double x : sorted) {
            r.offer(x);
        }
        return r.percentile(0);
    }
}
