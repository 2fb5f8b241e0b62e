package com.logisticskpi.kpi.engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import com.logisticskpi.base.db.Jdbc;

/**
 * The revenue the ABC segments of a nightly run rank customers by (kpis.md section 6: priced OK lines ordered in the
 * 90 local days ending on as_of's date), kept between runs so that a night costs the lines it loaded and the two days
 * the window gains and loses, not 90 days of order lines:
 * <ul>
 * <li>kpi_line_revenue: each priced OK line ordered from the window's first day on (later days too: they enter the
 * window as as_of moves), with its customer and local day, so that a re-exported line's old value can be taken back;</li>
 * <li>kpi_customer_day: their sum per customer and local day;</li>
 * <li>kpi_customer_window: the sum per customer over the window of the store's as_of.</li>
 * </ul>
 * Sums are exact DECIMALs, as the database's own SUM(quantity * unit_price) over order_line they replace.
 */
final class SegmentWindow {

    static final String TOTAL_SQL = "SELECT SUM(revenue) FROM kpi_customer_window";
    static final String RANK_SQL = "SELECT customer_id, revenue FROM kpi_customer_window WHERE revenue > 0 ORDER BY revenue DESC";

    private static final String CHANGED_LINES = """
            SELECT o.order_id, o.line_no, o.customer_id, o.order_time, o.quantity, o.unit_price, o.status,
                   r.customer_id AS old_customer, r.day_label AS old_day, r.revenue AS old_revenue
              FROM order_line o LEFT JOIN kpi_line_revenue r ON r.order_id = o.order_id AND r.line_no = o.line_no
             WHERE o.src_file_id > ? AND o.src_file_id <= ?""";

    private record Key(String customer, String day) {
    }

    private SegmentWindow() {
    }

    static LocalDate firstDay(Instant asOf, ZoneId zone) {
        return LocalDate.ofInstant(asOf, zone).minusDays(SegmentAssigner.WINDOW_DAYS - 1);
    }

    /** Builds the three tables again for {@code asOf} from the order lines (a REBUILD of the outcome store). */
    static void rebuild(Connection work, Connection stream, Instant asOf, ZoneId zone, int batchSize) throws SQLException {
        for (String t : new String[] {"kpi_line_revenue", "kpi_customer_day", "kpi_customer_window"}) {
            update(work, "DELETE FROM " + t);
        }
        LocalDate first = firstDay(asOf, zone);
        try (PreparedStatement read = Jdbc.streaming(stream, "SELECT order_id, line_no, customer_id, order_time, quantity,"
                + " unit_price FROM order_line WHERE status = 'OK' AND unit_price IS NOT NULL AND order_time >= ?");
             PreparedStatement insert = work.prepareStatement("INSERT INTO kpi_line_revenue (order_id, line_no,"
                     + " customer_id, day_label, revenue) VALUES (?, ?, ?, ?, ?)")) {
            Jdbc.setInstant(read, 1, first.atStartOfDay(zone).toInstant());
            JdbcBatch b = new JdbcBatch(insert, batchSize);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    insert.setString(1, rs.getString(1));
                    insert.setInt(2, rs.getInt(2));
                    insert.setString(3, rs.getString(3));
                    insert.setString(4, LocalDate.ofInstant(Jdbc.getInstant(rs, 4), zone).toString());
                    insert.setBigDecimal(5, rs.getBigDecimal(6).multiply(BigDecimal.valueOf(rs.getInt(5))));
                    b.add();
                }
            }
            b.flush();
        }
        update(work, "INSERT INTO kpi_customer_day (customer_id, day_label, revenue) SELECT customer_id, day_label,"
                + " SUM(revenue) FROM kpi_line_revenue GROUP BY customer_id, day_label");
        try (PreparedStatement ps = work.prepareStatement("INSERT INTO kpi_customer_window (customer_id, revenue)"
                + " SELECT customer_id, SUM(revenue) FROM kpi_customer_day WHERE day_label >= ? AND day_label <= ?"
                + " GROUP BY customer_id")) {
            ps.setString(1, first.toString());
            ps.setString(2, LocalDate.ofInstant(asOf, zone).toString());
            ps.executeUpdate();
        }
    }

    /**
     * Adds the order lines written by files in (low, high] (taking back what a replaced line counted before) and moves
     * the window from {@code before}'s 90 days to {@code asOf}'s ({@code asOf} is not before {@code before}).
     */
    static void update(Connection work, Connection stream, Instant before, Instant asOf, ZoneId zone, long low, long high)
            throws SQLException {
        LocalDate oldFirst = firstDay(before, zone);
        LocalDate oldLast = LocalDate.ofInstant(before, zone);
        LocalDate first = firstDay(asOf, zone);
        LocalDate last = LocalDate.ofInstant(asOf, zone);
        Map<Key, BigDecimal> days = new HashMap<>();
        // the changed lines are streamed on their own connection (a night can bring millions; MySQL would otherwise
        // hold them all in memory): it sees the committed order lines and the revenue rows as the last run left them,
        // the values this loop takes back, each line once
        try (PreparedStatement read = Jdbc.streaming(stream, CHANGED_LINES);
             PreparedStatement delete = work.prepareStatement("DELETE FROM kpi_line_revenue WHERE order_id = ? AND line_no = ?");
             PreparedStatement insert = work.prepareStatement("INSERT INTO kpi_line_revenue (order_id, line_no, customer_id,"
                     + " day_label, revenue) VALUES (?, ?, ?, ?, ?)")) {
            read.setLong(1, low);
            read.setLong(2, high);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    String order = rs.getString(1);
                    int line = rs.getInt(2);
                    if (rs.getString("old_customer") != null) {
                        days.merge(new Key(rs.getString("old_customer"), rs.getString("old_day")),
                                rs.getBigDecimal("old_revenue").negate(), BigDecimal::add);
                        delete.setString(1, order);
                        delete.setInt(2, line);
                        delete.executeUpdate();
                    }
                    BigDecimal price = rs.getBigDecimal(6);
                    String day = LocalDate.ofInstant(Jdbc.getInstant(rs, 4), zone).toString();
                    if ("OK".equals(rs.getString(7)) && price != null && day.compareTo(oldFirst.toString()) >= 0) {
                        BigDecimal revenue = price.multiply(BigDecimal.valueOf(rs.getInt(5)));
                        days.merge(new Key(rs.getString(3), day), revenue, BigDecimal::add);
                        insert.setString(1, order);
                        insert.setInt(2, line);
                        insert.setString(3, rs.getString(3));
                        insert.setString(4, day);
                        insert.setBigDecimal(5, revenue);
                        insert.executeUpdate();
                    }
                }
            }
        }
        Map<String, BigDecimal> window = new HashMap<>();
        try (Adder dayAdder = new Adder(work, "kpi_customer_day", "customer_id = ? AND day_label = ?")) {
            for (Map.Entry<Key, BigDecimal> e : days.entrySet()) {
                if (e.getValue().signum() == 0) {
                    continue;
                }
                dayAdder.add(e.getValue(), e.getKey().customer(), e.getKey().day());
                String d = e.getKey().day();
                if (d.compareTo(oldFirst.toString()) >= 0 && d.compareTo(oldLast.toString()) <= 0) {
                    window.merge(e.getKey().customer(), e.getValue(), BigDecimal::add);
                }
            }
        }
        // the days the window lost [oldFirst, first) and gained (oldLast, last]
        sumDays(work, "day_label >= ? AND day_label < ?", oldFirst, first, window, true);
        sumDays(work, "day_label > ? AND day_label <= ?", oldLast, last, window, false);
        try (Adder windowAdder = new Adder(work, "kpi_customer_window", "customer_id = ?")) {
            for (Map.Entry<String, BigDecimal> e : window.entrySet()) {
                if (e.getValue().signum() != 0) {
                    windowAdder.add(e.getValue(), e.getKey());
                }
            }
        }
        for (String t : new String[] {"kpi_customer_day", "kpi_line_revenue"}) {
            try (PreparedStatement ps = work.prepareStatement("DELETE FROM " + t + " WHERE day_label < ?")) {
                ps.setString(1, first.toString());
                ps.executeUpdate();
            }
        }
        update(work, "DELETE FROM kpi_customer_window WHERE revenue = 0");
    }

    private static void sumDays(Connection c, String where, LocalDate from, LocalDate to, Map<String, BigDecimal> window,
                                boolean subtract) throws SQLException {
        if (!from.isBefore(to) && subtract || !to.isAfter(from) && !subtract) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, SUM(revenue) FROM kpi_customer_day WHERE "
                + where + " GROUP BY customer_id")) {
            ps.setString(1, from.toString());
            ps.setString(2, to.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal v = rs.getBigDecimal(2);
                    window.merge(rs.getString(1), subtract ? v.negate() : v, BigDecimal::add);
                }
            }
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    /** Adds an amount to a row's revenue, inserting the row when it is missing. */
    private static final class Adder implements AutoCloseable {
        private final PreparedStatement update;
        private final PreparedStatement insert;

        Adder(Connection c, String table, String keyCondition) throws SQLException {
            update = c.prepareStatement("UPDATE " + table + " SET revenue = revenue + ? WHERE " + keyCondition);
            String columns = keyCondition.replace(" = ? AND ", ", ").replace(" = ?", "");
            insert = c.prepareStatement("INSERT INTO " + table + " (revenue, " + columns + ") VALUES (?, "
                    + "?, ".repeat(columns.split(", ").length - 1) + "?)");
        }

        void add(BigDecimal amount, String... key) throws SQLException {
            update.setBigDecimal(1, amount);
            for (int i = 0; i < key.length; i++) {
                update.setString(i + 2, key[i]);
            }
            if (update.executeUpdate() == 0) {
                insert.setBigDecimal(1, amount);
                for (int i = 0; i < key.length; i++) {
                    insert.setString(i + 2, key[i]);
                }
                insert.executeUpdate();
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                update.close();
            } finally {
                insert.close();
            }
        }
    }
}
