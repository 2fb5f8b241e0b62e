package com.logisticskpi.kpi.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.logisticskpi.base.db.Jdbc;

/**
 * ABC segments of a run (kpis.md section 6): customers ranked by revenue of OK lines ordered in the 90 local days
 * ending on the local date of as_of, descending, ties by customer_id; A while the share of the customers ranked
 * before is below 80 %, B below 95 %, else C. Only A and B are stored (kpi_segment); everyone else is C.
 * Revenue is summed by the database (exact DECIMAL), the ranking streams in revenue order, so memory holds
 * one group of equal revenue at a time.
 */
final class SegmentAssigner {

    static final int WINDOW_DAYS = 90;
    private static final BigDecimal A_LIMIT = new BigDecimal("0.80");
    private static final BigDecimal B_LIMIT = new BigDecimal("0.95");

    private static final String REVENUE_WHERE = " FROM order_line WHERE status = 'OK' AND order_time >= ? AND order_time < ?"
            + " AND unit_price IS NOT NULL";
    private static final String TOTAL_SQL = "SELECT SUM(quantity * unit_price)" + REVENUE_WHERE;
    private static final String RANK_SQL = "SELECT customer_id, SUM(quantity * unit_price) AS revenue" + REVENUE_WHERE
            + " GROUP BY customer_id HAVING SUM(quantity * unit_price) > 0 ORDER BY revenue DESC";
    private static final String INSERT_SQL = "INSERT INTO kpi_segment (run_id, customer_id, segment) VALUES (?, ?, ?)";

    private record Customer(String id, BigDecimal revenue) {
    }

    private SegmentAssigner() {
    }

    /** Writes the run's A and B customers; returns how many customers have revenue. */
    static long assign(Connection work, Connection stream, long runId, Instant asOf, ZoneId zone, int batchSize) throws SQLException {
        LocalDate last = LocalDate.ofInstant(asOf, zone);
        Instant start = last.minusDays(WINDOW_DAYS - 1).atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        return assign(work, stream, runId, TOTAL_SQL, RANK_SQL, ps -> {
            Jdbc.setInstant(ps, 1, start);
            Jdbc.setInstant(ps, 2, end);
        }, batchSize);
    }

    /** The same from the revenue per customer the outcome store keeps for as_of's window ({@link SegmentWindow}). */
    static long assignFromWindow(Connection work, Connection stream, long runId, int batchSize) throws SQLException {
        return assign(work, stream, runId, SegmentWindow.TOTAL_SQL, SegmentWindow.RANK_SQL, ps -> { }, batchSize);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static long assign(Connection work, Connection stream, long runId, String totalSql, String rankSql,
                               Binder binder, int batchSize) throws SQLException {
        BigDecimal total;
        try (PreparedStatement ps = work.prepareStatement(totalSql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getBigDecimal(1);
            }
        }
        if (total == null || total.signum() <= 0) {
            return 0;
        }
        long customers = 0;
        // reading on the writing connection (the store's window is not committed yet): not streamed, since MySQL
        // allows no other statement on a connection while a streamed result is open (one row per customer is read)
        try (PreparedStatement ps = stream == work ? work.prepareStatement(rankSql) : Jdbc.streaming(stream, rankSql);
             PreparedStatement ins = work.prepareStatement(INSERT_SQL)) {
            binder.bind(ps);
            BigDecimal before = BigDecimal.ZERO;
            List<Customer> ties = new ArrayList<>();
            int pending = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (true) {
                    boolean more = rs.next();
                    Customer c = more ? new Customer(rs.getString(1), rs.getBigDecimal(2)) : null;
                    if (!ties.isEmpty() && (c == null || c.revenue().compareTo(ties.get(0).revenue()) != 0)) {
                        ties.sort((x, y) -> x.id().compareTo(y.id()));
                        for (Customer t : ties) {
                            String seg = classOf(before, total);
                            if (!"C".equals(seg)) {
                                ins.setLong(1, runId);
                                ins.setString(2, t.id());
                                ins.setString(3, seg);
                                ins.addBatch();
                                if (++pending >= batchSize) {
                                    ins.executeBatch();
                                    pending = 0;
                                }
                            }
                            before = before.add(t.revenue());
                            customers++;
                        }
                        ties.clear();
                    }
                    if (c == null) {
                        break;
                    }
                    ties.add(c);
                }
            }
            if (pending > 0) {
                ins.executeBatch();
            }
        }
        return customers;
    }

    /** A when before/total < 0.80, B when < 0.95, else C; compared exactly (before < 0.80 * total). */
    static String classOf(BigDecimal before, BigDecimal total) {
        if (before.compareTo(total.multiply(A_LIMIT)) < 0) {
            return "A";
        }
        if (before.compareTo(total.multiply(B_LIMIT)) < 0) {
            return "B";
        }
        return "C";
    }
}
