package com.logisticskpi.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;

/** The report's KPI values indexed by period, slice and KPI id. */
public final class KpiLookup {

    private record Key(PeriodType type, String period, String slice, String sliceValue, String kpi) {
    }

    private final Map<Key, KpiValue> byKey = new HashMap<>();

    public KpiLookup(List<KpiValue> values) {
        for (KpiValue v : values) {
            byKey.put(new Key(v.periodType(), v.period(), v.slice(), v.sliceValue(), v.kpi()), v);
        }
    }

    /** The whole-business value of a KPI in the period of {@code type} that contains {@code date}. */
    public Optional<KpiValue> all(PeriodType type, LocalDate date, String kpi) {
        return get(type, type.periodOf(date), KpiValue.ALL, KpiValue.ALL, kpi);
    }

    public Optional<KpiValue> get(PeriodType type, String period, String slice, String sliceValue, String kpi) {
        return Optional.ofNullable(byKey.get(new Key(type, period, slice, sliceValue, kpi)));
    }

    /** The period before the one of {@code type} that contains {@code date}. */
    public static LocalDate previous(PeriodType type, LocalDate date) {
        return type.start(date).minusDays(1);
    }

    /** The {@code count} periods of {@code type} ending with the one containing {@code date}, oldest first. */
    public static List<LocalDate> history(PeriodType type, LocalDate date, int count) {
        List<LocalDate> starts = new ArrayList<>();
        LocalDate d = type.start(date);
        for (int i = 0; i < count; i++) {
            starts.add(0, d);
            d = type.start(previous(type, d));
        }
        return starts;
    }

    /** Slice values present for a slice in a period (any KPI), in first-seen order. */
    public Set<String> sliceValues(PeriodType type, String period, String slice) {
        Set<String> out = new LinkedHashSet<>();
        byKey.keySet().stream()
                .filter(k -> k.type() == type && k.period().equals(period) && k.slice().equals(slice))
                .map(Key::sliceValue).sorted().forEach(out::add);
        return out;
    }

    /** KPI ids starting with {@code prefix} (e.g. {@code return_reason_share.}) present for slice all in a period. */
    public Set<String> kpisWithPrefix(PeriodType type, String period, String prefix) {
        Set<String> out = new LinkedHashSet<>();
        byKey.keySet().stream()
                .filter(k -> k.type() == type && k.period().equals(period) && k.slice().equals(KpiValue.ALL)
                        && k.kpi().startsWith(prefix))
                .map(Key::kpi).sorted().forEach(out::add);
        return out;
    }
}
