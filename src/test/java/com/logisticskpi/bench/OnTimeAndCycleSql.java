package com.logisticskpi.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Two figures of kpis.md in DuckDB SQL, for bench/run's DuckDB reference and the DuckDB store spike (issue 11):
 * the due-cohort {@code on_time_rate} per local day and the delivered-cohort {@code cycle_hours_p90} per month,
 * slice "all". It reads two views the caller defines, with instants as TIMESTAMPTZ and the session time zone set to
 * the business zone:
 * <ul>
 *   <li>{@code v_order_line(order_id, line_no, order_time, promised_time, quantity)}: the stored (latest) order
 *       lines with status OK; {@code promised_time} of a date-only promise is the end of that local day;</li>
 *   <li>{@code v_delivered(order_id, line_no, quantity, delivered_time)}: the stored shipment rows with status
 *       DELIVERED.</li>
 * </ul>
 * The rules are kpis.md section 1: a line closes at the delivered time of the row that brings its running received
 * quantity to the ordered quantity; an order is delivered when all its lines are closed, on time when every line closed
 * by its promise; judged = delivered, or due by {@code as_of}; percentiles are {@code quantile_cont} (R type 7).
 */
final class OnTimeAndCycleSql {

    private static final String ORDERS = """
            CREATE OR REPLACE TEMP TABLE bench_order AS
            WITH running AS (
                SELECT order_id, line_no, delivered_time,
                       sum(quantity) OVER (PARTITION BY order_id, line_no ORDER BY delivered_time
                                           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS received
                FROM v_delivered
            ), line AS (
                SELECT l.order_id, l.order_time, l.promised_time,
                       min(r.delivered_time) FILTER (WHERE r.received >= l.quantity) AS close_time
                FROM v_order_line l LEFT JOIN running r ON r.order_id = l.order_id AND r.line_no = l.line_no
                GROUP BY l.order_id, l.line_no, l.order_time, l.promised_time
            )
            SELECT order_id,
                   min(order_time) AS order_time,
                   max(promised_time) AS due_time,
                   bool_and(close_time IS NOT NULL) AS delivered,
                   max(close_time) AS delivered_at,
                   bool_and(coalesce(close_time <= promised_time, false)) AS on_time
            FROM line GROUP BY order_id
            """;

    private static final String ON_TIME_PER_DAY = """
            SELECT strftime(due_time::DATE, '%%Y-%%m-%%d') AS period,
                   count(*) FILTER (WHERE delivered AND on_time) AS numerator,
                   count(*) FILTER (WHERE delivered OR due_time <= TIMESTAMPTZ '%s') AS denominator
            FROM bench_order GROUP BY 1 HAVING denominator > 0 ORDER BY 1
            """;

    private static final String CYCLE_P90_PER_MONTH = """
            SELECT strftime(delivered_at::DATE, '%Y-%m') AS period, count(*) AS orders,
                   quantile_cont(epoch(delivered_at - order_time) / 3600.0, 0.9) AS p90
            FROM bench_order WHERE delivered GROUP BY 1 ORDER BY 1
            """;

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

    private OnTimeAndCycleSql() {
    }

    /** Session settings of every bench connection: the business zone, the thread count and the memory cap. */
    static void configure(Connection c, String zone, int threads, String memoryLimit, Path tempDir) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET TimeZone = '" + zone.replace("'", "") + "'");
            s.execute("SET threads = " + threads);
            s.execute("SET memory_limit = '" + memoryLimit.replace("'", "") + "'");
            s.execute("SET temp_directory = '" + tempDir.toString().replace("'", "''") + "'");
            s.execute("SET preserve_insertion_order = false");
        }
    }

    /**
     * Computes both figures from the two views and writes {@code on_time_rate_day.csv} and
     * {@code cycle_hours_p90_month.csv} ({@code period,numerator,denominator,value}, kpi-values.csv's number format
     * is not copied: values are Java doubles) into {@code out}.
     *
     * @return a one-line summary: orders, delivered orders, days and months written
     */
    static String computeAndWrite(Connection c, OffsetDateTime asOf, Path out) throws SQLException, IOException {
        Files.createDirectories(out);
        try (Statement s = c.createStatement()) {
            s.execute(ORDERS);
            int days = write(s, String.format(ON_TIME_PER_DAY, asOf.format(INSTANT)), out.resolve("on_time_rate_day.csv"), true);
            int months = write(s, CYCLE_P90_PER_MONTH, out.resolve("cycle_hours_p90_month.csv"), false);
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE delivered) FROM bench_order")) {
                rs.next();
                return "orders " + rs.getLong(1) + ", delivered " + rs.getLong(2) + ", on_time_rate days " + days
                        + ", cycle_hours_p90 months " + months;
            }
        }
    }

    private static int write(Statement s, String sql, Path file, boolean share) throws SQLException, IOException {
        int rows = 0;
        try (ResultSet rs = s.executeQuery(sql);
             PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.println("period,numerator,denominator,value");
            while (rs.next()) {
                if (share) {
                    long num = rs.getLong(2);
                    long den = rs.getLong(3);
                    w.println(rs.getString(1) + "," + num + "," + den + "," + ((double) num / den));
                } else {
                    w.println(rs.getString(1) + ",," + rs.getLong(2) + "," + rs.getDouble(3));
                }
                rows++;
            }
        }
        return rows;
    }
}
