package com.logisticskpi.kpi.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;

/** Collects the figures of a run, keeping only the periods the request asked for. */
final class ValueSink {

    private final Map<PeriodType, Set<String>> wanted = new EnumMap<>(PeriodType.class);
    private final List<KpiValue> values = new ArrayList<>();

    ValueSink(KpiRequest request) {
        for (PeriodType t : PeriodType.values()) {
            wanted.put(t, new HashSet<>(request.periods(t)));
        }
    }

    boolean wants(PeriodType type, String period) {
        return period != null && wanted.get(type).contains(period);
    }

    void share(GroupKey k, String kpi, long num, long den) {
        if (den > 0 && wants(k.type(), k.period())) {
            values.add(new KpiValue(k.type(), k.period(), k.slice().label(), k.sliceValue(), kpi, (double) num, den, (double) num / den));
        }
    }

    /** A share whose numerator is not a count (kpis.md section 9); value = num / den. */
    void fraction(GroupKey k, String kpi, double num, long den) {
        if (den > 0 && wants(k.type(), k.period())) {
            values.add(new KpiValue(k.type(), k.period(), k.slice().label(), k.sliceValue(), kpi, num, den, num / den));
        }
    }

    void number(GroupKey k, String kpi, double value) {
        if (!Double.isNaN(value) && !Double.isInfinite(value) && wants(k.type(), k.period())) {
            values.add(new KpiValue(k.type(), k.period(), k.slice().label(), k.sliceValue(), kpi, null, null, value));
        }
    }

    List<KpiValue> values() {
        return values;
    }
}
