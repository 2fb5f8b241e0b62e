package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.logisticskpi.kpi.PeriodType;

/**
 * Delivery, cycle and return figures from a run's order_outcome and kpi_return rows (kpis.md sections 2-4).
 * <ul>
 * <li>Counts and sums: one set-based SQL {@code GROUP BY local day, slice value} per cohort and slice; a week's or
 * a month's counts are the sums of its days' counts (cohorts are sets of orders, so they add up exactly).</li>
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

    OrderCohorts(Connection work, Connection stream, long runId, SliceFilter filter, ValueSink sink) {
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
        for (Slice s : Slice.values()) {
            dayCounts(s, "o.due_day", "order_outcome o", "o.run_id = ?", "",
                    ", SUM(CASE WHEN o.state = 'DELIVERED' AND o.on_time = TRUE THEN 1 ELSE 0 END)"
                            + ", SUM(CASE WHEN o.state <> 'PENDING' THEN 1 ELSE 0 END)"
                            + ", SUM(CASE WHEN o.state = 'PENDING' THEN 1 ELSE 0 END)", 3, due, null);
            dayCounts(s, "o.del_day", "order_outcome o", "o.run_id = ? AND o.state = 'DELIVERED'", "",
                    ", COUNT(*), SUM(CASE WHEN o.accurate = TRUE THEN 1 ELSE 0 END)"
                            + ", SUM(o.accurate_line_count), SUM(o.line_count)"
                            + ", SUM(CASE WHEN o.damaged = TRUE THEN 1 ELSE 0 END)"
                            + ", SUM(CASE WHEN o.documents_ok = TRUE THEN 1 ELSE 0 END)"
                            + ", SUM(CASE WHEN o.perfect = TRUE THEN 1 ELSE 0 END)"
                            + ", SUM(CASE WHEN o.is_split = TRUE THEN 1 ELSE 0 END)"
                            + ", SUM(CASE WHEN o.within_target = TRUE THEN 1 ELSE 0 END)", 9, delivered, null);
            dayCounts(s, "r.req_day", RETURN_JOIN, "r.run_id = ?", ", r.reason_code", ", COUNT(*)", 1, null, reasons);
            dayCounts(s, "r.ref_day", RETURN_JOIN, "r.run_id = ? AND r.refund_us IS NOT NULL", "", ", COUNT(*)", 1, refunds, null);
        }
        emitCounts(due, delivered, reasons);
        Map<GroupKey, Long> deliveredN = new HashMap<>();
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

    /**
     * Runs {@code SELECT day[, slice][extraGroup] <sums> ... GROUP BY ...} and adds each row's sums to the groups of its
     * day, week and month: into {@code sums} (arrays of {@code width}) or, with an extra group column, into
     * {@code byExtra} (the extra column's value -> count).
     */
    private void dayCounts(Slice s, String dayColumn, String from, String where, String extraGroup, String sums, int width,
                           Map<GroupKey, long[]> into, Map<GroupKey, Map<String, Long>> byExtra) throws SQLException {
        String sliceCol = s == Slice.ALL ? "" : ", o." + s.column();
        String group = dayColumn + sliceCol + extraGroup;
        String sql = "SELECT " + group + sums + " FROM " + from + " WHERE " + where + filterSql() + " GROUP BY " + group;
        try (PreparedStatement ps = work.prepareStatement(sql)) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int c = 2;
                    String sv = s == Slice.ALL ? Slice.ALL.label() : rs.getString(c++);
                    String extra = extraGroup.isEmpty() ? null : rs.getString(c++);
                    long[] row = new long[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = rs.getLong(c + i);
                    }
                    String[] labels = labels(rs.getString(1));
                    for (PeriodType t : PeriodType.values()) {
                        GroupKey k = new GroupKey(t, labels[t.ordinal()], s, sv);
                        if (byExtra != null) {
                            byExtra.computeIfAbsent(k, x -> new TreeMap<>()).merge(extra, row[0], Long::sum);
                        } else {
                            long[] acc = into.computeIfAbsent(k, x -> new long[width]);
                            for (int i = 0; i < width; i++) {
                                acc[i] += row[i];
                            }
                        }
                    }
                }
            }
        }
    }

    private void emitCounts(Map<GroupKey, long[]> due, Map<GroupKey, long[]> delivered,
                            Map<GroupKey, Map<String, Long>> reasons) {
        due.forEach((k, c) -> {
            sink.share(k, "on_time_rate", c[0], c[1]);
            if (c[2] > 0) {
                sink.number(k, "pending_orders", c[2]);
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
