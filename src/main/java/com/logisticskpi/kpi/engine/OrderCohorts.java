package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.logisticskpi.kpi.PeriodType;

/**
 * Delivery, cycle and return figures from a run's order_outcome and kpi_return rows (kpis.md sections 2-4):
 * counts and sums by set-based SQL GROUP BY per period and slice; means, standard deviations and exact
 * percentiles by streaming each group's values in ascending order (ORDER BY group, value) and picking ranks.
 * Column names in the SQL come only from {@link Slice} and {@link PeriodType} (never from input).
 */
final class OrderCohorts {

    static final double US_PER_HOUR = OutcomeBuilder.MICROS_PER_HOUR;

    private final Connection work;
    private final Connection stream;
    private final long runId;
    private final SliceFilter filter;
    private final ValueSink sink;

    OrderCohorts(Connection work, Connection stream, long runId, SliceFilter filter, ValueSink sink) {
        this.work = work;
        this.stream = stream;
        this.runId = runId;
        this.filter = filter;
        this.sink = sink;
    }

    void computeAll() throws SQLException {
        for (PeriodType t : PeriodType.values()) {
            for (Slice s : Slice.values()) {
                dueCohort(t, s);
                Map<GroupKey, Long> delivered = deliveredCohort(t, s);
                distribution(t, s, "o.del_" + col(t), "o.cycle_us", "order_outcome o", "o.state = 'DELIVERED'", "cycle_hours",
                        true, 0.5, 0.9, 0.95);
                distribution(t, s, "o.del_" + col(t), "o.dispatch_us", "order_outcome o",
                        "o.state = 'DELIVERED' AND o.dispatch_us IS NOT NULL", "dispatch_hours", false, 0.9);
                returns(t, s, delivered);
                distribution(t, s, "r.ref_" + col(t), "r.refund_us", RETURN_JOIN, "r.refund_us IS NOT NULL", "refund_hours",
                        false, 0.9);
            }
        }
    }

    private static final String RETURN_JOIN = "kpi_return r JOIN order_outcome o ON o.run_id = r.run_id AND o.order_id = r.order_id";

    private static String col(PeriodType t) {
        return t.label();
    }

    private String sliceSelect(Slice s) {
        return s == Slice.ALL ? "" : ", o." + s.column();
    }

    private String filterSql() {
        return filter == null ? "" : " AND o." + filter.slice().column() + " = ?";
    }

    private int bind(PreparedStatement ps) throws SQLException {
        ps.setLong(1, runId);
        if (filter != null) {
            ps.setString(2, filter.value());
            return 3;
        }
        return 2;
    }

    private GroupKey key(PeriodType t, Slice s, ResultSet rs) throws SQLException {
        return new GroupKey(t, rs.getString(1), s, s == Slice.ALL ? Slice.ALL.label() : rs.getString(2));
    }

    private int firstValueColumn(Slice s) {
        return s == Slice.ALL ? 2 : 3;
    }

    private void dueCohort(PeriodType t, Slice s) throws SQLException {
        String period = "o.due_" + col(t);
        String sql = "SELECT " + period + sliceSelect(s)
                + ", SUM(CASE WHEN o.state = 'DELIVERED' AND o.on_time = TRUE THEN 1 ELSE 0 END)"
                + ", SUM(CASE WHEN o.state <> 'PENDING' THEN 1 ELSE 0 END)"
                + ", SUM(CASE WHEN o.state = 'PENDING' THEN 1 ELSE 0 END)"
                + " FROM order_outcome o WHERE o.run_id = ?" + filterSql()
                + " GROUP BY " + period + sliceSelect(s);
        try (PreparedStatement ps = work.prepareStatement(sql)) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    GroupKey k = key(t, s, rs);
                    int c = firstValueColumn(s);
                    sink.share(k, "on_time_rate", rs.getLong(c), rs.getLong(c + 1));
                    long pending = rs.getLong(c + 2);
                    if (pending > 0) {
                        sink.number(k, "pending_orders", pending);
                    }
                }
            }
        }
    }

    private Map<GroupKey, Long> deliveredCohort(PeriodType t, Slice s) throws SQLException {
        String period = "o.del_" + col(t);
        String sql = "SELECT " + period + sliceSelect(s) + ", COUNT(*)"
                + ", SUM(CASE WHEN o.accurate = TRUE THEN 1 ELSE 0 END)"
                + ", SUM(o.accurate_line_count), SUM(o.line_count)"
                + ", SUM(CASE WHEN o.damaged = TRUE THEN 1 ELSE 0 END)"
                + ", SUM(CASE WHEN o.documents_ok = TRUE THEN 1 ELSE 0 END)"
                + ", SUM(CASE WHEN o.perfect = TRUE THEN 1 ELSE 0 END)"
                + ", SUM(CASE WHEN o.is_split = TRUE THEN 1 ELSE 0 END)"
                + ", SUM(CASE WHEN o.within_target = TRUE THEN 1 ELSE 0 END)"
                + " FROM order_outcome o WHERE o.run_id = ? AND o.state = 'DELIVERED'" + filterSql()
                + " GROUP BY " + period + sliceSelect(s);
        Map<GroupKey, Long> counts = new HashMap<>();
        try (PreparedStatement ps = work.prepareStatement(sql)) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    GroupKey k = key(t, s, rs);
                    int c = firstValueColumn(s);
                    long n = rs.getLong(c);
                    counts.put(k, n);
                    sink.share(k, "order_accuracy", rs.getLong(c + 1), n);
                    sink.share(k, "line_accuracy", rs.getLong(c + 2), rs.getLong(c + 3));
                    sink.share(k, "damage_rate", rs.getLong(c + 4), n);
                    sink.share(k, "documentation_accuracy", rs.getLong(c + 5), n);
                    sink.share(k, "perfect_order_rate", rs.getLong(c + 6), n);
                    sink.share(k, "split_shipment_rate", rs.getLong(c + 7), n);
                    sink.share(k, "cycle_within_target_rate", rs.getLong(c + 8), n);
                }
            }
        }
        return counts;
    }

    private void returns(PeriodType t, Slice s, Map<GroupKey, Long> delivered) throws SQLException {
        String period = "r.req_" + col(t);
        String sql = "SELECT " + period + sliceSelect(s) + ", r.reason_code, COUNT(*) FROM " + RETURN_JOIN
                + " WHERE r.run_id = ?" + filterSql()
                + " GROUP BY " + period + sliceSelect(s) + ", r.reason_code";
        Map<GroupKey, Map<String, Long>> byReason = new HashMap<>();
        try (PreparedStatement ps = work.prepareStatement(sql)) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    GroupKey k = key(t, s, rs);
                    int c = firstValueColumn(s);
                    byReason.computeIfAbsent(k, x -> new TreeMap<>()).merge(rs.getString(c), rs.getLong(c + 1), Long::sum);
                }
            }
        }
        for (Map.Entry<GroupKey, Map<String, Long>> e : byReason.entrySet()) {
            long total = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            for (Map.Entry<String, Long> r : e.getValue().entrySet()) {
                sink.share(e.getKey(), "return_reason_share." + r.getKey(), r.getValue(), total);
            }
        }
        for (Map.Entry<GroupKey, Long> d : delivered.entrySet()) {
            Map<String, Long> reasons = byReason.get(d.getKey());
            long returns = reasons == null ? 0 : reasons.values().stream().mapToLong(Long::longValue).sum();
            sink.share(d.getKey(), "return_rate", returns, d.getValue());
        }
    }

    /**
     * Mean (and, when asked, sd, CV and the given percentiles) of a micro-second column per group, in hours: the group
     * sizes come from a GROUP BY, then the values stream in ascending order per group and only the ranks are kept.
     */
    private void distribution(PeriodType t, Slice s, String period, String value, String from, String where, String prefix,
                              boolean full, double... percentiles) throws SQLException {
        String group = period + sliceSelect(s);
        Map<GroupKey, Long> counts = new HashMap<>();
        String countSql = "SELECT " + group + ", COUNT(*) FROM " + from + " WHERE " + (from.startsWith("kpi_return") ? "r" : "o")
                + ".run_id = ? AND " + where + filterSql() + " GROUP BY " + group;
        try (PreparedStatement ps = work.prepareStatement(countSql)) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(key(t, s, rs), rs.getLong(firstValueColumn(s)));
                }
            }
        }
        if (counts.keySet().stream().noneMatch(k -> sink.wants(k.type(), k.period()))) {
            return;
        }
        String streamSql = "SELECT " + group + ", " + value + " FROM " + from + " WHERE "
                + (from.startsWith("kpi_return") ? "r" : "o") + ".run_id = ? AND " + where + filterSql()
                + " ORDER BY " + group + ", " + value;
        try (PreparedStatement ps = Jdbc.streaming(stream, streamSql)) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                GroupKey current = null;
                RankPicker picker = null;
                ExactMoments moments = null;
                while (rs.next()) {
                    GroupKey k = key(t, s, rs);
                    if (!k.equals(current)) {
                        if (current != null) {
                            finish(current, prefix, full, picker, moments);
                        }
                        current = k;
                        Long n = counts.get(k);
                        if (n == null) {
                            throw new IllegalStateException("group " + k + " streamed but not counted");
                        }
                        picker = new RankPicker(n, percentiles);
                        moments = new ExactMoments();
                    }
                    long x = rs.getLong(firstValueColumn(s));
                    picker.offer(x);
                    moments.add(x);
                }
                if (current != null) {
                    finish(current, prefix, full, picker, moments);
                }
            }
        }
    }

    private void finish(GroupKey k, String prefix, boolean full, RankPicker picker, ExactMoments m) {
        if (!sink.wants(k.type(), k.period())) {
            return;
        }
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
