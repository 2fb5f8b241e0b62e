package com.logisticskpi.kpi.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.kpi.catalog.KpiId;
import com.logisticskpi.kpi.drivers.DriverKpis;

/**
 * Collects the figures of a run, keeping only the periods the request asked for; and, apart, the per-slice figures of
 * the driver KPIs ({@link DriverKpis}) of those periods and of the period before each: the inputs of the drivers
 * (kpis.md section 8). The previous periods' figures never reach {@link #values()}.
 */
final class ValueSink {

    private final Map<PeriodType, Set<String>> wanted = new EnumMap<>(PeriodType.class);
    private final Map<PeriodType, Set<String>> previous = new EnumMap<>(PeriodType.class);
    private final List<KpiValue> values = new ArrayList<>();
    private final List<KpiValue> driverInputs = new ArrayList<>();

    ValueSink(KpiRequest request) {
        this(periodsOf(request));
    }

    /** A sink for the given periods of each type and the periods before them (whose figures are driver inputs). */
    ValueSink(Map<PeriodType, List<String>> periods) {
        this(periods, previousOf(periods));
    }

    /**
     * A sink for the given periods of each type only, collecting driver inputs of {@code previous} only (a nightly run
     * computes the periods that changed, and takes the driver inputs of an unchanged period before one from the
     * figures it stored).
     */
    ValueSink(Map<PeriodType, List<String>> periods, Map<PeriodType, Set<String>> previous) {
        for (PeriodType t : PeriodType.values()) {
            wanted.put(t, new HashSet<>(periods.getOrDefault(t, List.of())));
            this.previous.put(t, new HashSet<>(previous.getOrDefault(t, Set.of())));
        }
    }

    private static Map<PeriodType, Set<String>> previousOf(Map<PeriodType, List<String>> periods) {
        Map<PeriodType, Set<String>> out = new EnumMap<>(PeriodType.class);
        periods.forEach((t, labels) -> {
            Set<String> before = new HashSet<>();
            for (String p : labels) {
                before.add(t.previousOf(p));
            }
            out.put(t, before);
        });
        return out;
    }

    static Map<PeriodType, List<String>> periodsOf(KpiRequest request) {
        Map<PeriodType, List<String>> out = new EnumMap<>(PeriodType.class);
        for (PeriodType t : PeriodType.values()) {
            out.put(t, request.periods(t));
        }
        return out;
    }

    /** The requested periods of each type, in time order. */
    Map<PeriodType, List<String>> periods(KpiRequest request) {
        Map<PeriodType, List<String>> out = new EnumMap<>(PeriodType.class);
        for (PeriodType t : PeriodType.values()) {
            out.put(t, request.periods(t));
        }
        return out;
    }

    boolean wants(PeriodType type, String period) {
        return period != null && wanted.get(type).contains(period);
    }

    /** Whether figures of the period are wanted, or are the inputs of the drivers of a wanted period. */
    boolean wantsOrPrevious(PeriodType type, String period) {
        return wants(type, period) || period != null && previous.get(type).contains(period);
    }

    void share(GroupKey k, Kpi kpi, long num, long den) {
        share(k, kpi.key(), num, den);
    }

    /** A counted share (num and den are counts) of a catalogue KPI or of one member of a family. */
    void share(GroupKey k, KpiId kpi, long num, long den) {
        if (den <= 0 || k.period() == null) {
            return;
        }
        boolean asked = wants(k.type(), k.period());
        boolean driver = k.slice() != Slice.ALL && kpi.kpi().isDriver()
                && (asked || previous.get(k.type()).contains(k.period()));
        if (asked || driver) {
            KpiValue v = new KpiValue(k.type(), k.period(), k.slice().label(), k.sliceValue(), kpi.id(), (double) num, den,
                    (double) num / den);
            if (asked) {
                values.add(v);
            }
            if (driver) {
                driverInputs.add(v);
            }
        }
    }

    /** A share whose numerator is not a count (kpis.md section 9); value = num / den. */
    void fraction(GroupKey k, Kpi kpi, double num, long den) {
        if (den > 0 && wants(k.type(), k.period())) {
            values.add(new KpiValue(k.type(), k.period(), k.slice().label(), k.sliceValue(), kpi.id(), num, den, num / den));
        }
    }

    void number(GroupKey k, Kpi kpi, double value) {
        number(k, kpi.key(), value);
    }

    /** A count, hours or a score of a catalogue KPI or of one member of a family. */
    void number(GroupKey k, KpiId kpi, double value) {
        if (!Double.isNaN(value) && !Double.isInfinite(value) && wants(k.type(), k.period())) {
            values.add(new KpiValue(k.type(), k.period(), k.slice().label(), k.sliceValue(), kpi.id(), null, null, value));
        }
    }

    List<KpiValue> values() {
        return values;
    }

    /** The per-slice figures of the driver KPIs, of the requested periods and the periods before them. */
    List<KpiValue> driverInputs() {
        return driverInputs;
    }
}
