package com.logisticskpi.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;

/**
 * A small hand-made input where every headline number is known: day 2026-11-12 (previous 2026-11-11), week 2026-W46
 * (previous 2026-W45) and month 2026-11 (no previous month, and only two KPIs).
 */
final class HandSet {

    static final String DAY = "2026-11-12", PREV_DAY = "2026-11-11", WEEK = "2026-W46", PREV_WEEK = "2026-W45", MONTH = "2026-11";

    /** The defaults of kpis.md section 6 only (no target for CSAT, return rate, P50, P90). */
    static Map<String, KpiTarget> targets() {
        Map<String, KpiTarget> t = new LinkedHashMap<>(ReportTestData.targets());
        t.remove("csat");
        t.remove("return_rate");
        return t;
    }

    static ReportInput input(Locale locale) {
        List<KpiValue> v = new ArrayList<>();
        // day
        share(v, PeriodType.DAY, DAY, "on_time_rate", 90, 100);
        share(v, PeriodType.DAY, PREV_DAY, "on_time_rate", 95, 100);
        share(v, PeriodType.DAY, DAY, "order_accuracy", 992, 1000);
        share(v, PeriodType.DAY, PREV_DAY, "order_accuracy", 990, 1000);
        share(v, PeriodType.DAY, DAY, "damage_rate", 4, 1000);
        share(v, PeriodType.DAY, PREV_DAY, "damage_rate", 12, 1000);
        share(v, PeriodType.DAY, DAY, "perfect_order_rate", 86, 100);
        share(v, PeriodType.DAY, PREV_DAY, "perfect_order_rate", 91, 100);
        num(v, PeriodType.DAY, DAY, "cycle_hours_p50", 30.5);
        num(v, PeriodType.DAY, PREV_DAY, "cycle_hours_p50", 28.0);
        num(v, PeriodType.DAY, DAY, "cycle_hours_p90", 60.0);
        num(v, PeriodType.DAY, PREV_DAY, "cycle_hours_p90", 55.5);
        num(v, PeriodType.DAY, DAY, "cycle_cv", 0.55);
        num(v, PeriodType.DAY, PREV_DAY, "cycle_cv", 0.45);
        num(v, PeriodType.DAY, DAY, "csi", 82.0);
        num(v, PeriodType.DAY, PREV_DAY, "csi", 79.0);
        share(v, PeriodType.DAY, DAY, "csat", 40, 50);
        share(v, PeriodType.DAY, PREV_DAY, "csat", 45, 50);
        num(v, PeriodType.DAY, DAY, "nps", 15.0);
        num(v, PeriodType.DAY, PREV_DAY, "nps", 35.0);
        share(v, PeriodType.DAY, DAY, "return_rate", 30, 1000);
        // week: shares only
        share(v, PeriodType.WEEK, WEEK, "on_time_rate", 600, 700);
        share(v, PeriodType.WEEK, PREV_WEEK, "on_time_rate", 650, 700);
        share(v, PeriodType.WEEK, WEEK, "order_accuracy", 6980, 7000);
        share(v, PeriodType.WEEK, PREV_WEEK, "order_accuracy", 6950, 7000);
        share(v, PeriodType.WEEK, WEEK, "damage_rate", 70, 7000);
        share(v, PeriodType.WEEK, WEEK, "perfect_order_rate", 6300, 7000);
        share(v, PeriodType.WEEK, WEEK, "csat", 300, 350);
        share(v, PeriodType.WEEK, WEEK, "return_rate", 210, 7000);
        // month: two KPIs exactly on their edges
        share(v, PeriodType.MONTH, MONTH, "on_time_rate", 2850, 3000);
        num(v, PeriodType.MONTH, MONTH, "nps", 20.0);
        return new ReportInput(ReportTestData.DATE, ReportTestData.AS_OF, ReportTestData.ZONE, locale,
                new ReportInput.Freshness(Instant.parse("2026-11-12T15:58:00Z"), Instant.parse("2026-11-12T21:30:00Z")),
                v, targets(), List.of(), List.of(), List.of(), List.of(), Path.of("exceptions.csv"));
    }

    private static void share(List<KpiValue> v, PeriodType t, String period, String kpi, long x, long n) {
        v.add(new KpiValue(t, period, KpiValue.ALL, KpiValue.ALL, kpi, (double) x, n, (double) x / n));
    }

    private static void num(List<KpiValue> v, PeriodType t, String period, String kpi, double value) {
        v.add(new KpiValue(t, period, KpiValue.ALL, KpiValue.ALL, kpi, null, null, value));
    }
}
