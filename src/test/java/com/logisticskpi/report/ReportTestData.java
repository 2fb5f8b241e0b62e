package com.logisticskpi.report;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiTarget.Direction;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.report.ReportInput.ControlPoint;
import com.logisticskpi.report.ReportInput.DataQualityRow;

/** ReportInput builders for the tests: a realistic synthetic one (deterministic Random) and a small hand-made one. */
final class ReportTestData {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DATE = LocalDate.of(2026, 11, 12); // a Thursday in 2026-W46
    static final Instant AS_OF = Instant.parse("2026-11-12T22:00:00Z"); // 06:00 on the 13th in Shanghai

    static final List<String> WAREHOUSES = List.of("WH-SH01", "WH-GZ02", "WH-BJ03", "WH-CD04");
    static final List<String> CARRIERS = List.of("顺丰速运", "中通快递", "JD Logistics", "EMS");
    static final List<String> REGIONS = List.of("华东", "华南", "华北", "西南", "(none)");
    static final List<String> CHANNELS = List.of("web", "app", "marketplace");
    static final List<String> SEGMENTS = List.of("A", "B", "C");

    /** The default targets of kpis.md section 6 plus CSAT 85 % and return rate 5 %. */
    static Map<String, KpiTarget> targets() {
        Map<String, KpiTarget> t = new LinkedHashMap<>();
        t.put("on_time_rate", new KpiTarget("on_time_rate", 0.95, Direction.HIGHER_IS_BETTER, 0.03));
        t.put("order_accuracy", new KpiTarget("order_accuracy", 0.995, Direction.HIGHER_IS_BETTER, 0.005));
        t.put("damage_rate", new KpiTarget("damage_rate", 0.005, Direction.LOWER_IS_BETTER, 0.005));
        t.put("perfect_order_rate", new KpiTarget("perfect_order_rate", 0.90, Direction.HIGHER_IS_BETTER, 0.05));
        t.put("cycle_cv", new KpiTarget("cycle_cv", 0.5, Direction.LOWER_IS_BETTER, 0.1));
        t.put("csi", new KpiTarget("csi", 80, Direction.HIGHER_IS_BETTER, 5));
        t.put("nps", new KpiTarget("nps", 30, Direction.HIGHER_IS_BETTER, 10));
        t.put("csat", new KpiTarget("csat", 0.85, Direction.HIGHER_IS_BETTER, 0.05));
        t.put("return_rate", new KpiTarget("return_rate", 0.05, Direction.LOWER_IS_BETTER, 0.02));
        return t;
    }

    /** A realistic input: every history period, every slice of the month, outcomes and exceptions from a seeded Random. */
    static ReportInput synthetic(long seed, Locale locale, List<OrderOutcome> exceptions) {
        Random rnd = new Random(seed);
        List<KpiValue> values = new ArrayList<>();
        for (PeriodType type : PeriodType.values()) {
            int count = switch (type) {
                case DAY -> 61;
                case WEEK -> 27;
                case MONTH -> 14;
            };
            for (LocalDate start : KpiLookup.history(type, DATE, count)) {
                int scale = switch (type) {
                    case DAY -> 1;
                    case WEEK -> 7;
                    case MONTH -> 30;
                };
                addPeriod(values, rnd, type, type.periodOf(start), KpiValue.ALL, KpiValue.ALL, 400 * scale);
            }
        }
        String month = PeriodType.MONTH.periodOf(DATE);
        Map<String, List<String>> slices = Map.of("warehouse", WAREHOUSES, "carrier", CARRIERS, "region", REGIONS,
                "channel", CHANNELS, "segment", SEGMENTS);
        slices.forEach((slice, names) -> names.forEach(n -> addPeriod(values, rnd, PeriodType.MONTH, month, slice, n, 1500 + rnd.nextInt(3000))));
        // dimensions and reasons for the month
        String[] dims = {"timeliness", "accuracy", "condition", "service", "after_sales", "information"};
        for (String d : dims) {
            values.add(v(PeriodType.MONTH, month, "dim_score." + d, 60 + rnd.nextDouble() * 30));
            values.add(v(PeriodType.MONTH, month, "importance." + d, 0.2 + rnd.nextDouble() * 0.6));
        }
        String[] reasons = {"DAMAGED", "WRONG_ITEM", "MISSING_ITEM", "DEFECTIVE", "NOT_AS_DESCRIBED", "LATE", "CHANGED_MIND", "OTHER"};
        long[] counts = new long[reasons.length];
        long total = 0;
        for (int i = 0; i < reasons.length; i++) {
            counts[i] = 5 + rnd.nextInt(120);
            total += counts[i];
        }
        for (int i = 0; i < reasons.length; i++) {
            values.add(new KpiValue(PeriodType.MONTH, month, KpiValue.ALL, KpiValue.ALL, "return_reason_share." + reasons[i],
                    (double) counts[i], total, (double) counts[i] / total));
        }
        List<OrderOutcome> delivered = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double cycle = Math.max(2, 30 + rnd.nextGaussian() * 14 + (rnd.nextInt(20) == 0 ? 60 : 0));
            delivered.add(outcome(i, rnd, cycle, false));
        }
        return new ReportInput(DATE, AS_OF, ZONE, locale,
                new ReportInput.Freshness(Instant.parse("2026-11-12T15:58:00Z"), Instant.parse("2026-11-12T21:30:00Z")),
                values, targets(), controlChart(rnd), delivered, exceptions, quality(), Path.of("/srv/kpi/out/exceptions_2026-11-12.csv"));
    }

    static List<OrderOutcome> exceptions(long seed, int n) {
        Random rnd = new Random(seed);
        List<OrderOutcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(outcome(i, rnd, 40 + rnd.nextDouble() * 50, true));
        }
        return out;
    }

    static OrderOutcome outcome(int i, Random rnd, double cycle, boolean exception) {
        Instant ordered = AS_OF.minusSeconds(3600L * (24 * 3 + rnd.nextInt(24 * 20)));
        Instant due = ordered.plusSeconds(3600L * 48);
        boolean overdue = exception && rnd.nextInt(10) == 0;
        Instant delivered = overdue ? null : ordered.plusSeconds((long) (cycle * 3600));
        boolean onTime = !overdue && !delivered.isAfter(due);
        boolean damaged = exception && rnd.nextInt(8) == 0;
        boolean accurate = !exception || rnd.nextInt(6) != 0;
        Double late = overdue ? (AS_OF.getEpochSecond() - due.getEpochSecond()) / 3600.0
                : Math.max(0, (delivered.getEpochSecond() - due.getEpochSecond()) / 3600.0);
        return new OrderOutcome(String.format("SO-2026-%07d", i), String.format("C%08d", 10_000_000 + rnd.nextInt(9_000_000)),
                ordered, due, due.atZone(ZONE).toLocalDate(),
                overdue ? OrderOutcome.State.OVERDUE : OrderOutcome.State.DELIVERED,
                delivered, delivered == null ? null : delivered.atZone(ZONE).toLocalDate(),
                overdue ? null : onTime, overdue ? null : accurate, overdue ? null : damaged, overdue ? null : true,
                overdue ? null : onTime && accurate && !damaged, false, 1, accurate ? 1 : 0,
                overdue ? null : cycle, 6.0, late,
                WAREHOUSES.get(i % WAREHOUSES.size()), CARRIERS.get(i % CARRIERS.size()), REGIONS.get(i % REGIONS.size()),
                CHANNELS.get(i % CHANNELS.size()), SEGMENTS.get(i % SEGMENTS.size()));
    }

    private static void addPeriod(List<KpiValue> values, Random rnd, PeriodType type, String period, String slice,
                                  String sliceValue, int orders) {
        long n = orders;
        values.add(share(type, period, slice, sliceValue, "on_time_rate", n, 0.90 + rnd.nextDouble() * 0.08));
        values.add(share(type, period, slice, sliceValue, "order_accuracy", n, 0.985 + rnd.nextDouble() * 0.014));
        values.add(share(type, period, slice, sliceValue, "damage_rate", n, rnd.nextDouble() * 0.012));
        values.add(share(type, period, slice, sliceValue, "perfect_order_rate", n, 0.82 + rnd.nextDouble() * 0.12));
        values.add(share(type, period, slice, sliceValue, "csat", n / 8, 0.78 + rnd.nextDouble() * 0.15));
        values.add(share(type, period, slice, sliceValue, "return_rate", n, 0.03 + rnd.nextDouble() * 0.04));
        values.add(share(type, period, slice, sliceValue, "cycle_within_target_rate", n, 0.9 + rnd.nextDouble() * 0.09));
        double p50 = 24 + rnd.nextDouble() * 12;
        values.add(new KpiValue(type, period, slice, sliceValue, "cycle_hours_p50", null, null, p50));
        values.add(new KpiValue(type, period, slice, sliceValue, "cycle_hours_mean", null, null, p50 * 1.08));
        values.add(new KpiValue(type, period, slice, sliceValue, "cycle_hours_p90", null, null, p50 * 1.9));
        values.add(new KpiValue(type, period, slice, sliceValue, "cycle_hours_p95", null, null, p50 * 2.3));
        double cv = 0.3 + rnd.nextDouble() * 0.35;
        values.add(new KpiValue(type, period, slice, sliceValue, "cycle_hours_sd", null, null, p50 * 1.08 * cv));
        values.add(new KpiValue(type, period, slice, sliceValue, "cycle_cv", null, null, cv));
        values.add(new KpiValue(type, period, slice, sliceValue, "dispatch_hours_mean", null, null, 5 + rnd.nextDouble() * 4));
        values.add(new KpiValue(type, period, slice, sliceValue, "dispatch_hours_p90", null, null, 12 + rnd.nextDouble() * 6));
        values.add(new KpiValue(type, period, slice, sliceValue, "csi", null, null, 72 + rnd.nextDouble() * 14));
        values.add(new KpiValue(type, period, slice, sliceValue, "nps", null, null, 10 + rnd.nextDouble() * 35));
        values.add(new KpiValue(type, period, slice, sliceValue, "survey_responses", null, null, n / 8));
        values.add(new KpiValue(type, period, slice, sliceValue, "refund_hours_mean", null, null, 20 + rnd.nextDouble() * 30));
        values.add(new KpiValue(type, period, slice, sliceValue, "refund_hours_p90", null, null, 60 + rnd.nextDouble() * 40));
    }

    static KpiValue share(PeriodType type, String period, String slice, String sliceValue, String kpi, long n, double p) {
        long x = Math.round(n * p);
        return new KpiValue(type, period, slice, sliceValue, kpi, (double) x, n, (double) x / n);
    }

    static KpiValue v(PeriodType type, String period, String kpi, double value) {
        return new KpiValue(type, period, KpiValue.ALL, KpiValue.ALL, kpi, null, null, value);
    }

    static List<ControlPoint> controlChart(Random rnd) {
        List<ControlPoint> out = new ArrayList<>();
        LocalDate d = DATE.minusDays(59);
        for (int i = 0; i < 60; i++, d = d.plusDays(1)) {
            double value = 31 + rnd.nextGaussian() * 2.5 + (i > 50 ? 6 : 0);
            List<Integer> rules = i == 53 ? List.of(1) : i == 57 ? List.of(2, 4) : List.of();
            out.add(new ControlPoint(d, i == 10 ? null : value, 31.2, 38.9, 23.5, rules));
        }
        return out;
    }

    static List<DataQualityRow> quality() {
        return List.of(
                new DataQualityRow("orders_20261112.csv", "orders", "LOADED", 12_450, 12_431, 0, Map.of("BAD_DATE", 12L, "UNKNOWN_STATUS", 7L), 0),
                new DataQualityRow("shipments_20261112.csv", "shipments", "LOADED", 15_002, 14_990, 310, Map.of("BAD_QUANTITY", 12L), 4),
                new DataQualityRow("returns_20261112.csv", "returns", "LOADED", 402, 402, 0, Map.of(), 1),
                new DataQualityRow("surveys_20261112.csv", "surveys", "PARTIAL", 980, 951, 0, Map.of("SCORE_OUT_OF_RANGE", 29L), 0));
    }
}
