package com.logisticskpi.kpi.drivers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;

/**
 * Every driver row of a run (kpis.md section 8): for each requested period, driver KPI and slice dimension, the
 * {@link ShiftShare} split of its change against the previous period, from the per-slice share figures of both
 * periods (the previous period's figures are computed by the same run, whether or not it was requested).
 */
public final class DriverAnalysis {

    /** The order of kpi-drivers.csv: day, week, month; period; KPI; dimension (warehouse ... segment); slice value. */
    public static final Comparator<DriverRow> ORDER = Comparator
            .comparing((DriverRow r) -> r.periodType().ordinal())
            .thenComparing(DriverRow::period)
            .thenComparing(DriverRow::kpi)
            .thenComparingInt(r -> Slice.rank(r.slice()))
            .thenComparing(DriverRow::sliceValue);

    private DriverAnalysis() {
    }

    /**
     * @param figures  share figures of the driver KPIs for the requested periods and the periods before them, per
     *                 slice value (rows of slice {@code all} are ignored)
     * @param periods  the requested periods of each type
     * @param targets  KPI id to target (null when a KPI has none)
     */
    public static List<DriverRow> compute(List<KpiValue> figures, Map<PeriodType, List<String>> periods,
                                          Function<String, KpiTarget> targets) {
        Map<String, Map<String, ShiftShare.Figure>> cells = new HashMap<>();
        for (KpiValue v : figures) {
            if (!v.isShare() || KpiValue.ALL.equals(v.slice()) || !DriverKpis.isDriver(v.kpi())) {
                continue;
            }
            cells.computeIfAbsent(cell(v.periodType(), v.period(), v.kpi(), v.slice()), k -> new TreeMap<>())
                    .put(v.sliceValue(), new ShiftShare.Figure(v.numerator(), v.denominator()));
        }
        List<DriverRow> rows = new ArrayList<>();
        for (Map.Entry<PeriodType, List<String>> e : periods.entrySet()) {
            PeriodType type = e.getKey();
            for (String period : e.getValue()) {
                String previous = type.previousOf(period);
                for (String kpi : DriverKpis.IDS) {
                    KpiTarget target = targets.apply(kpi);
                    for (Slice slice : Slice.values()) {
                        if (slice == Slice.ALL) {
                            continue;
                        }
                        Map<String, ShiftShare.Figure> now = cells.get(cell(type, period, kpi, slice.label()));
                        Map<String, ShiftShare.Figure> before = cells.get(cell(type, previous, kpi, slice.label()));
                        if (now != null && before != null) {
                            rows.addAll(ShiftShare.split(type, period, previous, kpi, slice.label(), now, before, target));
                        }
                    }
                }
            }
        }
        rows.sort(ORDER);
        return rows;
    }

    private static String cell(PeriodType type, String period, String kpi, String slice) {
        return type.label() + '\u0000' + period + '\u0000' + kpi + '\u0000' + slice;
    }
}
