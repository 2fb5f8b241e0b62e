package com.logisticskpi.report.sheet;

import java.time.LocalDate;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.report.KpiLookup;

/**
 * How many orders (or survey responses) a chart point stands on, to draw points from fewer than
 * {@code kpi.report.chart-min-orders} hollow grey: a share's denominator; for cycle-time figures the delivered
 * orders of the period ({@code order_accuracy}'s denominator); for survey scores the period's
 * {@code survey_responses}. Null when unknown (such a point is drawn normally).
 */
final class ChartBasis {

    private ChartBasis() {
    }

    static Long orders(KpiLookup lookup, PeriodType type, LocalDate start, String kpi, KpiValue v) {
        if (v.denominator() != null) {
            return v.denominator();
        }
        if (kpi.startsWith("cycle_") || kpi.startsWith("dispatch_")) {
            return lookup.all(type, start, Kpi.ORDER_ACCURACY.id()).map(KpiValue::denominator).orElse(null);
        }
        if (kpi.equals(Kpi.CSI.id()) || kpi.equals(Kpi.NPS.id()) || kpi.startsWith(Kpi.DIM_SCORE.id() + ".")) {
            return lookup.all(type, start, Kpi.SURVEY_RESPONSES.id()).map(x -> Math.round(x.value())).orElse(null);
        }
        return null;
    }

    /** The same for a slice value of a period (Breakdowns). */
    static Long orders(KpiLookup lookup, PeriodType type, String period, String slice, String sliceValue, String kpi, KpiValue v) {
        if (v.denominator() != null) {
            return v.denominator();
        }
        String basis = kpi.startsWith("cycle_") || kpi.startsWith("dispatch_") ? Kpi.ORDER_ACCURACY.id()
                : kpi.equals(Kpi.CSI.id()) || kpi.equals(Kpi.NPS.id()) ? Kpi.SURVEY_RESPONSES.id() : null;
        if (basis == null) {
            return null;
        }
        return lookup.get(type, period, slice, sliceValue, basis)
                .map(x -> x.denominator() != null ? x.denominator() : Long.valueOf(Math.round(x.value()))).orElse(null);
    }
}
