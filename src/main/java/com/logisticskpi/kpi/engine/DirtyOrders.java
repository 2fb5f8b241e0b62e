package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.logisticskpi.base.db.Jdbc;

/**
 * The first half of an INCREMENTAL run ({@link RunMode}): which orders to rebuild, and which local days the figures
 * may change on. Everything a run can see changed since the store's last run is found through the file ids the
 * ingest stamps on every stored row (src_file_id above the store's watermark) and through time passing:
 * <ul>
 * <li>orders with a new or replaced order line, shipment row, return, survey response or ticket;</li>
 * <li>orders a replaced return was stored under before (a return re-exported for another order);</li>
 * <li>undelivered orders still pending in the store whose due time has passed by the new as_of (pending turns late).</li>
 * </ul>
 * The run's outcomes and returns of those orders as they were are kept aside ({@link OutcomeDiff#snapshot}): at the end
 * of the run, the days of the orders whose outcome or returns really changed are the dirty ones. Recorded in
 * kpi_dirty_day under the run: the days of new or replaced survey responses and tickets (with the day a replaced one
 * had before, from kpi_store_survey / kpi_store_ticket) and of unanswered tickets whose response or resolution target
 * passed; under the negated run id, every day the rebuilt orders were on (what the next run takes if this one dies
 * before it completes).
 */
final class DirtyOrders {

    private static final String NOT_CANDIDATE = " AND NOT EXISTS (SELECT 1 FROM kpi_candidate c WHERE c.run_id = ? AND c.order_id = %s)";

    /** New or replaced rows of each export that carries an order id (bound: run, low, high watermark, run). */
    private static final List<String> CHANGED_ROWS = List.of(
            changed("order_line", ""), changed("shipment_line", ""), changed("return_line", ""),
            changed("survey_response", " AND x.order_id IS NOT NULL"), changed("service_ticket", " AND x.order_id IS NOT NULL"),
            "INSERT INTO kpi_candidate (run_id, order_id) SELECT DISTINCT ?, k.order_id FROM return_line x"
                    + " JOIN kpi_return k ON k.run_id = 0 AND k.return_id = x.return_id"
                    + " WHERE x.src_file_id > ? AND x.src_file_id <= ?" + NOT_CANDIDATE.formatted("k.order_id"));

    private static final String TURNED_LATE = "INSERT INTO kpi_candidate (run_id, order_id) SELECT ?, o.order_id"
            + " FROM order_outcome o WHERE o.run_id = 0 AND o.due_day >= ? AND o.due_day <= ? AND o.state = 'PENDING'"
            + " AND o.due_time <= ?";

    private static final List<String> OLD_DAYS = List.of(
            "SELECT o.due_day, o.del_day FROM kpi_candidate c JOIN order_outcome o ON o.run_id = 0 AND o.order_id = c.order_id"
                    + " WHERE c.run_id = ?",
            "SELECT k.req_day, k.ref_day FROM kpi_candidate c JOIN kpi_return k ON k.run_id = 0 AND k.order_id = c.order_id"
                    + " WHERE c.run_id = ?",
            "SELECT ss.resp_day, NULL FROM kpi_candidate c JOIN survey_response s ON s.order_id = c.order_id"
                    + " JOIN kpi_store_survey ss ON ss.response_id = s.response_id WHERE c.run_id = ?",
            "SELECT st.opened_day, st.resolved_day FROM kpi_candidate c JOIN service_ticket t ON t.order_id = c.order_id"
                    + " JOIN kpi_store_ticket st ON st.ticket_id = t.ticket_id WHERE c.run_id = ?");

    private static final String UNANSWERED_PAST_TARGET = "SELECT opened_time FROM service_ticket WHERE %s IS NULL"
            + " AND opened_time > ? AND opened_time <= ?";

    private DirtyOrders() {
    }

    private static String changed(String table, String extra) {
        return "INSERT INTO kpi_candidate (run_id, order_id) SELECT DISTINCT ?, x.order_id FROM " + table + " x"
                + " WHERE x.src_file_id > ? AND x.src_file_id <= ?" + extra + NOT_CANDIDATE.formatted("x.order_id");
    }

    /** What {@link #select} found. */
    record Found(long turnedLate, long changed, Set<String> days) {
    }

    /**
     * Selects the run's candidates (the orders to rebuild) into kpi_candidate, records the days whose figures may
     * change in kpi_dirty_day and brings kpi_store_survey / kpi_store_ticket up to date, all on {@code work} (the
     * caller's transaction).
     */
    static Found select(Connection work, long runId, StoreState store, Instant asOf, long watermark, ZoneId zone,
                        TicketProperties tickets, int batchSize) throws SQLException {
        long late;
        try (PreparedStatement ps = work.prepareStatement(TURNED_LATE)) {
            ps.setLong(1, runId);
            ps.setString(2, LocalDate.ofInstant(store.asOf(), zone).toString());
            ps.setString(3, LocalDate.ofInstant(asOf, zone).toString());
            Jdbc.setInstant(ps, 4, asOf);
            late = ps.executeUpdate();
        }
        long changed = 0;
        for (String sql : CHANGED_ROWS) {
            try (PreparedStatement ps = work.prepareStatement(sql)) {
                ps.setLong(1, runId);
                ps.setLong(2, store.fileWatermark());
                ps.setLong(3, watermark);
                ps.setLong(4, runId);
                changed += ps.executeUpdate();
            }
        }
        Set<String> days = new TreeSet<>();
        SeenRecords.survey(work, store.fileWatermark(), watermark, zone, days, batchSize);
        SeenRecords.tickets(work, store.fileWatermark(), watermark, zone, days, batchSize);
        pastTarget(work, "first_response_us", tickets.firstResponseTargetMicros(), store.asOf(), asOf, zone, days);
        pastTarget(work, "resolution_us", tickets.resolutionTargetMicros(), store.asOf(), asOf, zone, days);
        insertDays(work, runId, days, batchSize);
        // should this run die before it completes, the next one takes every day the rebuilt orders were on
        Set<String> before = new TreeSet<>();
        collectDays(work, runId, OLD_DAYS, before);
        insertDays(work, -runId, before, batchSize);
        OutcomeDiff.snapshot(work, runId);
        return new Found(late, changed, days);
    }

    /** Adds the non-null day labels of the two columns of each query (bound: run) to {@code days}. */
    static void collectDays(Connection c, long runId, List<String> queries, Set<String> days) throws SQLException {
        for (String sql : queries) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        addDay(days, rs.getString(1));
                        addDay(days, rs.getString(2));
                    }
                }
            }
        }
    }

    private static void addDay(Set<String> days, String day) {
        if (day != null) {
            days.add(day);
        }
    }

    /** The opening days of unanswered (unresolved) tickets whose target passed between the two as_of instants. */
    private static void pastTarget(Connection c, String column, long targetMicros, Instant before, Instant asOf,
                                   ZoneId zone, Set<String> days) throws SQLException {
        if (!asOf.isAfter(before)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UNANSWERED_PAST_TARGET.formatted(column))) {
            Jdbc.setInstant(ps, 1, before.minusNanos(targetMicros * 1000));
            Jdbc.setInstant(ps, 2, asOf.minusNanos(targetMicros * 1000));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(LocalDate.ofInstant(Jdbc.getInstant(rs, 1), zone).toString());
                }
            }
        }
    }

    static void insertDays(Connection c, long runId, Set<String> days, int batchSize) throws SQLException {
        Set<String> have = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT day_label FROM kpi_dirty_day WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    have.add(rs.getString(1));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kpi_dirty_day (run_id, day_label) VALUES (?, ?)")) {
            JdbcBatch b = new JdbcBatch(ps, batchSize);
            for (String d : days) {
                if (have.add(d)) {
                    ps.setLong(1, runId);
                    ps.setString(2, d);
                    b.add();
                }
            }
            b.flush();
        }
    }

    /**
     * The days recorded for run {@code runId} itself, and everything recorded by the runs between the store's last run
     * and it (runs that died: their certain days and every day their rebuilt orders were on).
     */
    static Set<String> recordedDays(Connection c, long afterRun, long runId) throws SQLException {
        Set<String> days = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT day_label FROM kpi_dirty_day WHERE"
                + " (run_id > ? AND run_id <= ?) OR (run_id < ? AND run_id > ?)")) {
            ps.setLong(1, afterRun);
            ps.setLong(2, runId);
            ps.setLong(3, -afterRun);
            ps.setLong(4, -runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getString(1));
                }
            }
        }
        return days;
    }
}
