package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.PeriodType;

/**
 * Streams the candidate orders' lines, shipment rows and return rows as ONE result sorted by order id (a
 * UNION ALL, so one connection streams while another writes), builds each order's outcome in Java as soon
 * as its rows are complete, and batch-writes order_outcome and kpi_return. Memory holds one order at a time.
 * The order key of every row is the candidate's order_id, so rows of one order are always adjacent.
 */
final class OutcomeStage {

    private static final String STREAM_SQL = """
            SELECT c.order_id AS k, 1 AS kind, ol.line_no AS line_no, ol.quantity AS qty, ol.order_time AS t1,
                   ol.promised_time AS t2, ol.sku AS sku, ol.status AS st, ol.customer_id AS a, ol.warehouse_id AS wh,
                   ol.region AS b, ol.channel AS ch, sg.segment AS seg, ol.promised_date_only AS f1, ol.promised_date_only AS f2
              FROM kpi_candidate c JOIN order_line ol ON ol.order_id = c.order_id
              LEFT JOIN kpi_segment sg ON sg.run_id = c.run_id AND sg.customer_id = ol.customer_id
             WHERE c.run_id = ?%1$s
            UNION ALL
            SELECT c.order_id, 2, s.line_no, s.quantity, s.ship_time, s.delivered_time, s.sku, s.status, s.carrier,
                   s.warehouse_id, s.shipment_id, NULL, NULL, s.damaged, s.documents_ok
              FROM kpi_candidate c JOIN shipment_line s ON s.order_id = c.order_id
             WHERE c.run_id = ?%1$s
            UNION ALL
            SELECT c.order_id, 3, r.line_no, r.quantity, r.requested_time, r.refunded_time, r.sku, r.reason_code, r.return_id,
                   NULL, NULL, NULL, NULL, NULL, NULL
              FROM kpi_candidate c JOIN return_line r ON r.order_id = c.order_id
             WHERE c.run_id = ?%1$s
            ORDER BY 1, 2
            """;

    static final String INSERT_OUTCOME = """
            INSERT INTO order_outcome (run_id, order_id, customer_id, order_time, due_time, due_date, state, delivered_at,
                delivery_date, on_time, accurate, damaged, documents_ok, perfect, is_split, line_count, accurate_line_count,
                cycle_us, dispatch_us, late_us, within_target, warehouse, carrier, region, channel, segment,
                due_day, due_week, due_month, del_day, del_week, del_month)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    static final String INSERT_RETURN = """
            INSERT INTO kpi_return (run_id, return_id, order_id, reason_code, requested_time, refunded_time, refund_us,
                req_day, req_week, req_month, ref_day, ref_week, ref_month)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private OutcomeStage() {
    }

    /** Returns the number of outcomes written. */
    static long run(Connection stream, Connection work, long runId, OrderKeyRange range, OutcomeBuilder builder,
                    ZoneId zone, int batchSize) throws SQLException {
        long written = 0;
        try (PreparedStatement ps = Jdbc.streaming(stream, STREAM_SQL.formatted(range.condition("c.order_id")));
             PreparedStatement insO = work.prepareStatement(INSERT_OUTCOME);
             PreparedStatement insR = work.prepareStatement(INSERT_RETURN)) {
            int p = 1;
            for (int branch = 0; branch < 3; branch++) {
                ps.setLong(p++, runId);
                p = range.bind(ps, p);
            }
            Batch outcomes = new Batch(insO, batchSize);
            Batch returns = new Batch(insR, batchSize);
            OrderRows current = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    if (current == null || !current.orderId().equals(key)) {
                        if (current != null) {
                            written += emit(current, builder, runId, zone, outcomes, returns);
                        }
                        current = new OrderRows(key);
                    }
                    int kind = rs.getInt(2);
                    int lineNo = rs.getInt(3);
                    int qty = rs.getInt(4);
                    Instant t1 = Jdbc.getInstant(rs, 5);
                    Instant t2 = Jdbc.getInstant(rs, 6);
                    switch (kind) {
                        case 1 -> current.line(new OrderRows.Line(lineNo, rs.getString(9), t1, t2, rs.getBoolean(14),
                                rs.getString(7), qty, rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(8),
                                rs.getString(13)));
                        case 2 -> current.shipment(new OrderRows.Shipment(rs.getString(11), lineNo, rs.getString(7), qty,
                                rs.getString(10), rs.getString(9), t1, t2, rs.getString(8), rs.getBoolean(14), rs.getBoolean(15)));
                        default -> current.returnRow(new OrderRows.Return(rs.getString(9), lineNo, rs.getString(8), t1, t2));
                    }
                }
            }
            if (current != null) {
                written += emit(current, builder, runId, zone, outcomes, returns);
            }
            outcomes.flush();
            returns.flush();
        }
        return written;
    }

    private static int emit(OrderRows rows, OutcomeBuilder builder, long runId, ZoneId zone, Batch outcomes,
                            Batch returns) throws SQLException {
        OutcomeBuilder.Built b = builder.build(rows);
        if (b == null) {
            return 0;
        }
        OrderOutcome o = b.outcome();
        PreparedStatement p = outcomes.ps;
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
            PreparedStatement q = returns.ps;
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
        return 1;
    }

    /** A JDBC batch flushed every {@code size} rows. */
    static final class Batch {
        final PreparedStatement ps;
        private final int size;
        private int pending;

        Batch(PreparedStatement ps, int size) {
            this.ps = ps;
            this.size = size;
        }

        void add() throws SQLException {
            ps.addBatch();
            if (++pending >= size) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                ps.executeBatch();
                pending = 0;
            }
        }
    }
}
