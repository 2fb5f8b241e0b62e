package com.logisticskpi.kpi.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.logisticskpi.kpi.Slice;

/**
 * The named counts {@link OrderCohorts} adds up per (period, slice value): one class per cohort, one field per
 * measure, so a figure's numerator and denominator are read by name.
 */
final class OrderCounts {

    private OrderCounts() {
    }

    /** Counts that add up: a week's or a month's are the sums of its days'. */
    interface Additive<T extends Additive<T>> {
        void addAll(T other);
    }

    /** The due cohort of one cell (kpis.md section 2): judged orders, the on-time ones among them, and pending ones. */
    static final class Due implements Additive<Due> {
        long judged;
        long onTime;
        long pending;

        @Override
        public void addAll(Due o) {
            judged += o.judged;
            onTime += o.onTime;
            pending += o.pending;
        }
    }

    /** The delivered cohort of one cell: delivered orders and how many of them had each property. */
    static final class Delivered implements Additive<Delivered> {
        long orders;
        long accurate;
        long accurateLines;
        long lines;
        long damaged;
        long documentsOk;
        long perfect;
        long split;
        long withinTarget;

        /** Adds one delivered order. */
        void add(DeliveredOrder o) {
            orders++;
            accurate += o.accurate() ? 1 : 0;
            accurateLines += o.accurateLines();
            lines += o.lines();
            damaged += o.damaged() ? 1 : 0;
            documentsOk += o.documentsOk() ? 1 : 0;
            perfect += o.perfect() ? 1 : 0;
            split += o.split() ? 1 : 0;
            withinTarget += o.withinTarget() ? 1 : 0;
        }

        @Override
        public void addAll(Delivered o) {
            orders += o.orders;
            accurate += o.accurate;
            accurateLines += o.accurateLines;
            lines += o.lines;
            damaged += o.damaged;
            documentsOk += o.documentsOk;
            perfect += o.perfect;
            split += o.split;
            withinTarget += o.withinTarget;
        }
    }

    /** What one delivered order contributes (a NULL flag counts as false, a NULL count as 0). */
    record DeliveredOrder(boolean accurate, long accurateLines, long lines, boolean damaged, boolean documentsOk,
                          boolean perfect, boolean split, boolean withinTarget) {
    }

    /** Refunded returns of one cell. */
    static final class Refunded implements Additive<Refunded> {
        long returns;

        @Override
        public void addAll(Refunded o) {
            returns += o.returns;
        }
    }

    /** A local day and a slice value: the unit the streamed rows are counted in before days add up to periods. */
    record DayCell(String day, String sliceValue) {
    }

    /** Per slice: day cell -> counts, created on first use. */
    static final class DayCells<T> {
        private final Supplier<T> empty;
        private final List<Map<DayCell, T>> bySlice = new ArrayList<>();

        DayCells(Supplier<T> empty) {
            this.empty = empty;
            for (int i = 0; i < Slice.values().length; i++) {
                bySlice.add(new HashMap<>());
            }
        }

        /** The counts of (day, value of slice s). */
        T cell(Slice s, String day, String sliceValue) {
            return bySlice.get(s.ordinal()).computeIfAbsent(new DayCell(day, sliceValue), x -> empty.get());
        }

        /** The day cells of one slice. */
        Map<DayCell, T> of(Slice s) {
            return bySlice.get(s.ordinal());
        }

        Supplier<T> empty() {
            return empty;
        }
    }
}
