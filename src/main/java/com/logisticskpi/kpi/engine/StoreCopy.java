package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.kpi.PeriodType;
import com.logisticskpi.kpi.Slice;

/**
 * The second half of a nightly run on the outcome store ({@link RunMode#INCREMENTAL}, {@link RunMode#REBUILD}): the
 * store's outcomes of the orders that count in the periods the run computes (their due or delivery day, a return, a
 * survey response or a ticket on one of those days) are copied into the run, with the ABC segment of the run's as_of,
 * so that the run's figures are computed by the same code as a full run's, from the same outcomes; and the figures
 * and drivers of the periods the run does not compute are taken over from the store's last run.
 */
final class StoreCopy {

    /** A half-open range of local dates [start, end). */
    record DayRange(LocalDate start, LocalDate end) {
    }

    private static final String NOT_CANDIDATE = " AND NOT EXISTS (SELECT 1 FROM kpi_candidate c WHERE c.run_id = ? AND c.order_id = %s)";
    private static final String BY_DAY = "INSERT INTO kpi_candidate (run_id, order_id) SELECT DISTINCT ?, x.order_id FROM %s x"
            + " WHERE x.run_id = ? AND x.%s >= ? AND x.%s < ?" + NOT_CANDIDATE.formatted("x.order_id");
    private static final String BY_TIME = "INSERT INTO kpi_candidate (run_id, order_id) SELECT DISTINCT ?, x.order_id FROM %s x"
            + " WHERE x.%s >= ? AND x.%s < ? AND x.order_id IS NOT NULL"
            + " AND EXISTS (SELECT 1 FROM order_outcome s WHERE s.run_id = ? AND s.order_id = x.order_id)"
            + NOT_CANDIDATE.formatted("x.order_id");
    /** The orders due or delivered in a range: one statement (an outcome is one row per order, UNION removes repeats). */
    private static final String DUE_OR_DELIVERED = "INSERT INTO kpi_candidate (run_id, order_id) SELECT ?, u.order_id FROM"
            + " (SELECT x.order_id FROM order_outcome x WHERE x.run_id = ? AND x.due_day >= ? AND x.due_day < ?%1$s"
            + " UNION SELECT x.order_id FROM order_outcome x WHERE x.run_id = ? AND x.del_day >= ? AND x.del_day < ?%1$s) u";
    private static final List<String> SCAN_BY_DAY = List.of(
            BY_DAY.formatted("kpi_return", "req_day", "req_day"), BY_DAY.formatted("kpi_return", "ref_day", "ref_day"));
    private static final List<String> SCAN_BY_TIME = List.of(
            BY_TIME.formatted("survey_response", "response_time", "response_time"),
            BY_TIME.formatted("service_ticket", "opened_time", "opened_time"),
            BY_TIME.formatted("service_ticket", "resolved_time", "resolved_time"));

    static final List<String> OUTCOME_COLUMNS = List.of("order_id", "customer_id", "order_time", "due_time",
            "due_date", "state", "delivered_at", "delivery_date", "on_time", "accurate", "damaged", "documents_ok", "perfect",
            "is_split", "line_count", "accurate_line_count", "cycle_us", "dispatch_us", "late_us", "within_target",
            "warehouse", "carrier", "region", "channel", "segment", "due_day", "due_week", "due_month", "del_day",
            "del_week", "del_month");
    static final List<String> RETURN_COLUMNS = List.of("return_id", "order_id", "reason_code", "requested_time",
            "refunded_time", "refund_us", "req_day", "req_week", "req_month", "ref_day", "ref_week", "ref_month");
    /** The store's outcome with the segment of the run's as_of (a customer without an A or B row is C). */
    /**
     * The store's outcome with the segment of the run's as_of (a customer without an A or B row is C), and the hours
     * late of an undelivered overdue order as of the run's as_of (the store's were an earlier as_of's). Parameters:
     * run id, as_of, then {@link #SEGMENT_JOIN}'s run id.
     */
    private static final String INSERT_OUTCOMES = "INSERT INTO order_outcome (run_id, " + String.join(", ", OUTCOME_COLUMNS)
            + ") SELECT ?, " + String.join(", ", OUTCOME_COLUMNS.stream().map(col -> switch (col) {
                case "segment" -> "COALESCE(sg.segment, 'C')";
                case "late_us" -> "CASE WHEN o.state = 'OVERDUE' THEN TIMESTAMPDIFF(MICROSECOND, o.due_time, ?) ELSE o.late_us END";
                default -> "o." + col;
            }).toList());
    private static final String SEGMENT_JOIN = " LEFT JOIN kpi_segment sg ON sg.run_id = ? AND sg.customer_id = o.customer_id";
    /** The store's orders due in a range (an index range scan; an order has one due day, so ranges never repeat one). */
    private static final String COPY_DUE = INSERT_OUTCOMES + " FROM order_outcome o" + SEGMENT_JOIN
            + " WHERE o.run_id = 0 AND o.due_day >= ? AND o.due_day < ?";
    /** The store's orders delivered in a range and not due in any (those were copied by {@link #COPY_DUE}). */
    private static final String COPY_DELIVERED = INSERT_OUTCOMES + " FROM order_outcome o" + SEGMENT_JOIN
            + " WHERE o.run_id = 0 AND o.del_day >= ? AND o.del_day < ?";
    private static final String NOT_DUE_IN = " AND NOT (o.due_day >= ? AND o.due_day < ?)";
    private static final String COPY_CANDIDATES = INSERT_OUTCOMES
            + " FROM kpi_candidate c JOIN order_outcome o ON o.run_id = 0 AND o.order_id = c.order_id" + SEGMENT_JOIN
            + " WHERE c.run_id = ?";
    /** Every return of the orders copied into the run. */
    private static final String COPY_RETURNS = "INSERT INTO kpi_return (run_id, " + String.join(", ", RETURN_COLUMNS)
            + ") SELECT ?, " + String.join(", ", RETURN_COLUMNS.stream().map(col -> "k." + col).toList())
            + " FROM order_outcome c JOIN kpi_return k ON k.run_id = 0 AND k.order_id = c.order_id WHERE c.run_id = ?";
    /** Not copied yet: for the orders counted in the ranges through a return, a survey response or a ticket only. */
    private static final String NOT_COPIED = " AND NOT EXISTS (SELECT 1 FROM order_outcome y WHERE y.run_id = ? AND y.order_id = x.order_id)";

    private StoreCopy() {
    }

    /** Sorted, merged ranges covering the days of every given period. */
    static List<DayRange> ranges(List<GroupKeyPeriod> periods) {
        List<DayRange> all = new ArrayList<>();
        for (GroupKeyPeriod p : periods) {
            LocalDate start = p.type().startOf(p.period());
            all.add(new DayRange(start, p.type().end(start)));
        }
        all.sort((a, b) -> a.start().compareTo(b.start()));
        List<DayRange> merged = new ArrayList<>();
        for (DayRange r : all) {
            DayRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !r.start().isAfter(last.end())) {
                if (r.end().isAfter(last.end())) {
                    merged.set(merged.size() - 1, new DayRange(last.start(), r.end()));
                }
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    /** A period of a type. */
    record GroupKeyPeriod(PeriodType type, String period) {
    }

    /**
     * Replaces the run's candidates by the store's orders that count in {@code ranges}, copies their outcomes (with
     * the run's segments) and returns into the run, and sets the hours late of the overdue ones as of the run's as_of.
     * Returns the number of outcomes copied.
     */
    static long copy(Connection work, long runId, List<DayRange> ranges, ZoneId zone, Instant asOf)
            throws SQLException {
        for (String table : new String[] {"order_outcome", "kpi_return"}) { // what an attempt that failed later copied
            try (PreparedStatement ps = work.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                ps.setLong(1, runId);
                ps.executeUpdate();
            }
        }
        long t0 = System.nanoTime();
        long copied = 0;
        for (String sql : new String[] {COPY_DUE, COPY_DELIVERED + NOT_DUE_IN.repeat(ranges.size())}) {
            try (PreparedStatement ps = work.prepareStatement(sql)) {
                for (DayRange r : ranges) {
                    int i = 1;
                    ps.setLong(i++, runId);
                    Jdbc.setInstant(ps, i++, asOf);
                    ps.setLong(i++, runId);
                    ps.setString(i++, r.start().toString());
                    ps.setString(i++, r.end().toString());
                    if (sql != COPY_DUE) {
                        for (DayRange due : ranges) {
                            ps.setString(i++, due.start().toString());
                            ps.setString(i++, due.end().toString());
                        }
                    }
                    copied += ps.executeUpdate();
                }
            }
        }
        long t1 = System.nanoTime();
        selectOthers(work, runId, ranges, zone);
        try (PreparedStatement ps = work.prepareStatement(COPY_CANDIDATES)) {
            ps.setLong(1, runId);
            Jdbc.setInstant(ps, 2, asOf);
            ps.setLong(3, runId);
            ps.setLong(4, -runId);
            copied += ps.executeUpdate();
        }
        try (PreparedStatement ps = work.prepareStatement(COPY_RETURNS)) {
            ps.setLong(1, runId);
            ps.setLong(2, runId);
            ps.executeUpdate();
        }
        org.slf4j.LoggerFactory.getLogger(StoreCopy.class).info("kpi run {}: {} orders of {} day ranges copied in {} ms"
                + " (due or delivered in them), {} ms (returns, surveys, tickets)", runId, copied, ranges.size(),
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        return copied;
    }

    /**
     * Into kpi_candidate slot -runId: the store's orders not copied into the run yet that count in {@code ranges}
     * through a return requested or refunded, a survey response or a ticket opened or resolved on one of their days.
     */
    private static void selectOthers(Connection work, long runId, List<DayRange> ranges, ZoneId zone) throws SQLException {
        long slot = -runId;
        try (PreparedStatement ps = work.prepareStatement("DELETE FROM kpi_candidate WHERE run_id = ?")) {
            ps.setLong(1, slot);
            ps.executeUpdate();
        }
        for (DayRange r : ranges) {
            for (String sql : SCAN_BY_DAY) {
                try (PreparedStatement ps = work.prepareStatement(sql + NOT_COPIED)) {
                    ps.setLong(1, slot);
                    ps.setLong(2, StoreState.STORE_RUN);
                    ps.setString(3, r.start().toString());
                    ps.setString(4, r.end().toString());
                    ps.setLong(5, slot);
                    ps.setLong(6, runId);
                    ps.executeUpdate();
                }
            }
            for (String sql : SCAN_BY_TIME) {
                try (PreparedStatement ps = work.prepareStatement(sql + NOT_COPIED)) {
                    ps.setLong(1, slot);
                    Jdbc.setInstant(ps, 2, r.start().atStartOfDay(zone).toInstant());
                    Jdbc.setInstant(ps, 3, r.end().atStartOfDay(zone).toInstant());
                    ps.setLong(4, StoreState.STORE_RUN);
                    ps.setLong(5, slot);
                    ps.setLong(6, runId);
                    ps.executeUpdate();
                }
            }
        }
    }

    /**
     * Replaces the orders of kpi_candidate slot {@code slot} (the negated run id: the run's own candidates are the
     * orders it rebuilt) by the orders of {@code source}'s outcomes that count in {@code ranges}: due or
     * delivered on one of their days, or with a return requested or refunded, a survey response or a ticket opened
     * or resolved on one.
     */
    private static void selectOrders(Connection work, long slot, long source, List<DayRange> ranges, ZoneId zone)
            throws SQLException {
        try (PreparedStatement ps = work.prepareStatement("DELETE FROM kpi_candidate WHERE run_id = ?")) {
            ps.setLong(1, slot);
            ps.executeUpdate();
        }
        for (DayRange r : ranges) {
            // the slot is empty before the first range: with one range the UNION alone keeps orders distinct; with
            // several, an order due in one range and delivered in another is kept out of the later one by NOT EXISTS
            boolean several = ranges.size() > 1;
            try (PreparedStatement ps = work.prepareStatement(
                    DUE_OR_DELIVERED.formatted(several ? NOT_CANDIDATE.formatted("x.order_id") : ""))) {
                int i = 1;
                ps.setLong(i++, slot);
                for (int half = 0; half < 2; half++) {
                    ps.setLong(i++, source);
                    ps.setString(i++, r.start().toString());
                    ps.setString(i++, r.end().toString());
                    if (several) {
                        ps.setLong(i++, slot); // NOT_CANDIDATE's parameter ends each half
                    }
                }
                ps.executeUpdate();
            }
            for (String sql : SCAN_BY_DAY) {
                try (PreparedStatement ps = work.prepareStatement(sql)) {
                    ps.setLong(1, slot);
                    ps.setLong(2, source);
                    ps.setString(3, r.start().toString());
                    ps.setString(4, r.end().toString());
                    ps.setLong(5, slot);
                    ps.executeUpdate();
                }
            }
            for (String sql : SCAN_BY_TIME) {
                try (PreparedStatement ps = work.prepareStatement(sql)) {
                    ps.setLong(1, slot);
                    Jdbc.setInstant(ps, 2, r.start().atStartOfDay(zone).toInstant());
                    Jdbc.setInstant(ps, 3, r.end().atStartOfDay(zone).toInstant());
                    ps.setLong(4, source);
                    ps.setLong(5, slot);
                    ps.executeUpdate();
                }
            }
        }
    }

    /**
     * Keeps, of the outcomes and returns copied into the run, those of the orders that count in the report date's
     * day, week and month and the periods before them ({@code ranges}): the run's drill-down (orders-outcome.csv, the
     * workbook's order lists) then holds the same orders whichever periods the night had to compute. Returns how many
     * outcomes the run keeps.
     */
    static long keepOnly(Connection work, long runId, List<DayRange> ranges, ZoneId zone) throws SQLException {
        selectOrders(work, -runId, runId, ranges, zone);
        for (String table : new String[] {"order_outcome", "kpi_return"}) {
            try (PreparedStatement ps = work.prepareStatement("DELETE FROM " + table + " WHERE run_id = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM kpi_candidate c WHERE c.run_id = ? AND c.order_id = " + table + ".order_id)")) {
                ps.setLong(1, runId);
                ps.setLong(2, -runId);
                ps.executeUpdate();
            }
        }
        return RunTables.outcomeCount(work, runId);
    }

    /**
     * Takes over the figures and drivers of the store's last run into this run, except the segment slices (this run's
     * segments are another as_of's) and the periods in {@code drop} (recomputed, or outside this run's periods).
     */
    static void reuseFigures(Connection work, long runId, long lastRunId, List<GroupKeyPeriod> drop, int batchSize)
            throws SQLException {
        String[][] tables = {
            {"kpi_value", "period_type, period_label, slice_name, slice_value, kpi, numerator, denominator, kpi_val"},
            {"kpi_driver", "period_type, period_label, previous_label, kpi, slice_name, slice_value, numerator, denominator,"
                    + " prev_numerator, prev_denominator, rate_effect, mix_effect, change_contrib, target_gap"}};
        for (String[] t : tables) {
            try (PreparedStatement ps = work.prepareStatement("INSERT INTO " + t[0] + " (run_id, " + t[1] + ") SELECT ?, "
                    + t[1] + " FROM " + t[0] + " WHERE run_id = ? AND slice_name <> ?")) {
                ps.setLong(1, runId);
                ps.setLong(2, lastRunId);
                ps.setString(3, Slice.SEGMENT.label());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = work.prepareStatement("DELETE FROM " + t[0]
                    + " WHERE run_id = ? AND period_type = ? AND period_label = ?")) {
                JdbcBatch b = new JdbcBatch(ps, batchSize);
                for (GroupKeyPeriod p : drop) {
                    ps.setLong(1, runId);
                    ps.setString(2, p.type().label());
                    ps.setString(3, p.period());
                    b.add();
                }
                b.flush();
            }
        }
    }
}
