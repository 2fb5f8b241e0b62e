package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.PeriodType;

/**
 * Writes built outcomes of a run to order_outcome and kpi_return in JDBC batches on the caller's connection (and
 * transaction); {@link #deleteRange} removes what an earlier attempt left of a range.
 */
public final class OutcomeInserts implements AutoCloseable {

    private static final String INSERT_OUTCOME = """
            INSERT INTO order_outcome (run_id, order_id, customer_id, order_time, due_time, due_date, state, delivered_at,
                delivery_date, on_time, accurate, damaged, documents_ok, perfect, is_split, line_count, accurate_line_count,
                cycle_us, dispatch_us, late_us, within_target, warehouse, carrier, region, channel, segment,
                due_day, due_week, due_month, del_day, del_week, del_month)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static final String INSERT_RETURN = """
            INSERT INTO kpi_return (run_id, return_id, order_id, reason_code, requested_time, refunded_time, refund_us,
                req_day, req_week, req_month, ref_day, ref_week, ref_month)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final long runId;
    private final ZoneId zone;
    private final PreparedStatement outcomeStatement;
    private final PreparedStatement returnStatement;
    private final JdbcBatch outcomes;
    private final JdbcBatch returns;

    public OutcomeInserts(Connection work, long runId, ZoneId zone, int batchSize) throws SQLException {
        this.runId = runId;
        this.zone = zone;
        outcomeStatement = work.prepareStatement(INSERT_OUTCOME);
        try {
            returnStatement = work.prepareStatement(INSERT_RETURN);
        } catch (SQLException e) {
            outcomeStatement.close();
            throw e;
        }
        outcomes = new JdbcBatch(outcomeStatement, batchSize);
        returns = new JdbcBatch(returnStatement, batchSize);
    }

    /**
     * Deletes the outcomes and returns of the run's orders in {@code range} after the order id {@code after} (null:
     * the whole range): what an earlier attempt at the range wrote and did not record as done.
     */
    public static void deleteRange(Connection work, long runId, OrderKeyRange range, String after) throws SQLException {
        RunMode mode = RunTables.mode(work, runId);
        if (mode == RunMode.INCREMENTAL) {
            deleteStoredCandidates(work, runId, range, after);
            return;
        }
        for (String table : new String[] {"order_outcome", "kpi_return"}) {
            try (PreparedStatement ps = work.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?"
                    + range.condition("order_id") + (after == null ? "" : " AND order_id > ?"))) {
                ps.setLong(1, mode.outcomeRun(runId));
                int p = range.bind(ps, 2);
                if (after != null) {
                    ps.setString(p, after);
                }
                ps.executeUpdate();
            }
        }
    }

    /**
     * An incremental run rebuilds its candidates in the outcome store, where every other order's outcome stays: their
     * stored outcome and returns are deleted by key, a page of candidates at a time (an order that no longer has an OK
     * line gets no new outcome, so its old one must go before the build, not be replaced by it).
     */
    private static void deleteStoredCandidates(Connection work, long runId, OrderKeyRange range, String after)
            throws SQLException {
        String page = "SELECT order_id FROM kpi_candidate WHERE run_id = ?" + range.condition("order_id")
                + " AND order_id > ? ORDER BY run_id, order_id LIMIT 1000";
        String first = page.replace(" AND order_id > ?", "");
        String last = after;
        try (PreparedStatement delOutcome = work.prepareStatement("DELETE FROM order_outcome WHERE run_id = 0 AND order_id = ?");
             PreparedStatement delReturns = work.prepareStatement("DELETE FROM kpi_return WHERE run_id = 0 AND order_id = ?")) {
            while (true) {
                java.util.List<String> ids = new java.util.ArrayList<>();
                try (PreparedStatement ps = work.prepareStatement(last == null ? first : page)) {
                    ps.setLong(1, runId);
                    int p = range.bind(ps, 2);
                    if (last != null) {
                        ps.setString(p, last);
                    }
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
                for (String id : ids) {
                    delOutcome.setString(1, id);
                    delOutcome.addBatch();
                    delReturns.setString(1, id);
                    delReturns.addBatch();
                }
                if (!ids.isEmpty()) {
                    delOutcome.executeBatch();
                    delReturns.executeBatch();
                }
                if (ids.size() < 1000) {
                    return;
                }
                last = ids.get(ids.size() - 1);
            }
        }
    }

    /** The inserts of a run's built outcomes into the order_outcome rows its mode writes: its own or the store's. */
    public static OutcomeInserts forRun(Connection work, long runId, ZoneId zone, int batchSize) throws SQLException {
        return new OutcomeInserts(work, RunTables.mode(work, runId).outcomeRun(runId), zone, batchSize);
    }

    /** Adds one order's outcome and its returns to the batches. */
    public void add(OutcomeBuilder.Built b) throws SQLException {
        OrderOutcome o = b.outcome();
        PreparedStatement p = outcomeStatement;
        int i = 1;
        p.setLong(i++, runId);
        p.setString(i++, o.orderId());
        p.setString(i++, o.customerId());
        Jdbc.setInstant(p, i++, o.orderTime());
        Jdbc.setInstant(p, i++, o.dueTime());
        Jdbc.setDate(p, i++, o.dueDate());
        p.setString(i++, o.state().name());
        Jdbc.setInstant(p, i++, o.deliveredAt());
        Jdbc.setDate(p, i++, o.deliveryDate());
        Jdbc.setBoolean(p, i++, o.onTime());
        Jdbc.setBoolean(p, i++, o.accurate());
        Jdbc.setBoolean(p, i++, o.damaged());
        Jdbc.setBoolean(p, i++, o.documentsOk());
        Jdbc.setBoolean(p, i++, o.perfect());
        Jdbc.setBoolean(p, i++, o.split());
        p.setInt(i++, o.lines());
        p.setInt(i++, o.accurateLines());
        Jdbc.setLong(p, i++, b.cycleMicros());
        Jdbc.setLong(p, i++, b.dispatchMicros());
        Jdbc.setLong(p, i++, b.lateMicros());
        Jdbc.setBoolean(p, i++, b.withinTarget());
        p.setString(i++, o.warehouse());
        p.setString(i++, o.carrier());
        p.setString(i++, o.region());
        p.setString(i++, o.channel());
        p.setString(i++, o.segment());
        for (PeriodType t : PeriodType.values()) {
            p.setString(i++, t.periodOf(o.dueDate()));
        }
        for (PeriodType t : PeriodType.values()) {
            p.setString(i++, o.deliveryDate() == null ? null : t.periodOf(o.deliveryDate()));
        }
        outcomes.add();
        for (ReturnRecord r : b.returns()) {
            addReturn(r);
        }
    }

    private void addReturn(ReturnRecord r) throws SQLException {
        PreparedStatement q = returnStatement;
        int j = 1;
        q.setLong(j++, runId);
        q.setString(j++, r.returnId());
        q.setString(j++, r.orderId());
        q.setString(j++, r.reasonCode());
        Jdbc.setInstant(q, j++, r.requestedTime());
        Jdbc.setInstant(q, j++, r.refundedTime());
        Jdbc.setLong(q, j++, r.refundedTime() == null ? null
                : ChronoUnit.MICROS.between(r.requestedTime(), r.refundedTime()));
        LocalDate req = LocalDate.ofInstant(r.requestedTime(), zone);
        LocalDate ref = r.refundedTime() == null ? null : LocalDate.ofInstant(r.refundedTime(), zone);
        for (PeriodType t : PeriodType.values()) {
            q.setString(j++, t.periodOf(req));
        }
        for (PeriodType t : PeriodType.values()) {
            q.setString(j++, ref == null ? null : t.periodOf(ref));
        }
        returns.add();
    }

    /** Executes what is left in the batches. */
    public void flush() throws SQLException {
        outcomes.flush();
        returns.flush();
    }

    @Override
    public void close() throws SQLException {
        try {
            outcomeStatement.close();
        } finally {
            returnStatement.close();
        }
    }
}
