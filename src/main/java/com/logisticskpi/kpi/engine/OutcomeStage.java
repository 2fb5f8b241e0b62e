package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.kpi.OrderOutcome;
import com.logisticskpi.kpi.PeriodType;

/**
 * Builds the outcomes of the candidate orders chunk by chunk: the next {@value #CHUNK} candidate ids in the database's
 * order of {@code kpi_candidate}'s primary key, then that chunk's lines, shipment rows and return rows (three small
 * queries, each an index range scan of kpi_candidate driving primary-key / order_id index look-ups into the export
 * table, no sort), grouped by order id in Java, each order's outcome built and batch-written to order_outcome and
 * kpi_return. Memory holds one chunk of orders; the database never materialises or sorts more than one chunk's rows
 * (the earlier single {@code UNION ALL ... ORDER BY order_id} over all candidates made H2 materialise and sort every
 * row of the run). Nothing is streamed, so one read connection serves all four queries on H2 and MySQL alike.
 */
final class OutcomeStage {

    /** Candidate orders per chunk (their rows are read into memory: a few thousand rows). */
    static final int CHUNK = 1000;

    private static final String CHUNK_SQL = """
            SELECT order_id FROM kpi_candidate WHERE run_id = ?%1$s%2$s ORDER BY run_id, order_id LIMIT %3$d
            """;

    /** The candidates in [first, last] are exactly the chunk (consecutive keys of kpi_candidate's primary key). */
    private static final String LINES_SQL = """
            SELECT c.order_id, ol.line_no, ol.quantity, ol.order_time, ol.promised_time, ol.sku, ol.status, ol.customer_id,
                   ol.warehouse_id, ol.region, ol.channel, sg.segment, ol.promised_date_only
              FROM kpi_candidate c JOIN order_line ol ON ol.order_id = c.order_id
              LEFT JOIN kpi_segment sg ON sg.run_id = c.run_id AND sg.customer_id = ol.customer_id
             WHERE c.run_id = ? AND c.order_id >= ? AND c.order_id <= ?
            """;

    private static final String SHIPMENTS_SQL = """
            SELECT c.order_id, s.line_no, s.quantity, s.ship_time, s.delivered_time, s.sku, s.status, s.carrier,
                   s.warehouse_id, s.shipment_id, s.damaged, s.documents_ok
              FROM kpi_candidate c JOIN shipment_line s ON s.order_id = c.order_id
             WHERE c.run_id = ? AND c.order_id >= ? AND c.order_id <= ?
            """;

    private static final String RETURNS_SQL = """
            SELECT c.order_id, r.line_no, r.requested_time, r.refunded_time, r.reason_code, r.return_id
              FROM kpi_candidate c JOIN return_line r ON r.order_id = c.order_id
             WHERE c.run_id = ? AND c.order_id >= ? AND c.order_id <= ?
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

    /** Returns the number of outcomes written; {@code chunkDone} is told the candidates of every chunk built. */
    static long run(Connection read, Connection work, long runId, OrderKeyRange range, OutcomeBuilder builder,
                    ZoneId zone, int batchSize, java.util.function.LongConsumer chunkDone) throws SQLException {
        long written = 0;
        String firstChunk = CHUNK_SQL.formatted(range.condition("order_id"), "", CHUNK);
        String nextChunk = CHUNK_SQL.formatted(range.condition("order_id"), " AND order_id > ?", CHUNK);
        try (PreparedStatement first = read.prepareStatement(firstChunk);
             PreparedStatement next = read.prepareStatement(nextChunk);
             PreparedStatement lines = read.prepareStatement(LINES_SQL);
             PreparedStatement shipments = read.prepareStatement(SHIPMENTS_SQL);
             PreparedStatement returns = read.prepareStatement(RETURNS_SQL);
             PreparedStatement insO = work.prepareStatement(INSERT_OUTCOME);
             PreparedStatement insR = work.prepareStatement(INSERT_RETURN)) {
            Batch outcomes = new Batch(insO, batchSize);
            Batch returnRows = new Batch(insR, batchSize);
            String last = null;
            while (true) {
                PreparedStatement chunkPs = last == null ? first : next;
                chunkPs.setLong(1, runId);
                int p = range.bind(chunkPs, 2);
                if (last != null) {
                    chunkPs.setString(p, last);
                }
                Map<String, OrderRows> chunk = new LinkedHashMap<>();
                try (ResultSet rs = chunkPs.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        chunk.put(id, new OrderRows(id));
                        last = id;
                    }
                }
                if (chunk.isEmpty()) {
                    break;
                }
                String lo = chunk.keySet().iterator().next();
                readLines(lines, runId, lo, last, chunk);
                readShipments(shipments, runId, lo, last, chunk);
                readReturns(returns, runId, lo, last, chunk);
                for (OrderRows rows : chunk.values()) {
                    written += emit(rows, builder, runId, zone, outcomes, returnRows);
                }
                chunkDone.accept(chunk.size());
                if (chunk.size() < CHUNK) {
                    break;
                }
            }
            outcomes.flush();
            returnRows.flush();
        }
        return written;
    }

    private static ResultSet query(PreparedStatement ps, long runId, String lo, String hi) throws SQLException {
        ps.setLong(1, runId);
        ps.setString(2, lo);
        ps.setString(3, hi);
        return ps.executeQuery();
    }

    /** The rows of an order id that is not in the chunk (cannot happen: the join is on the chunk's candidates). */
    private static OrderRows of(Map<String, OrderRows> chunk, String id) {
        OrderRows rows = chunk.get(id);
        if (rows == null) {
            throw new IllegalStateException("row of order " + id + " outside its candidate chunk");
        }
        return rows;
    }

    private static void readLines(PreparedStatement ps, long runId, String lo, String hi, Map<String, OrderRows> chunk)
            throws SQLException {
        try (ResultSet rs = query(ps, runId, lo, hi)) {
            while (rs.next()) {
                of(chunk, rs.getString(1)).line(new OrderRows.Line(rs.getInt(2), rs.getString(8), Jdbc.getInstant(rs, 4),
                        Jdbc.getInstant(rs, 5), rs.getBoolean(13), rs.getString(6), rs.getInt(3), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(7), rs.getString(12)));
            }
        }
    }

    private static void readShipments(PreparedStatement ps, long runId, String lo, String hi, Map<String, OrderRows> chunk)
            throws SQLException {
        try (ResultSet rs = query(ps, runId, lo, hi)) {
            while (rs.next()) {
                of(chunk, rs.getString(1)).shipment(new OrderRows.Shipment(rs.getString(10), rs.getInt(2), rs.getString(6),
                        rs.getInt(3), rs.getString(9), rs.getString(8), Jdbc.getInstant(rs, 4), Jdbc.getInstant(rs, 5),
                        rs.getString(7), rs.getBoolean(11), rs.getBoolean(12)));
            }
        }
    }

    private static void readReturns(PreparedStatement ps, long runId, String lo, String hi, Map<String, OrderRows> chunk)
            throws SQLException {
        try (ResultSet rs = query(ps, runId, lo, hi)) {
            while (rs.next()) {
                of(chunk, rs.getString(1)).returnRow(new OrderRows.Return(rs.getString(6), rs.getInt(2), rs.getString(5),
                        Jdbc.getInstant(rs, 3), Jdbc.getInstant(rs, 4)));
            }
        }
    }

    private static int emit(OrderRows rows, OutcomeBuilder builder, long runId, ZoneId zone, Batch outcomes,
                            Batch returns) throws SQLException {
        OutcomeBuilder.Built b;
        try {
            b = builder.build(rows);
        } catch (ArithmeticException e) {
            // a time span beyond what the engine counts (292 years in nanoseconds): name the order, not just "overflow"
            org.slf4j.LoggerFactory.getLogger(OutcomeStage.class).error("order {}: outcome overflow", rows.orderId(), e);
            throw new IllegalStateException("order " + rows.orderId() + ": its times span too far to compute ("
                    + e.getMessage() + "): an implausible timestamp in its stored rows (order_line / shipment_line "
                    + "src_order names the file); correct the export and load it again (kpi.ingest.plausibility rejects"
                    + " such rows)");
        }
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
