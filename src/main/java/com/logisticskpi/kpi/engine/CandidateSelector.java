package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Selects, set-based in SQL, the orders a run must build outcomes for: orders with an OK line and any of
 * a line promised in the window (the due time is the latest promise, so an order due in a period has a line
 * promised in it), a DELIVERED shipment row delivered in the window (delivered_at is one of them), a return
 * requested or refunded in the window, or a survey response in the window. The window is the run's periods
 * widened by a day on each side. A superset is harmless: figures only count orders by their own dates.
 */
final class CandidateSelector {

    private static final String SQL = """
            INSERT INTO kpi_candidate (run_id, order_id)
            SELECT ?, x.order_id FROM (
                SELECT order_id FROM order_line WHERE promised_time >= ? AND promised_time < ?
                UNION SELECT order_id FROM shipment_line WHERE delivered_time >= ? AND delivered_time < ? AND status = 'DELIVERED'
                UNION SELECT order_id FROM return_line WHERE requested_time >= ? AND requested_time < ?
                UNION SELECT order_id FROM return_line WHERE refunded_time >= ? AND refunded_time < ?
                UNION SELECT order_id FROM survey_response WHERE response_time >= ? AND response_time < ? AND order_id IS NOT NULL
            ) x
            WHERE EXISTS (SELECT 1 FROM order_line ol WHERE ol.order_id = x.order_id AND ol.status = 'OK')
            """;

    private CandidateSelector() {
    }

    static int select(Connection work, long runId, Instant start, Instant end) throws SQLException {
        try (PreparedStatement ps = work.prepareStatement(SQL)) {
            ps.setLong(1, runId);
            for (int i = 0; i < 5; i++) {
                Jdbc.setInstant(ps, 2 + 2 * i, start);
                Jdbc.setInstant(ps, 3 + 2 * i, end);
            }
            return ps.executeUpdate();
        }
    }
}
