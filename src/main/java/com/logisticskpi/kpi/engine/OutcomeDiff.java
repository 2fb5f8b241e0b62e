package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which days an incremental run's rebuilt orders really changed. Before the rebuild, the store's outcomes and returns
 * of the run's candidates are kept aside under the negated run id ({@link #snapshot}); after it, {@link #days}
 * compares them order by order with the rebuilt ones. A late return on an old order, a late survey response or a
 * re-sent identical shipment row rebuilds the order, but its outcome stays the same: its due and delivery days are
 * then not computed again (the return's own days are, through its return row).
 */
final class OutcomeDiff {

    /** What a figure reads of an outcome (not the hours late of an undelivered order: as_of's, for drill-down only). */
    private static final List<String> FIGURE_COLUMNS = List.of("customer_id", "due_time", "due_day", "state",
            "delivered_at", "del_day", "on_time", "accurate", "damaged", "documents_ok", "perfect", "is_split",
            "line_count", "accurate_line_count", "cycle_us", "dispatch_us", "within_target", "warehouse", "carrier",
            "region", "channel");
    /** Positions in {@link #FIGURE_COLUMNS} of the customer and the slice values a survey or ticket takes from its order. */
    private static final int[] SLICE_POSITIONS = {0, 17, 18, 19, 20};
    private static final int DUE_DAY = 2;
    private static final int STATE = 3;
    private static final int DEL_DAY = 5;
    private static final int ON_TIME = 6;
    private static final String RETURN_COLUMNS = "return_id, reason_code, requested_time, refunded_time, refund_us, req_day, ref_day";

    private OutcomeDiff() {
    }

    /** Keeps the store's outcomes and returns of the run's candidates under the negated run id. */
    static void snapshot(Connection work, long runId) throws SQLException {
        String outcomes = String.join(", ", StoreCopy.OUTCOME_COLUMNS);
        String returns = String.join(", ", StoreCopy.RETURN_COLUMNS);
        try (PreparedStatement ps = work.prepareStatement("INSERT INTO order_outcome (run_id, " + outcomes + ") SELECT ?, "
                + prefixed("o.", StoreCopy.OUTCOME_COLUMNS) + " FROM kpi_candidate c JOIN order_outcome o ON o.run_id = 0"
                + " AND o.order_id = c.order_id WHERE c.run_id = ?")) {
            ps.setLong(1, -runId);
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = work.prepareStatement("INSERT INTO kpi_return (run_id, " + returns + ") SELECT ?, "
                + prefixed("k.", StoreCopy.RETURN_COLUMNS) + " FROM kpi_candidate c JOIN kpi_return k ON k.run_id = 0"
                + " AND k.order_id = c.order_id WHERE c.run_id = ?")) {
            ps.setLong(1, -runId);
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
    }

    /** Candidates compared per page: memory holds one page's outcomes and returns, whatever the night's size. */
    static final int PAGE = 5_000;
    private static final String PAGE_IDS = "SELECT order_id FROM kpi_candidate WHERE run_id = ?%s ORDER BY run_id, order_id LIMIT "
            + PAGE;
    private static final String IN_PAGE = " AND %1$s >= ? AND %1$s <= ?";

    /**
     * The days whose figures the run's rebuild changed. The candidates are compared a page of order ids at a time
     * (their snapshot before, their store rows after), so a night of a million rebuilt orders needs the memory of
     * one page.
     */
    static Set<String> days(Connection work, long runId) throws SQLException {
        Set<String> days = new TreeSet<>();
        String last = null;
        while (true) {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = work.prepareStatement(PAGE_IDS.formatted(last == null ? "" : " AND order_id > ?"))) {
                ps.setLong(1, runId);
                if (last != null) {
                    ps.setString(2, last);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return days;
            }
            comparePage(work, runId, ids.get(0), ids.get(ids.size() - 1), days);
            if (ids.size() < PAGE) {
                return days;
            }
            last = ids.get(ids.size() - 1);
        }
    }

    /** Adds the days changed by the candidates with order ids in [first, last]. */
    private static void comparePage(Connection work, long runId, String first, String last, Set<String> days)
            throws SQLException {
        String columns = prefixed("o.", FIGURE_COLUMNS);
        Map<String, String[]> before = rows(work, "SELECT o.order_id, " + columns + " FROM order_outcome o WHERE o.run_id = ?"
                + IN_PAGE.formatted("o.order_id"), -runId, first, last, FIGURE_COLUMNS.size());
        Map<String, String[]> after = rows(work, "SELECT o.order_id, " + columns + " FROM kpi_candidate c JOIN order_outcome o"
                + " ON o.run_id = 0 AND o.order_id = c.order_id WHERE c.run_id = ?" + IN_PAGE.formatted("c.order_id"),
                runId, first, last, FIGURE_COLUMNS.size());
        Set<String> sliceMoved = new TreeSet<>();
        Set<String> orders = new HashSet<>(before.keySet());
        orders.addAll(after.keySet());
        for (String order : orders) {
            String[] a = before.get(order);
            String[] b = after.get(order);
            if (Arrays.equals(a, b)) {
                continue;
            }
            boolean slicesMoved = a == null || b == null || !sameSlices(a, b);
            if (slicesMoved || !Objects.equals(dueCohort(a), dueCohort(b))) {
                addDay(days, a, DUE_DAY);
                addDay(days, b, DUE_DAY);
            }
            if (slicesMoved || !Objects.equals(deliveredCohort(a), deliveredCohort(b))) {
                addDay(days, a, DEL_DAY);
                addDay(days, b, DEL_DAY);
            }
            if (slicesMoved) {
                sliceMoved.add(order);
            }
        }
        String ret = prefixed("k.", List.of(RETURN_COLUMNS.split(", ")));
        Map<String, Set<String>> returnsBefore = tuples(work, "SELECT k.order_id, " + ret + " FROM kpi_return k WHERE k.run_id = ?"
                + IN_PAGE.formatted("k.order_id"), -runId, first, last);
        Map<String, Set<String>> returnsAfter = tuples(work, "SELECT k.order_id, " + ret + " FROM kpi_candidate c JOIN kpi_return k"
                + " ON k.run_id = 0 AND k.order_id = c.order_id WHERE c.run_id = ?" + IN_PAGE.formatted("c.order_id"),
                runId, first, last);
        Set<String> withReturns = new HashSet<>(returnsBefore.keySet());
        withReturns.addAll(returnsAfter.keySet());
        for (String order : withReturns) {
            Set<String> a = returnsBefore.getOrDefault(order, Set.of());
            Set<String> b = returnsAfter.getOrDefault(order, Set.of());
            for (String t : a) {
                if (!b.contains(t)) {
                    returnDays(days, t);
                }
            }
            for (String t : b) {
                if (!a.contains(t)) {
                    returnDays(days, t);
                }
            }
        }
        for (String order : sliceMoved) { // a return counts in its order's slices
            for (Map<String, Set<String>> r : List.of(returnsBefore, returnsAfter)) {
                for (String t : r.getOrDefault(order, Set.of())) {
                    returnDays(days, t);
                }
            }
        }
        if (!sliceMoved.isEmpty()) {
            surveyAndTicketDays(work, runId, first, last, sliceMoved, days);
        }
    }

    /**
     * What the due cohort counts of an outcome (kpis.md section 2): its due day, pending or judged, on time; null for
     * no outcome. An overdue order delivered late today changes its row, not its due day's figures.
     */
    private static String dueCohort(String[] row) {
        if (row == null) {
            return null;
        }
        boolean onTime = "DELIVERED".equals(row[STATE])
                && ("TRUE".equalsIgnoreCase(row[ON_TIME]) || "1".equals(row[ON_TIME])); // H2 and MySQL BOOLEAN text
        return row[DUE_DAY] + "|" + "PENDING".equals(row[STATE]) + "|" + onTime;
    }

    /** What the delivered cohort counts of an outcome: every delivered-order column, null when not delivered. */
    private static String deliveredCohort(String[] row) {
        if (row == null || !"DELIVERED".equals(row[STATE])) {
            return null;
        }
        return String.join("|", Arrays.asList(row).subList(DEL_DAY, 17).stream().map(String::valueOf).toList());
    }

    private static void addDay(Set<String> days, String[] row, int column) {
        if (row != null) {
            add(days, row[column]);
        }
    }

    /**
     * The days of the survey responses and tickets of the page's orders whose slices (or whose outcome's existence)
     * changed: one query per kind for the page.
     */
    private static void surveyAndTicketDays(Connection work, long runId, String first, String last, Set<String> orders,
                                            Set<String> days) throws SQLException {
        String[] sqls = {
            "SELECT s.order_id, ss.resp_day, NULL FROM kpi_candidate c JOIN survey_response s ON s.order_id = c.order_id"
                    + " JOIN kpi_store_survey ss ON ss.response_id = s.response_id WHERE c.run_id = ?" + IN_PAGE.formatted("c.order_id"),
            "SELECT t.order_id, st.opened_day, st.resolved_day FROM kpi_candidate c JOIN service_ticket t ON t.order_id = c.order_id"
                    + " JOIN kpi_store_ticket st ON st.ticket_id = t.ticket_id WHERE c.run_id = ?" + IN_PAGE.formatted("c.order_id")};
        for (String sql : sqls) {
            try (PreparedStatement ps = work.prepareStatement(sql)) {
                bindPage(ps, runId, first, last);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (orders.contains(rs.getString(1))) {
                            add(days, rs.getString(2));
                            add(days, rs.getString(3));
                        }
                    }
                }
            }
        }
    }

    private static void bindPage(PreparedStatement ps, long runId, String first, String last) throws SQLException {
        ps.setLong(1, runId);
        ps.setString(2, first);
        ps.setString(3, last);
    }

    private static boolean sameSlices(String[] a, String[] b) {
        for (int i : SLICE_POSITIONS) {
            if (!java.util.Objects.equals(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    /** A return tuple's request day and refund day (its last two fields). */
    private static void returnDays(Set<String> days, String tuple) {
        String[] f = tuple.split("\u0001", -1);
        add(days, f[f.length - 2]);
        add(days, f[f.length - 1]);
    }

    private static Map<String, String[]> rows(Connection c, String sql, long runId, String first, String last, int n)
            throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindPage(ps, runId, first, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getString(i + 2);
                    }
                    out.put(rs.getString(1), row);
                }
            }
        }
        return out;
    }

    /** Per order, each return as one text (fields joined by U+0001, null as empty). */
    private static Map<String, Set<String>> tuples(Connection c, String sql, long runId, String first, String last)
            throws SQLException {
        Map<String, Set<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindPage(ps, runId, first, last);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder t = new StringBuilder();
                    for (int i = 2; i <= n; i++) {
                        if (i > 2) {
                            t.append('\u0001');
                        }
                        String v = rs.getString(i);
                        t.append(v == null ? "" : v);
                    }
                    out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(t.toString());
                }
            }
        }
        return out;
    }

    private static void add(Set<String> days, String day) {
        if (day != null && !day.isEmpty()) {
            days.add(day);
        }
    }

    static String prefixed(String prefix, List<String> columns) {
        StringBuilder b = new StringBuilder();
        for (String col : columns) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(prefix).append(col);
        }
        return b.toString();
    }

    /** Deletes the snapshots and the recorded days of every run up to {@code runId} (the store now includes them). */
    static void clear(Connection work, long runId) throws SQLException {
        for (String sql : new String[] {"DELETE FROM order_outcome WHERE run_id < 0 AND run_id >= ?",
                "DELETE FROM kpi_return WHERE run_id < 0 AND run_id >= ?",
                "DELETE FROM kpi_candidate WHERE run_id < 0 AND run_id >= ?"}) {
            try (PreparedStatement ps = work.prepareStatement(sql)) {
                ps.setLong(1, -runId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = work.prepareStatement("DELETE FROM kpi_dirty_day WHERE run_id >= ? AND run_id <= ?")) {
            ps.setLong(1, -runId);
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
    }
}
