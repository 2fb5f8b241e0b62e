package com.logisticskpi.kpi.restate;

import com.logisticskpi.kpi.PeriodType;

/**
 * A figure an earlier report showed whose value has changed since (a late correction): docs/kpi-engine.md,
 * "As reported and restatements".
 *
 * @param periodType  day, week or month
 * @param period      the period label (2026-11-20, 2026-W47, 2026-11)
 * @param slice       all, warehouse, carrier, region or channel
 * @param sliceValue  the slice value ({@code all} for the slice all); export text, written as text
 * @param kpi         the KPI id
 * @param reported    the value the earlier report showed
 * @param now         the value of the later run; null when the later run has no such figure any more (e.g. every order
 *                    of the slice was cancelled)
 * @param reportedBy  the run whose report showed {@code reported}
 */
public record Restatement(PeriodType periodType, String period, String slice, String sliceValue, String kpi,
                          double reported, Double now, ReportingRun reportedBy) {

    /** now - reported; null when the figure is gone. */
    public Double change() {
        return now == null ? null : now - reported;
    }
}
