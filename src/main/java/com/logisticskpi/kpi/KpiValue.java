package com.logisticskpi.kpi;

import com.logisticskpi.kpi.catalog.Kpi;

/**
 * One row of {@code kpi-values.csv} (kpis.md section 7).
 *
 * @param periodType  day, week or month
 * @param period      {@code 2026-11-12}, {@code 2026-W46}, {@code 2026-11}
 * @param slice       all, warehouse, carrier, region, channel, segment
 * @param sliceValue  {@code all} for the slice {@code all}; {@code (none)} for a missing value
 * @param kpi         the KPI id, e.g. {@code on_time_rate}, {@code dim_score.timeliness}, {@code return_reason_share.DAMAGED}
 * @param numerator   for shares; null for counts, hours and scores. A whole number for every counted share; a fraction
 *                    only for {@code on_time_required_rate} (kpis.md section 9: target x orders - on-time orders)
 * @param denominator for shares; null for counts, hours and scores
 * @param value       a share as a fraction 0..1, hours, a count or a score
 */
public record KpiValue(PeriodType periodType, String period, String slice, String sliceValue, String kpi,
                       Double numerator, Long denominator, double value) {

    public static final String ALL = "all";
    public static final String NONE = "(none)";

    /** kpis.md section 9: the on-time rate the pending orders of a period must reach; a share without an interval. */
    public static final String ON_TIME_REQUIRED_RATE = Kpi.ON_TIME_REQUIRED_RATE.id();

    public boolean isShare() {
        return denominator != null;
    }

    /** A share of counted records (numerator and denominator are counts): it has a Wilson interval and a z-test. */
    public boolean isCountedShare() {
        return isShare() && !ON_TIME_REQUIRED_RATE.equals(kpi);
    }

    /** The numerator of a counted share as a count. */
    public long numeratorCount() {
        return Math.round(numerator);
    }
}
