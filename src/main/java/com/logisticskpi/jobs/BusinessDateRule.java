package com.logisticskpi.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.logisticskpi.kpi.PeriodType;

/**
 * Which period a scheduled run reports on, taken from {@code as_of} in the business zone:
 * {@code yesterday} (the local day before as_of), {@code last-completed-week} (the ISO week, Monday to Sunday,
 * before the week containing as_of) or {@code last-month} (the calendar month before as_of's month).
 */
public enum BusinessDateRule {
    YESTERDAY("yesterday", PeriodType.DAY),
    LAST_COMPLETED_WEEK("last-completed-week", PeriodType.WEEK),
    LAST_MONTH("last-month", PeriodType.MONTH);

    private final String key;
    private final PeriodType periodType;

    BusinessDateRule(String key, PeriodType periodType) {
        this.key = key;
        this.periodType = periodType;
    }

    /** The value used in the job files, e.g. {@code last-completed-week}. */
    public String key() {
        return key;
    }

    public PeriodType periodType() {
        return periodType;
    }

    /** The period to report on for a run at {@code asOf}. */
    public BusinessPeriod resolve(Instant asOf, ZoneId zone) {
        LocalDate today = asOf.atZone(zone).toLocalDate();
        LocalDate inPrevious = switch (this) {
            case YESTERDAY -> today.minusDays(1);
            case LAST_COMPLETED_WEEK -> PeriodType.WEEK.start(today).minusDays(1);
            case LAST_MONTH -> PeriodType.MONTH.start(today).minusDays(1);
        };
        return BusinessPeriod.of(periodType, inPrevious);
    }

    public static BusinessDateRule fromKey(String key) {
        for (BusinessDateRule r : values()) {
            if (r.key.equalsIgnoreCase(key.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown business-date rule '" + key
                + "' (expected yesterday, last-completed-week or last-month)");
    }
}
