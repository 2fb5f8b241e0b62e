package com.logisticskpi.kpi.drivers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.PeriodType;

/**
 * The exact split of kpis.md section 8 for one period, KPI and dimension (shift-share with midpoint weights). For a
 * slice value s with N1, D1 in the period and N0, D0 in the previous one (0 and 0 without a row):
 * D = sum D1, D' = sum D0, R1 = sum N1 / D, R0 = sum N0 / D' (the dimension's pooled figures);
 * w1 = D1 / D, w0 = D0 / D'; r1 = N1 / D1, r0 = N0 / D0, a side without orders taking the other side's rate;
 * rate effect = (r1 - r0)(w0 + w1) / 2, mix effect = (w1 - w0)((r0 + r1) / 2 - (R0 + R1) / 2); their sum over the
 * values is R1 - R0. Gap contribution = w1 (r1 - target) when the KPI has a target and D1 > 0; they add up to
 * R1 - target.
 */
public final class ShiftShare {

    /** A numerator and denominator of one slice value. */
    public record Figure(double numerator, long denominator) {
    }

    private ShiftShare() {
    }

    /**
     * The rows of one dimension, one per slice value present in either period, sorted by slice value; none when
     * either period has no denominator in the dimension.
     *
     * @param current  slice value to figure in the period
     * @param previous slice value to figure in the previous period
     * @param target   the KPI's target, or null
     */
    public static List<DriverRow> split(PeriodType type, String period, String previousPeriod, String kpi, String slice,
                                        Map<String, Figure> current, Map<String, Figure> previous, KpiTarget target) {
        double n1Sum = 0;
        long d1Sum = 0;
        for (Figure f : current.values()) {
            n1Sum += f.numerator();
            d1Sum += f.denominator();
        }
        double n0Sum = 0;
        long d0Sum = 0;
        for (Figure f : previous.values()) {
            n0Sum += f.numerator();
            d0Sum += f.denominator();
        }
        List<DriverRow> rows = new ArrayList<>();
        if (d1Sum == 0 || d0Sum == 0) {
            return rows;
        }
        double pooled1 = n1Sum / d1Sum;
        double pooled0 = n0Sum / d0Sum;
        TreeSet<String> values = new TreeSet<>(current.keySet());
        values.addAll(previous.keySet());
        for (String value : values) {
            Figure c = current.getOrDefault(value, new Figure(0, 0));
            Figure p = previous.getOrDefault(value, new Figure(0, 0));
            double w1 = (double) c.denominator() / d1Sum;
            double w0 = (double) p.denominator() / d0Sum;
            Double own1 = c.denominator() == 0 ? null : c.numerator() / c.denominator();
            Double own0 = p.denominator() == 0 ? null : p.numerator() / p.denominator();
            double r1 = own1 != null ? own1 : own0;
            double r0 = own0 != null ? own0 : own1;
            double rate = (r1 - r0) * (w0 + w1) / 2;
            double mix = (w1 - w0) * ((r0 + r1) / 2 - (pooled0 + pooled1) / 2);
            Double gap = target == null || c.denominator() == 0 ? null : w1 * (r1 - target.target());
            rows.add(new DriverRow(type, period, previousPeriod, kpi, slice, value, c.numerator(), c.denominator(),
                    p.numerator(), p.denominator(), rate, mix, rate + mix, gap));
        }
        return rows;
    }
}
