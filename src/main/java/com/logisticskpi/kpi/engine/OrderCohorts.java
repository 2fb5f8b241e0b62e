package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.kpi.KpiTarget;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;
import com.logisticskpi.kpi.SliceFilter;
import com.logisticskpi.kpi.catalog.Kpi;
import com.logisticskpi.kpi.engine.OrderCounts.Additive;
import com.logisticskpi.kpi.engine.OrderCounts.DayCells;
import com.logisticskpi.kpi.engine.OrderCounts.Delivered;
import com.logisticskpi.kpi.engine.OrderCounts.DeliveredOrder;
import com.logisticskpi.kpi.engine.OrderCounts.Due;
import com.logisticskpi.kpi.engine.OrderCounts.Refunded;

/**
 * Delivery, cycle and return figures from a run's order_outcome and kpi_return rows (kpis.md sections 2-4).
 * <ul>
 * <li>Counts and sums: one pass over the run's order_outcome rows and one over its kpi_return rows, each row added
 * in Java to its (local day, slice value) cell of every slice ({@link OrderCounts}: one named field per measure); a
 * week's or a month's counts are the sums of its days' counts (cohorts are sets of orders, so they add up exactly).</li>
 * <li>Means, standard deviations and exact percentiles: ONE stream per measure with every value in ascending order
 * ({@code ORDER BY value}); each value is offered to the accumulator of every (period, slice value) it belongs to.
 * The values of any group are a sub-sequence of a sorted sequence, hence sorted themselves, and the group sizes are
 * known from the counts, so {@link RankPicker} keeps only the values around each rank. Memory: a few numbers per
 * output cell, never the values.</li>
 * </ul>
 * Columns are read by their labels (resolved once per result set). Column names in the SQL come only from
 * {@link Slice} (never from input); every value is a bound parameter.
 */
final class OrderCohorts {

    private static final String RETURN_JOIN = "kpi_return r JOIN order_outcome o ON o.run_id = r.run_id AND o.order_id = r.order_id";
    private static final String SLICE_COLUMNS = "o.warehouse, o.carrier, o.region, o.channel, o.segment";
    private static final String DELIVERED_ROWS = "o.run_id = ? AND o.state = 'DELIVERED'";

    private final Connection stream;
    private final long runId;
    private final SliceFilter filter;
    private final ValueSink sink;
    private final Map<String, String[]> labelsOfDay = new HashMap<>();
    private final KpiTarget onTimeTarget;
    private final Map<GroupKey, Long> deliveredCounts = new HashMap<>();

    /** @param onTimeTarget the on_time_rate target (on_time_required_rate needs it), or null when it has none */
    OrderCohorts(Connection stream, long runId, SliceFilter filter, ValueSink sink, KpiTarget onTimeTarget) {
        this.onTimeTarget = onTimeTarget;
        this.stream = stream;
        this.runId = runId;
        this.filter = filter;
        this.sink = sink;
    }

    void computeAll() throws SQLException {
        Map<GroupKey, Due> due = new HashMap<>();
        Map<GroupKey, Delivered> delivered = new HashMap<>();
        Map<GroupKey, Map<String, Long>> reasons = new HashMap<>();
        Map<GroupKey, Refunded> refunds = new HashMap<>();
        orderCounts(due, delivered);
        returnCounts(reasons, refunds);
        emitCounts(due, delivered, reasons);
        delivered.forEach((k, c) -> deliveredCounts.put(k, c.orders));
        Map<GroupKey, Long> refundN = new HashMap<>();
        refunds.forEach((k, c) -> refundN.put(k, c.returns));
        distribution("o.cycle_us", "o.del_day", "order_outcome o", DELIVERED_ROWS, deliveredCounts, HoursDistribution.CYCLE);
        distribution("o.dispatch_us", "o.del_day", "order_outcome o", DELIVERED_ROWS, deliveredCounts, HoursDistribution.DISPATCH);
        distribution("r.refund_us", "r.ref_day", RETURN_JOIN, "r.run_id = ? AND r.refund_us IS NOT NULL", refundN,
                HoursDistribution.REFUND);
    }

    /** The delivered cohort's size per (period, slice value), after {@link #computeAll} (complaint_rate's denominator). */
    Map<GroupKey, Long> deliveredCounts() {
        return deliveredCounts;
    }

    /**
     * The due and delivered cohorts' counts of every slice in ONE pass over the run's order_outcome rows (no sort,
     * no GROUP BY): each row adds to its (due day, slice value) and, when delivered, its (delivery day, slice value)
     * cell of every slice; the days' sums then add up to weeks and months. Same figures as the former
     * {@code SELECT day, slice, SUM(CASE WHEN flag = TRUE THEN 1 ELSE 0 END) ... GROUP BY day, slice} per slice (a
     * NULL flag counts as false). Memory: the day cells (days x slice values), never the orders.
     */
    private void orderCounts(Map<GroupKey, Due> due, Map<GroupKey, Delivered> delivered) throws SQLException {
        String sql = "SELECT o.due_day, o.del_day, o.state, o.on_time, o.accurate, o.accurate_line_count, o.line_count,"
                + " o.damaged, o.documents_ok, o.perfect, o.is_split, o.within_target, " + SLICE_COLUMNS
                + " FROM order_outcome o WHERE o.run_id = ?" + filterSql();
        DayCells<Due> dueDays = new DayCells<>(Due::new);
        DayCells<Delivered> delDays = new DayCells<>(Delivered::new);
        try (PreparedStatement ps = Jdbc.streaming(stream, sql)) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                OutcomeColumns c = new OutcomeColumns(rs);
                SliceColumns slices = new SliceColumns(rs);
                while (rs.next()) {
                    String state = rs.getString(c.state);
                    boolean isDelivered = "DELIVERED".equals(state);
                    boolean onTime = isDelivered && rs.getBoolean(c.onTime);
                    boolean pending = "PENDING".equals(state);
                    Map<Slice, String> sv = slices.read(rs);
                    String dueDay = rs.getString(c.dueDay);
                    for (Map.Entry<Slice, String> s : sv.entrySet()) {
                        Due d = dueDays.cell(s.getKey(), dueDay, s.getValue());
                        d.onTime += onTime ? 1 : 0;
                        if (pending) {
                            d.pending++;
                        } else {
                            d.judged++;
                        }
                    }
                    if (isDelivered) {
                        DeliveredOrder order = new DeliveredOrder(rs.getBoolean(c.accurate), rs.getLong(c.accurateLines),
                                rs.getLong(c.lines), rs.getBoolean(c.damaged), rs.getBoolean(c.documentsOk),
                                rs.getBoolean(c.perfect), rs.getBoolean(c.split), rs.getBoolean(c.withinTarget));
                        String delDay = rs.getString(c.delDay);
                        for (Map.Entry<Slice, String> s : sv.entrySet()) {
                            delDays.cell(s.getKey(), delDay, s.getValue()).add(order);
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
    private void returnCounts(Map<GroupKey, Map<String, Long>> reasons, Map<GroupKey, Refunded> refunds) throws SQLException {
        String sql = "SELECT r.req_day, r.ref_day, r.reason_code, r.refund_us, " + SLICE_COLUMNS + " FROM " + RETURN_JOIN
                + " WHERE r.run_id = ?" + filterSql();
        DayCells<Map<String, Long>> reasonDays = new DayCells<>(TreeMap::new);
        DayCells<Refunded> refundDays = new DayCells<>(Refunded::new);
        try (PreparedStatement ps = Jdbc.streaming(stream, sql)) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                int reqDay = rs.findColumn("req_day");
                int refDay = rs.findColumn("ref_day");
                int reasonCode = rs.findColumn("reason_code");
                int refundUs = rs.findColumn("refund_us");
                SliceColumns slices = new SliceColumns(rs);
                while (rs.next()) {
                    String requested = rs.getString(reqDay);
                    String refundedOn = rs.getString(refDay);
                    String reason = rs.getString(reasonCode);
                    rs.getLong(refundUs);
                    boolean refunded = !rs.wasNull();
                    for (Map.Entry<Slice, String> s : slices.read(rs).entrySet()) {
                        reasonDays.cell(s.getKey(), requested, s.getValue()).merge(reason, 1L, Long::sum);
                        if (refunded) {
                            refundDays.cell(s.getKey(), refundedOn, s.getValue()).returns++;
                        }
                    }
                }
            }
        }
        for (Slice s : Slice.values()) {
            reasonDays.of(s).forEach((cell, byReason) -> {
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

    /** Adds every day cell's counts to the groups of its day, ISO week and month. */
    private <T extends Additive<T>> void addUp(DayCells<T> days, Map<GroupKey, T> into) {
        for (Slice s : Slice.values()) {
            days.of(s).forEach((cell, counts) -> {
                String[] labels = labels(cell.day());
                for (PeriodType t : PeriodType.values()) {
                    into.computeIfAbsent(new GroupKey(t, labels[t.ordinal()], s, cell.sliceValue()), x -> days.empty().get())
                            .addAll(counts);
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

    /** day, week and month label of a local day label (cached), indexed by {@link PeriodType#ordinal()}. */
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

    private void emitCounts(Map<GroupKey, Due> due, Map<GroupKey, Delivered> delivered,
                            Map<GroupKey, Map<String, Long>> reasons) {
        due.forEach((k, c) -> {
            sink.share(k, Kpi.ON_TIME_RATE, c.onTime, c.judged);
            if (c.pending > 0) {
                sink.number(k, Kpi.PENDING_ORDERS, c.pending);
                if (onTimeTarget != null) {
                    // kpis.md section 9: target x (judged + pending) - on-time, over pending
                    sink.fraction(k, Kpi.ON_TIME_REQUIRED_RATE, onTimeTarget.target() * (c.judged + c.pending) - c.onTime,
                            c.pending);
                }
            }
        });
        delivered.forEach((k, c) -> {
            long n = c.orders;
            sink.share(k, Kpi.ORDER_ACCURACY, c.accurate, n);
            sink.share(k, Kpi.LINE_ACCURACY, c.accurateLines, c.lines);
            sink.share(k, Kpi.DAMAGE_RATE, c.damaged, n);
            sink.share(k, Kpi.DOCUMENTATION_ACCURACY, c.documentsOk, n);
            sink.share(k, Kpi.PERFECT_ORDER_RATE, c.perfect, n);
            sink.share(k, Kpi.SPLIT_SHIPMENT_RATE, c.split, n);
            sink.share(k, Kpi.CYCLE_WITHIN_TARGET_RATE, c.withinTarget, n);
            Map<String, Long> r = reasons.get(k);
            sink.share(k, Kpi.RETURN_RATE, r == null ? 0 : r.values().stream().mapToLong(Long::longValue).sum(), n);
        });
        reasons.forEach((k, byReason) -> {
            long total = byReason.values().stream().mapToLong(Long::longValue).sum();
            byReason.forEach((reason, count) -> sink.share(k, Kpi.RETURN_REASON_SHARE.with(reason), count, total));
        });
    }

    /** Accumulators of one group. */
    private record Acc(RankPicker picker, ExactMoments moments) {
    }

    /**
     * The figures of a micro-second column's {@link HoursDistribution}, in hours, for every wanted (period, slice
     * value): one stream in ascending value order.
     */
    private void distribution(String value, String dayColumn, String from, String where, Map<GroupKey, Long> counts,
                              HoursDistribution figures) throws SQLException {
        if (counts.keySet().stream().noneMatch(k -> sink.wants(k.type(), k.period()))) {
            return;
        }
        String sql = "SELECT " + dayColumn + " AS value_day, " + SLICE_COLUMNS + ", " + value + " AS value_us FROM " + from
                + " WHERE " + where + filterSql() + " ORDER BY " + value;
        Map<GroupKey, Acc> groups = new HashMap<>();
        PeriodType[] types = PeriodType.values();
        try (PreparedStatement st = Jdbc.streaming(stream, sql)) {
            bind(st);
            try (ResultSet rs = st.executeQuery()) {
                int dayCol = rs.findColumn("value_day");
                int valueCol = rs.findColumn("value_us");
                SliceColumns slices = new SliceColumns(rs);
                while (rs.next()) {
                    String[] labels = labels(rs.getString(dayCol));
                    long x = rs.getLong(valueCol);
                    for (Map.Entry<Slice, String> s : slices.read(rs).entrySet()) {
                        for (PeriodType t : types) {
                            String period = labels[t.ordinal()];
                            if (!sink.wants(t, period)) {
                                continue;
                            }
                            GroupKey k = new GroupKey(t, period, s.getKey(), s.getValue());
                            Acc a = groups.get(k);
                            if (a == null) {
                                Long n = counts.get(k);
                                if (n == null) {
                                    throw new IllegalStateException("group " + k + " streamed but not counted");
                                }
                                a = new Acc(figures.picker(n), new ExactMoments());
                                groups.put(k, a);
                            }
                            a.picker().offer(x);
                            a.moments().add(x);
                        }
                    }
                }
            }
        }
        groups.forEach((k, a) -> figures.emit(sink, k, a.picker(), a.moments()));
    }
}
