package com.logisticskpi.report.input;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.logisticskpi.base.db.Jdbc;
import com.logisticskpi.kpi.engine.OrderRows;
import com.logisticskpi.report.OrderRowsSource;

/**
 * The stored export rows of a batch of exception orders (their lines, shipment rows and return rows), read by
 * order id through the tables' order_id indexes: three queries per batch, on a connection of its own.
 */
final class StoredOrderRows implements OrderRowsSource {

    static final String LINES = """
            SELECT order_id, line_no, customer_id, order_time, promised_time, promised_date_only, sku, quantity,
                   warehouse_id, region, channel, status
              FROM order_line WHERE order_id IN (%s)
            """;
    static final String SHIPMENTS = """
            SELECT order_id, shipment_id, line_no, sku, quantity, warehouse_id, carrier, ship_time, delivered_time,
                   status, damaged, documents_ok
              FROM shipment_line WHERE order_id IN (%s)
            """;
    static final String RETURNS = """
            SELECT order_id, return_id, line_no, reason_code, requested_time, refunded_time
              FROM return_line WHERE order_id IN (%s)
            """;

    private final DataSource dataSource;

    StoredOrderRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<String, OrderRows> rowsOf(List<String> orderIds) {
        Map<String, OrderRows> out = new HashMap<>();
        if (orderIds.isEmpty()) {
            return out;
        }
        orderIds.forEach(id -> out.put(id, new OrderRows(id)));
        String marks = String.join(",", Collections.nCopies(orderIds.size(), "?"));
        try (Connection c = dataSource.getConnection()) {
            try (ResultSet rs = query(c, LINES.formatted(marks), orderIds)) {
                while (rs.next()) {
                    out.get(rs.getString(1)).line(new OrderRows.Line(rs.getInt(2), rs.getString(3), Jdbc.getInstant(rs, 4),
                            Jdbc.getInstant(rs, 5), rs.getBoolean(6), rs.getString(7), rs.getInt(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12), null));
                }
            }
            try (ResultSet rs = query(c, SHIPMENTS.formatted(marks), orderIds)) {
                while (rs.next()) {
                    out.get(rs.getString(1)).shipment(new OrderRows.Shipment(rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6), rs.getString(7), Jdbc.getInstant(rs, 8), Jdbc.getInstant(rs, 9),
                            rs.getString(10), rs.getBoolean(11), rs.getBoolean(12)));
                }
            }
            try (ResultSet rs = query(c, RETURNS.formatted(marks), orderIds)) {
                while (rs.next()) {
                    out.get(rs.getString(1)).returnRow(new OrderRows.Return(rs.getString(2), rs.getInt(3), rs.getString(4),
                            Jdbc.getInstant(rs, 5), Jdbc.getInstant(rs, 6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the stored rows of " + orderIds.size() + " exception orders: "
                    + e.getMessage(), e);
        }
        return out;
    }

    private static ResultSet query(Connection c, String sql, List<String> ids) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.closeOnCompletion();
        for (int i = 0; i < ids.size(); i++) {
            ps.setString(i + 1, ids.get(i));
        }
        return ps.executeQuery();
    }
}
