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
            case WEEK -> label(date.get(IsoFields.WEEK_BASED_YEAR), "-W", date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> label(date.getYear(), "-", date.getMonthValue());
        };
    }

    /**
     * {@code String.format("%04d<sep>%02d", year, n)} without the formatter (it is called for every order and
     * period): years 0..9999 are zero-padded by hand, any other year goes through String.format as before.
     */
    private static String label(int year, String separator, int n) {
        if (year < 0 || year > 9999) {
            return String.format("%04d%s%02d", year, separator, n);
        }
        StringBuilder b = new StringBuilder(10);
        if (year < 1000) {
            b.append('0');
            if (year < 100) {
                b.append('0');
                if (year < 10) {
                    b.append('0');
                }
            }
        }
        b.append(year).append(separator);
        if (n < 10) {
            b.append('0');
        }
        return b.append(n).toString();
    }

    /** The first local date of the period labelled {@code period} (2026-11-12, 2026-W46, 2026-11). */
    public LocalDate startOf(String period) {
        return switch (this) {
            case DAY -> LocalDate.parse(period);
            case WEEK -> LocalDate.of(Integer.parseInt(period.substring(0, period.indexOf("-W"))), 1, 4)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(period.substring(period.indexOf("-W") + 2)))
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> java.time.YearMonth.parse(period).atDay(1);
        };
    }

    /** The label of the period before {@code period}: the day, ISO week or month before (kpis.md section 8). */
    public String previousOf(String period) {
        return periodOf(startOf(period).minusDays(1));
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
