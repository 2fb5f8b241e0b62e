package com.logisticskpi.kpi.drivers;

import com.logisticskpi.kpi.PeriodType;

/**
 * One row of {@code kpi-drivers.csv} (kpis.md section 8): how much one slice value of one dimension contributed to
 * the change of a share against the previous period, and to its gap to target.
 *
 * @param numerator             N1, the value's numerator in the period (0 when it has no row there)
 * @param denominator           D1 (0 when it has no row)
 * @param previousNumerator     N0 in the previous period
 * @param previousDenominator   D0
 * @param rateEffect            (r1 - r0) x (w0 + w1) / 2
 * @param mixEffect             (w1 - w0) x ((r0 + r1) / 2 - (R0 + R1) / 2)
 * @param changeContribution    rate effect + mix effect; over a dimension they add up to R1 - R0
 * @param targetGapContribution w1 x (r1 - target); null when the KPI has no target or D1 = 0
 */
public record DriverRow(PeriodType periodType, String period, String previousPeriod, String kpi, String slice,
                        String sliceValue, double numerator, long denominator, double previousNumerator,
                        long previousDenominator, double rateEffect, double mixEffect, double changeContribution,
                        Double targetGapContribution) {

    /** The value's own rate in the period, or null when it has no orders there. */
    public Double rate() {
        return denominator == 0 ? null : numerator / denominator;
    }

    /** The value's own rate in the previous period, or null. */
    public Double previousRate() {
        return previousDenominator == 0 ? null : previousNumerator / previousDenominator;
    }
}
