package com.logisticskpi.kpi.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.SliceFilter;

/**
 * One engine run: every day, ISO week and month that intersects [from, to] (local dates in {@code zone}), each
 * computed over its full extent, as of {@code asOf}, optionally restricted to one slice value.
 */
public record KpiRequest(LocalDate from, LocalDate to, Instant asOf, ZoneId zone, SliceFilter filter) {

    public KpiRequest {
        if (from == null || to == null || asOf == null || zone == null) {
            throw new IllegalArgumentException("from, to, as_of and zone are required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
    }

    /** The first local date of the first period the run computes (the Monday of from's week or the 1st of its month). */
    public LocalDate firstDate() {
        LocalDate w = PeriodType.WEEK.start(from);
        LocalDate m = PeriodType.MONTH.start(from);
        return w.isBefore(m) ? w : m;
    }

    /**
     * The first local date of the periods before the run's first ones (the day, ISO week and month before): the
     * drivers (kpis.md section 8) compare every period with the one before it, so the run selects its orders from
     * here on. Their figures are driver inputs only, never rows of kpi-values.csv.
     */
    public LocalDate driverFirstDate() {
        LocalDate w = PeriodType.WEEK.start(from).minusWeeks(1);
        LocalDate m = PeriodType.MONTH.start(from).minusMonths(1);
        return w.isBefore(m) ? w : m;
    }

    /** The local date after the last period the run computes (exclusive). */
    public LocalDate endDate() {
        LocalDate w = PeriodType.WEEK.end(to);
        LocalDate m = PeriodType.MONTH.end(to);
        return w.isAfter(m) ? w : m;
    }

    /** The labels of the periods of this type that intersect [from, to], in time order. */
    public List<String> periods(PeriodType type) {
        Set<String> labels = new LinkedHashSet<>();
        for (LocalDate d = type.start(from); !d.isAfter(to); d = type.end(d)) {
            labels.add(type.periodOf(d));
        }
        return new ArrayList<>(labels);
    }
}
