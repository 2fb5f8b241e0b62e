package com.logisticskpi.kpi.drivers;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;

/**
 * Ranks the driver rows of one period and KPI (any dimension) by how much they pushed the figure in one direction:
 * {@code direction} -1 picks the most negative contributions first, +1 the most positive. For "why is it red" the
 * direction is the adverse one ({@link #adverse}): down for a KPI where higher is better, up for damage or returns.
 * Contributions below 1e-12 in size are noise and never picked.
 */
public final class TopDrivers {

    static final double NOISE = 1e-12;

    private TopDrivers() {
    }

    /** The direction in which a KPI gets worse: -1 when higher is better, +1 when lower is better. */
    public static int adverse(boolean higherIsBetter) {
        return higherIsBetter ? -1 : 1;
    }

    /** The sign of a change as a direction (0 for no change). */
    public static int direction(double change) {
        return Math.abs(change) <= NOISE ? 0 : change < 0 ? -1 : 1;
    }

    /** The rows of one period and KPI, every dimension. */
    public static List<DriverRow> of(List<DriverRow> rows, PeriodType type, String period, String kpi) {
        return rows.stream().filter(r -> r.periodType() == type && r.period().equals(period) && r.kpi().equals(kpi)).toList();
    }

    /** Up to {@code n} rows whose change contribution points in {@code direction}, largest first. */
    public static List<DriverRow> change(List<DriverRow> rows, int direction, int n) {
        return top(rows, DriverRow::changeContribution, direction, n);
    }

    /** Up to {@code n} rows whose contribution to the gap to target points in {@code direction}, largest first. */
    public static List<DriverRow> gap(List<DriverRow> rows, int direction, int n) {
        return top(rows.stream().filter(r -> r.targetGapContribution() != null).toList(),
                DriverRow::targetGapContribution, direction, n);
    }

    /** Every row, those that moved the figure most in {@code direction} first (0: by size). */
    public static List<DriverRow> byChange(List<DriverRow> rows, int direction) {
        return rows.stream().sorted(order(DriverRow::changeContribution, direction)).toList();
    }

    private static List<DriverRow> top(List<DriverRow> rows, ToDoubleFunction<DriverRow> f, int direction, int n) {
        if (direction == 0) {
            return List.of();
        }
        return rows.stream()
                .filter(r -> f.applyAsDouble(r) * direction > NOISE)
                .sorted(order(f, direction))
                .limit(n)
                .toList();
    }

    private static Comparator<DriverRow> order(ToDoubleFunction<DriverRow> f, int direction) {
        ToDoubleFunction<DriverRow> key = direction == 0 ? r -> -Math.abs(f.applyAsDouble(r)) : r -> -direction * f.applyAsDouble(r);
        return Comparator.comparingDouble(key)
                .thenComparingInt(r -> Slice.rank(r.slice()))
                .thenComparing(DriverRow::sliceValue);
    }
}
