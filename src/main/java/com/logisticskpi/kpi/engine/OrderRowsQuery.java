package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.logisticskpi.base.db.Jdbc;

/**
 * Reads the candidate orders of a run's order-key range with everything stored about them, chunk by chunk: the next
 * {@code limit} candidate ids after a key in the database's order of {@code kpi_candidate}'s primary key, then that
 * chunk's lines, shipment rows and return rows (three small queries, each an index range scan of kpi_candidate driving
 * primary-key / order_id index look-ups into the export table, no sort), grouped by order id in Java. Memory holds one
 * chunk of orders; the database never materialises or sorts more than one chunk's rows (the earlier single
 * {@code UNION ALL ... ORDER BY order_id} over all candidates made H2 materialise and sort every row of the run).
 * Nothing is streamed, so one read connection serves all four queries on H2 and MySQL alike.
 */
public final class OrderRowsQuery implements AutoCloseable {

    private static final String CHUNK_SQL = """
            SELECT order_id FROM kpi_candidate WHERE run_id = ?%1$s%2$s ORDER BY run_id, order_id LIMIT ?
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

    private final long runId;
    private final OrderKeyRange range;
    private final List<PreparedStatement> statements = new ArrayList<>();
    private final PreparedStatement first;
    private final PreparedStatement next;
    private final PreparedStatement lines;
    private final PreparedStatement shipments;
    private final PreparedStatement returns;

    /** Prepares the queries on {@code read} (which stays the caller's to close). */
    public OrderRowsQuery(Connection read, long runId, OrderKeyRange range) throws SQLException {
        this.runId = runId;
        this.range = range;
        try {
            first = prepare(read, CHUNK_SQL.formatted(range.condition("order_id"), ""));
            next = prepare(read, CHUNK_SQL.formatted(range.condition("order_id"), " AND order_id > ?"));
            lines = prepare(read, LINES_SQL);
            shipments = prepare(read, SHIPMENTS_SQL);
            returns = prepare(read, RETURNS_SQL);
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        statements.add(ps);
        return ps;
    }

    /**
     * The next at most {@code limit} candidate orders of the range after the order id {@code after} (null: from the
     * range's start), in key order, each with its lines, shipment rows and return rows. Empty at the range's end.
     */
    public List<OrderRows> next(String after, int limit) throws SQLException {
        PreparedStatement chunkPs = after == null ? first : next;
        chunkPs.setLong(1, runId);
        int p = range.bind(chunkPs, 2);
        if (after != null) {
            chunkPs.setString(p++, after);
        }
        chunkPs.setInt(p, limit);
        Map<String, OrderRows> chunk = new LinkedHashMap<>();
        String last = null;
        try (ResultSet rs = chunkPs.executeQuery()) {
            while (rs.next()) {
                last = rs.getString(1);
                chunk.put(last, new OrderRows(last));
            }
        }
        if (chunk.isEmpty()) {
            return List.of();
        }
        String lo = chunk.keySet().iterator().next();
        readLines(lo, last, chunk);
        readShipments(lo, last, chunk);
        readReturns(lo, last, chunk);
        return new ArrayList<>(chunk.values());
    }

    private ResultSet query(PreparedStatement ps, String lo, String hi) throws SQLException {
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

    private void readLines(String lo, String hi, Map<String, OrderRows> chunk) throws SQLException {
        try (ResultSet rs = query(lines, lo, hi)) {
            while (rs.next()) {
                of(chunk, rs.getString(1)).line(new OrderRows.Line(rs.getInt(2), rs.getString(8), Jdbc.getInstant(rs, 4),
                        Jdbc.getInstant(rs, 5), rs.getBoolean(13), rs.getString(6), rs.getInt(3), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(7), rs.getString(12)));
            }
        }
    }

    private void readShipments(String lo, String hi, Map<String, OrderRows> chunk) throws SQLException {
        try (ResultSet rs = query(shipments, lo, hi)) {
            while (rs.next()) {
                of(chunk, rs.getString(1)).shipment(new OrderRows.Shipment(rs.getString(10), rs.getInt(2), rs.getString(6),
                        rs.getInt(3), rs.getString(9), rs.getString(8), Jdbc.getInstant(rs, 4), Jdbc.getInstant(rs, 5),
                        rs.getString(7), rs.getBoolean(11), rs.getBoolean(12)));
            }
        }
    }

    private void readReturns(String lo, String hi, Map<String, OrderRows> chunk) throws SQLException {
        try (ResultSet rs = query(returns, lo, hi)) {
            while (rs.next()) {
                of(chunk, rs.getString(1)).returnRow(new OrderRows.Return(rs.getString(6), rs.getInt(2), rs.getString(5),
                        Jdbc.getInstant(rs, 3), Jdbc.getInstant(rs, 4)));
            }
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement ps : statements) {
            try {
                ps.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
