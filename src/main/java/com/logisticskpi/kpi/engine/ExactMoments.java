package com.logisticskpi.kpi.engine;

import java.math.BigInteger;

/**
 * Count, sum and sum of squares of integer values (micro-seconds), exact at any size: partial sums live in longs
 * and spill into BigIntegers before they could overflow. The mean and the sample standard deviation are then
 * computed from exact integers, so neither summation order nor the database changes a digit.
 */
public final class ExactMoments {

    private long n;
    private long sum;
    private BigInteger bigSum = BigInteger.ZERO;
    private long sumSq;
    private BigInteger bigSumSq = BigInteger.ZERO;

    public void add(long x) {
        n++;
        long s = sum + x;
        if (((sum ^ s) & (x ^ s)) < 0) {
            bigSum = bigSum.add(BigInteger.valueOf(sum));
            s = x;
        }
        sum = s;
        if (Math.abs(x) > 3_000_000_000L) {
            bigSumSq = bigSumSq.add(BigInteger.valueOf(x).multiply(BigInteger.valueOf(x)));
        } else {
            long sq = x * x;
            long t = sumSq + sq;
            if (t < 0) {
                bigSumSq = bigSumSq.add(BigInteger.valueOf(sumSq));
                t = sq;
            }
            sumSq = t;
        }
    }

    public long count() {
        return n;
    }

    public BigInteger sum() {
        return bigSum.add(BigInteger.valueOf(sum));
    }

    private BigInteger sumOfSquares() {
        return bigSumSq.add(BigInteger.valueOf(sumSq));
    }

    /** Mean divided by {@code unit} (e.g. micro-seconds per hour); NaN when empty. */
    public double mean(double unit) {
        if (n == 0) {
            return Double.NaN;
        }
        return new java.math.BigDecimal(sum()).divide(java.math.BigDecimal.valueOf(n), java.math.MathContext.DECIMAL128)
                .doubleValue() / unit;
    }

    /** Sample standard deviation (n - 1) divided by {@code unit}; NaN with fewer than two values. */
    public double sampleSd(double unit) {
        if (n < 2) {
            return Double.NaN;
        }
        // variance = (n·Σx² − (Σx)²) / (n·(n − 1)), numerator exact
        BigInteger s = sum();
        BigInteger num = BigInteger.valueOf(n).multiply(sumOfSquares()).subtract(s.multiply(s));
        java.math.BigDecimal var = new java.math.BigDecimal(num)
                .divide(java.math.BigDecimal.valueOf(n).multiply(java.math.BigDecimal.valueOf(n - 1)), java.math.MathContext.DECIMAL128);
        return Math.sqrt(var.doubleValue()) / unit;
    }
}
