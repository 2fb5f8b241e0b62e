package com.logisticskpi.kpi.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import com.logisticskpi.base.db.Jdbc;

/**
 * Selects, set-based in SQL, the orders a run must build outcomes for: orders with an OK line and any of
 * a line promised in the window (the due time is the latest promise, so an order due in a period has a line
 * promised in it), a DELIVERED shipment row delivered in the window (delivered_at is one of them), a return
 * requested or refunded in the window, a survey response in the window, or a ticket opened or resolved in the window
 * (tickets take the slices of their order). The window is the run's periods
 * widened by a day on each side. A superset is harmless: figures only count orders by their own dates, and an
 * order without an OK line (unknown or cancelled) gets no outcome from {@link OutcomeBuilder}.
 * One INSERT ... SELECT per source, each driven by the index on its time column; NOT EXISTS keeps them distinct.
 */
final class CandidateSelector {

    private static final String TEMPLATE = """
            INSERT INTO kpi_candidate (run_id, order_id)
            SELECT DISTINCT ?, x.order_id FROM %s x
             WHERE x.%s >= ? AND x.%s < ?%s
               AND NOT EXISTS (SELECT 1 FROM kpi_candidate c WHERE c.run_id = ? AND c.order_id = x.order_id)
            """;

    /** The first source fills an empty set: no NOT EXISTS needed. */
    private static final String FIRST = """
            INSERT INTO kpi_candidate (run_id, order_id)
            SELECT DISTINCT ?, x.order_id FROM order_line x
             WHERE x.promised_time >= ? AND x.promised_time < ? AND x.status = 'OK'
            """;

    private static final List<String> SQL = List.of(
            FIRST,
            TEMPLATE.formatted("shipment_line", "delivered_time", "delivered_time", " AND x.status = 'DELIVERED'"),
            TEMPLATE.formatted("return_line", "requested_time", "requested_time", ""),
            TEMPLATE.formatted("return_line", "refunded_time", "refunded_time", ""),
            TEMPLATE.formatted("survey_response", "response_time", "response_time", " AND x.order_id IS NOT NULL"),
            TEMPLATE.formatted("service_ticket", "opened_time", "opened_time", " AND x.order_id IS NOT NULL"),
            TEMPLATE.formatted("service_ticket", "resolved_time", "resolved_time", " AND x.order_id IS NOT NULL"));

    private CandidateSelector() {
    }

    static int select(Connection work, long runId, Instant start, Instant end) throws SQLException {
        int total = 0;
        for (String sql : SQL) {
            try (PreparedStatement ps = work.prepareStatement(sql)) {
                ps.setLong(1, runId);
                Jdbc.setInstant(ps, 2, start);
                Jdbc.setInstant(ps, 3, end);
                if (sql != FIRST) {
                    ps.setLong(4, runId);
                }
                total += ps.executeUpdate();
            }
        }
        return total;
    }
}
