package com.logisticskpi.kpi;

/**
 * One row of {@code kpi-values.csv} (kpis.md section 7).
 *
 * @param periodType  day, week or month
 * @param period      {@code 2026-11-12}, {@code 2026-W46}, {@code 2026-11}
 * @param slice       all, warehouse, carrier, region, channel, segment
 * @param sliceValue  {@code all} for the slice {@code all}; {@code (none)} for a missing value
 * @param kpi         the KPI id, e.g. {@code on_time_rate}, {@code dim_score.timeliness}, {@code return_reason_share.DAMAGED}
 * @param numerator   for shares; null for counts, hours and scores
 * @param denominator for shares; null for counts, hours and scores
 * @param value       a share as a fraction 0..1, hours, a count or a score
 */
public record KpiValue(PeriodType periodType, String period, String slice, String sliceValue, String kpi,
                       Long numerator, Long denominator, double value) {

    public static final String ALL = "all";
    public static final String NONE = "(none)";

    public boolean isShare() {
        return denominator != null;
    }
}
