package com.logisticskpi.kpi;

import java.util.Comparator;

/** The order of kpi-values.csv: day, week, month; period; slice all, warehouse, carrier, region, channel, segment; slice value; kpi. */
public final class KpiValueOrder {

    public static final Comparator<KpiValue> ORDER = Comparator
            .comparing((KpiValue v) -> v.periodType().ordinal())
            .thenComparing(KpiValue::period)
            .thenComparingInt(v -> Slice.rank(v.slice()))
            .thenComparing(KpiValue::sliceValue)
            .thenComparing(KpiValue::kpi);

    private KpiValueOrder() {
    }
}
