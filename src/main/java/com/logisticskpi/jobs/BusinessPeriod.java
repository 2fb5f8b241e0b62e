package com.logisticskpi.jobs;

import java.time.LocalDate;

import com.logisticskpi.kpi.PeriodType;

/**
 * The period one job run reports on.
 *
 * @param type  day, week or month
 * @param start first local date of the period
 * @param end   first local date after the period (half open)
 */
public record BusinessPeriod(PeriodType type, LocalDate start, LocalDate end) {

    public static BusinessPeriod of(PeriodType type, LocalDate anyDateInPeriod) {
        return new BusinessPeriod(type, type.start(anyDateInPeriod), type.end(anyDateInPeriod));
    }

    /** The last local date of the period: the "business date" a run is keyed by (locks, file names). */
    public LocalDate lastDate() {
        return end.minusDays(1);
    }

    /** {@code 2026-11-22}, {@code 2026-W47}, {@code 2026-10}. */
    public String label() {
        return type.periodOf(start);
    }
}
