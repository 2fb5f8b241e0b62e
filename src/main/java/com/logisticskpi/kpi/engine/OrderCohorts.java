package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.KpiValue;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;
import com.logisticskpi.kpi.SliceFilter;

/**
 * Delivery, cycle and return figures from a run's order_outcome and kpi_return rows (kpis.md sections 2-4).
 * <ul>
 * <li>Counts and sums: one pass over the run's order_outcome rows and one over its kpi_return rows, each row added
 * in Java to its (local day, slice value) cell of every slice; a week's or a month's counts are the sums of its days'
 * counts (cohorts are sets of orders, so they add up exactly).</li>
 * <li>Means, standard deviations and exact percentiles: ONE stream per measure with every value in ascending order
 * ({@code ORDER BY value}); each value is offered to the accumulator of every (period, slice value) it belongs to.
 * The values of any group are a sub-sequence of a sorted sequence, hence sorted themselves, and the group sizes are
 * known from the counts, so {@link RankPicker} keeps only the values around each rank. Memory: a few numbers per
 * output cell, never the values.</li>
 * </ul>
 * Column names in the SQL come only from {@link Slice} (never from input); every value is a bound parameter.
 */
final class OrderCohorts {

    static final double US_PER_HOUR = OutcomeBuilder.MICROS_PER_HOUR;
    private static final String RETURN_JOIN = "kpi_return r JOIN order_outcome o ON o.run_id = r.run_id AND o.order_id = r.order_id";
    private static final String SLICE_COLUMNS = "o.warehouse, o.carrier, o.region, o.channel, o.segment";

    private final Connection work;
    private final Connection stream;
    private final long runId;
    private final SliceFilter filter;
    private final ValueSink sink;
    private final Map<String, String[]> labelsOfDay = new HashMap<>();
    private final KpiTarget onTimeTarget;
    private final Map<GroupKey, Long> deliveredCounts = new HashMap<>();

    /** @param onTimeTarget the on_time_rate target (on_time_required_rate needs it), or null when it has none */
    OrderCohorts(Connection work, Connection stream, long runId, SliceFilter filter, ValueSink sink, KpiTarget onTimeTarget) {
        this.onTimeTarget = onTimeTarget;
        this.work = work;
        this.stream = stream;
        this.runId = runId;
        this.filter = filter;
        this.sink = sink;
    }

    void computeAll() throws SQLException {
        Map<GroupKey, long[]> due = new HashMap<>();
        Map<GroupKey, long[]> delivered = new HashMap<>();
        Map<GroupKey, Map<String, Long>> reasons = new HashMap<>();
        Map<GroupKey, long[]> refunds = new HashMap<>();
        orderCounts(due, delivered);
        returnCounts(reasons, refunds);
        emitCounts(due, delivered, reasons);
        Map<GroupKey, Long> deliveredN = deliveredCounts;
        delivered.forEach((k, c) -> deliveredN.put(k, c[0]));
        Map<GroupKey, Long> refundN = new HashMap<>();
        refunds.forEach((k, c) -> refundN.put(k, c[0]));
        distribution("o.cycle_us", "o.del_day", "order_outcome o", "o.run_id = ? AND o.state = 'DELIVERED'", deliveredN,
                "cycle_hours", true, 0.5, 0.9, 0.95);
        distribution("o.dispatch_us", "o.del_day", "order_outcome o", "o.run_id = ? AND o.state = 'DELIVERED'", deliveredN,
                "dispatch_hours", false, 0.9);
        distribution("r.refund_us", "r.ref_day", RETURN_JOIN, "r.run_id = ? AND r.refund_us IS NOT NULL", refundN,
                "refund_hours", false, 0.9);
    }

    /** The delivered cohort's size per (period, slice value), after {@link #computeAll} (complaint_rate's denominator). */
    Map<GroupKey, Long> deliveredCounts() {
        return deliveredCounts;
    }

    /** A local day and a slice value: the unit the streamed rows are counted in before days add up to periods. */
    private record DayCell(String day, String sliceValue) {
    }

    /** Per slice: day cell -> sums of {@code width} columns. */
    private static final class DayCounts {
        private final int width;
        private final List<Map<DayCell, long[]>> bySlice = new ArrayList<>();

        DayCounts(int width) {
            this.width = width;
            for (int i = 0; i < Slice.values().length; i++) {
                bySlice.add(new HashMap<>());
            }
        }

        /** The sums of (day, value of slice s); created on first use. */
        long[] cell(Slice s, String day, String sliceValue) {
            return bySlice.get(s.ordinal()).computeIfAbsent(new DayCell(day, sliceValue), x -> new long[width]);
        }
    }

    /**
     * The due and delivered cohorts' counts of every slice in ONE pass over the run's order_outcome rows (no sort,
     * no GROUP BY): each row adds to its (due day, slice value) and, when delivered, its (delivery day, slice value)
     * cell of every slice; the days' sums then add up to weeks and months. Same figures as the former
     * {@code SELECT day, slice, SUM(CASE WHEN flag = TRUE THEN 1 ELSE 0 END) ... GROUP BY day, slice} per slice (a
     * NULL flag counts as false). Memory: the day cells (days x slice values), never the orders.
     */
    private void orderCounts(Map<GroupKey, long[]> due, Map<GroupKey, long[]> delivered) throws SQLException {
        String sql = "SELECT o.due_day, o.del_day, o.state, o.on_time, o.accurate, o.accurate_line_count, o.line_count,"
                + " o.damaged, o.documents_ok, o.perfect, o.is_split, o.within_target, " + SLICE_COLUMNS
                + " FROM order_outcome o WHERE o.run_id = ?" + filterSql();
        DayCounts dueDays = new DayCounts(3);
        DayCounts delDays = new DayCounts(9);
        Slice[] slices = Slice.values();
        String[] sv = new String[slices.length];
        try (PreparedStatement ps = Jdbc.streaming(stream, sql)) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String dueDay = rs.getString(1);
                    String delDay = rs.getString(2);
                    String state = rs.getString(3);
                    boolean isDelivered = "DELIVERED".equals(state);
                    boolean onTime = isDelivered && rs.getBoolean(4);
                    boolean pending = "PENDING".equals(state);
                    for (Slice s : slices) {
                        sv[s.ordinal()] = s == Slice.ALL ? Slice.ALL.label() : rs.getString(12 + s.ordinal());
                    }
                    for (Slice s : slices) {
                        long[] d = dueDays.cell(s, dueDay, sv[s.ordinal()]);
                        if (onTime) {
                            d[0]++;
                        }
                        if (pending) {
                            d[2]++;
                        } else {
                            d[1]++;
                        }
                    }
                    if (isDelivered) {
                        long accurate = rs.getBoolean(5) ? 1 : 0;
                        long accurateLines = rs.getLong(6);
                        long lines = rs.getLong(7);
                        long damaged = rs.getBoolean(8) ? 1 : 0;
                        long docs = rs.getBoolean(9) ? 1 : 0;
                        long perfect = rs.getBoolean(10) ? 1 : 0;
                        long split = rs.getBoolean(11) ? 1 : 0;
                        long within = rs.getBoolean(12) ? 1 : 0;
                        for (Slice s : slices) {
                            long[] c = delDays.cell(s, delDay, sv[s.ordinal()]);
                            c[0]++;
                            c[1] += accurate;
                            c[2] += accurateLines;
                            c[3] += lines;
                            c[4] += damaged;
                            c[5] += docs;
                            c[6] += perfect;
                            c[7] += split;
                            c[8] += within;
                        }
                    }
                }
            }
        }
        addUp(dueDays, due);
        addUp(delDays, delivered);
    }

    /**
     * Returns by (request day, slice value, reason) and refunded returns by (refund day, slice value) of every slice,
     * in one pass over the run's kpi_return rows joined to their order's outcome (a return without an outcome counts
     * nowhere, as with the join before).
     */
    private void returnCounts(Map<GroupKey, Map<String, Long>> reasons, Map<GroupKey, long[]> refunds) throws SQLException {
        String sql = "SELECT r.req_day, r.ref_day, r.reason_code, r.refund_us, " + SLICE_COLUMNS + " FROM " + RETURN_JOIN
                + " WHERE r.run_id = ?" + filterSql();
        Slice[] slices = Slice.values();
        List<Map<DayCell, Map<String, Long>>> reasonDays = new ArrayList<>();
        for (int i = 0; i < slices.length; i++) {
            reasonDays.add(new HashMap<>());
        }
        DayCounts refundDays = new DayCounts(1);
        try (PreparedStatement ps = Jdbc.streaming(stream, sql)) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String reqDay = rs.getString(1);
                    String refDay = rs.getString(2);
                    String reason = rs.getString(3);
                    rs.getLong(4);
                    boolean refunded = !rs.wasNull();
                    for (Slice s : slices) {
                        String v = s == Slice.ALL ? Slice.ALL.label() : rs.getString(4 + s.ordinal());
                        reasonDays.get(s.ordinal()).computeIfAbsent(new DayCell(reqDay, v), x -> new TreeMap<>())
                                .merge(reason, 1L, Long::sum);
                        if (refunded) {
                            refundDays.cell(s, refDay, v)[0]++;
                        }
                    }
                }
            }
        }
        for (Slice s : slices) {
            reasonDays.get(s.ordinal()).forEach((cell, byReason) -> {
                String[] labels = labels(cell.day());
                for (PeriodType t : PeriodType.values()) {
                    Map<String, Long> into = reasons.computeIfAbsent(
                            new GroupKey(t, labels[t.ordinal()], s, cell.sliceValue()), x -> new TreeMap<>());
                    byReason.forEach((reason, n) -> into.merge(reason, n, Long::sum));
                }
            });
        }
        addUp(refundDays, refunds);
    }

    /** Adds every day cell's sums to the groups of its day, ISO week and month. */
    private void addUp(DayCounts days, Map<GroupKey, long[]> into) {
        for (Slice s : Slice.values()) {
            days.bySlice.get(s.ordinal()).forEach((cell, row) -> {
                String[] labels = labels(cell.day());
                for (PeriodType t : PeriodType.values()) {
                    long[] acc = into.computeIfAbsent(new GroupKey(t, labels[t.ordinal()], s, cell.sliceValue()),
                            x -> new long[days.width]);
                    for (int i = 0; i < row.length; i++) {
                        acc[i] += row[i];
                    }
                }
            });
        }
    }

    private String filterSql() {
        return filter == null ? "" : " AND o." + filter.slice().column() + " = ?";
    }

    private void bind(PreparedStatement ps) throws SQLException {
        ps.setLong(1, runId);
        if (filter != null) {
            ps.setString(2, filter.value());
        }
    }

    /** day, week and month label of a local day label (cached). */
    private String[] labels(String day) {
        return labelsOfDay.computeIfAbsent(day, d -> {
            LocalDate date = LocalDate.parse(d);
            String[] l = new String[PeriodType.values().length];
            for (PeriodType t : PeriodType.values()) {
                l[t.ordinal()] = t.periodOf(date);
            }
            return l;
        });
    }

    private void emitCounts(Map<GroupKey, long[]> due, Map<GroupKey, long[]> delivered,
                            Map<GroupKey, Map<String, Long>> reasons) {
        due.forEach((k, c) -> {
            sink.share(k, "on_time_rate", c[0], c[1]);
            if (c[2] > 0) {
                sink.number(k, "pending_orders", c[2]);
                if (onTimeTarget != null) {
                    // kpis.md section 9: target x (judged + pending) - on-time, over pending
                    sink.fraction(k, KpiValue.ON_TIME_REQUIRED_RATE, onTimeTarget.target() * (c[1] + c[2]) - c[0], c[2]);
                }
            }
        });
        delivered.forEach((k, c) -> {
            long n = c[0];
            sink.share(k, "order_accuracy", c[1], n);
            sink.share(k, "line_accuracy", c[2], c[3]);
            sink.share(k, "damage_rate", c[4], n);
            sink.share(k, "documentation_accuracy", c[5], n);
            sink.share(k, "perfect_order_rate", c[6], n);
            sink.share(k, "split_shipment_rate", c[7], n);
            sink.share(k, "cycle_within_target_rate", c[8], n);
            Map<String, Long> r = reasons.get(k);
            sink.share(k, "return_rate", r == null ? 0 : r.values().stream().mapToLong(Long::longValue).sum(), n);
        });
        reasons.forEach((k, byReason) -> {
            long total = byReason.values().stream().mapToLong(Long::longValue).sum();
            byReason.forEach((reason, count) -> sink.share(k, "return_reason_share." + reason, count, total));
        });
    }

    /** Accumulators of one group. */
    private static final class Acc {
        final RankPicker picker;
        final ExactMoments moments = new ExactMoments();

        Acc(long n, double[] ps) {
            picker = new RankPicker(n, ps);
        }
    }

    /**
     * Mean (and sd, CV when {@code full}) and percentiles of a micro-second column, in hours, for every wanted
     * (period, slice value): one stream in ascending value order.
     */
    private void distribution(String value, String dayColumn, String from, String where, Map<GroupKey, Long> counts,
                              String prefix, boolean full, double... ps) throws SQLException {
        if (counts.keySet().stream().noneMatch(k -> sink.wants(k.type(), k.period()))) {
            return;
        }
        String sql = "SELECT " + dayColumn + ", " + SLICE_COLUMNS + ", " + value + " FROM " + from + " WHERE " + where
                + filterSql() + " ORDER BY " + value;
        Map<GroupKey, Acc> groups = new HashMap<>();
        Slice[] slices = Slice.values();
        PeriodType[] types = PeriodType.values();
        try (PreparedStatement st = Jdbc.streaming(stream, sql)) {
            bind(st);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String[] labels = labels(rs.getString(1));
                    long x = rs.getLong(7);
                    for (Slice s : slices) {
                        String sv = s == Slice.ALL ? Slice.ALL.label() : rs.getString(1 + s.ordinal());
                        for (PeriodType t : types) {
                            String period = labels[t.ordinal()];
                            if (!sink.wants(t, period)) {
                                continue;
                            }
                            GroupKey k = new GroupKey(t, period, s, sv);
                            Acc a = groups.get(k);
                            if (a == null) {
                                Long n = counts.get(k);
                                if (n == null) {
                                    throw new IllegalStateException("group " + k + " streamed but not counted");
                                }
                                a = new Acc(n, ps);
                                groups.put(k, a);
                            }
                            a.picker.offer(x);
                            a.moments.add(x);
                        }
                    }
                }
            }
        }
        groups.forEach((k, a) -> finish(k, prefix, full, a.picker, a.moments));
    }

    private void finish(GroupKey k, String prefix, boolean full, RankPicker picker, ExactMoments m) {
        double mean = m.mean(US_PER_HOUR);
        sink.number(k, prefix + "_mean", mean);
        if (full) {
            sink.number(k, prefix + "_p50", picker.percentile(0) / US_PER_HOUR);
            sink.number(k, prefix + "_p90", picker.percentile(1) / US_PER_HOUR);
            sink.number(k, prefix + "_p95", picker.percentile(2) / US_PER_HOUR);
            if (m.count() >= 2) {
                double sd = m.sampleSd(US_PER_HOUR);
                sink.number(k, prefix + "_sd", sd);
                if (mean != 0) {
                    sink.number(k, "cycle_cv", sd / mean);
                }
            }
        } else {
            sink.number(k, prefix + "_p90", picker.percentile(0) / US_PER_HOUR);
        }
    }
}
