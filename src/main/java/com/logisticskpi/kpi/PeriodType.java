package com.logisticskpi.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** The three period kinds of kpis.md section 2, with their labels ({@code 2026-11-12}, {@code 2026-W46}, {@code 2026-11}). */
public enum PeriodType {
    DAY("day"), WEEK("week"), MONTH("month");

    private final String label;

    PeriodType(String label) {
        this.label = label;
    }

    /** The value of the {@code period_type} column. */
    public String label() {
        return label;
    }

    /** The first local date of the period that contains {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** The first local date after the period that contains {@code date} (half-open end). */
    public LocalDate end(LocalDate date) {
        return switch (this) {
            case DAY -> date.plusDays(1);
            case WEEK -> start(date).plusWeeks(1);
            case MONTH -> start(date).plusMonths(1);
        };
    }

    /** The period label of {@code date}: ISO week-based year for weeks ({@code 2027-01-01} is in {@code 2026-W53}). */
    public String periodOf(LocalDate date) {
        return switch (this) {
            case DAY -> date.toString();
            case WEEK -> String.format("%04d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%04d-%02d", date.getYear(), date.getMonthValue());
        };
    }

    public static PeriodType fromLabel(String label) {
        for (PeriodType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown period type '" + label + "'");
    }
}
