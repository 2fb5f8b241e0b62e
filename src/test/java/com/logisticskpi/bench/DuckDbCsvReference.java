package com.logisticskpi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;

/**
 * bench/run's DuckDB-over-CSV reference (issue 11, target 1): an in-memory DuckDB reads the orders and shipments CSV
 * files of a generated set and computes the due-cohort on-time rate per day and the delivered-cohort p90 cycle time
 * per month ({@link OnTimeAndCycleSql}). It is a lower bound of what a columnar engine needs to read and aggregate the
 * files: it stores nothing durably, keeps no rejects and computes two of the KPIs for slice "all" only.
 *
 * <p>Snapshot rules: per natural key the row of the latest file wins (files ordered by name, which is business
 * date then name for the generator's files). Not done, because the reference does not need them for a lower bound:
 * "last row wins" within one file (DuckDB's CSV reader numbers no rows; the generator's sets have no key twice
 * in one file), the product's plausibility checks and rejects (a row whose required value does not parse is dropped
 * here), configured aliases, delimiters and encodings (the generator writes the default UTF-8 comma format).
 *
 * <p>usage: {@code DuckDbCsvReference INBOX AS_OF OUT_DIR [ZONE] [THREADS] [MEMORY_LIMIT]}, e.g. {@code /tmp/set
 * 2026-11-12T06:00:00+08:00 /tmp/out Asia/Shanghai 2 1GB}.
 */
public final class DuckDbCsvReference {

    private DuckDbCsvReference() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DuckDbCsvReference INBOX AS_OF OUT_DIR [ZONE] [THREADS] [MEMORY_LIMIT]");
            System.exit(2);
        }
        Path inbox = Path.of(args[0]).toAbsolutePath();
        OffsetDateTime asOf = OffsetDateTime.parse(args[1]);
        Path out = Path.of(args[2]);
        String zone = args.length > 3 ? args[3] : "Asia/Shanghai";
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        String memory = args.length > 5 ? args[5] : "1GB";
        Files.createDirectories(out);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            OnTimeAndCycleSql.configure(c, zone, threads, memory, out.resolve("duckdb-tmp"));
            try (Statement s = c.createStatement()) {
                s.execute(csvViews(inbox));
            }
            System.out.println("duckdb reference: " + OnTimeAndCycleSql.computeAndWrite(c, asOf, out));
        }
    }

    /** The two views of {@link OnTimeAndCycleSql} straight over the CSV files (every column read as text, then cast). */
    static String csvViews(Path inbox) {
        String dir = inbox.toString().replace("'", "''");
        return """
                CREATE OR REPLACE TEMP VIEW v_order_line AS
                SELECT order_id, line_no, order_time, promised_time, quantity FROM (
                    SELECT trim(order_id) AS order_id, TRY_CAST(line_no AS INTEGER) AS line_no,
                           TRY_CAST(order_time AS TIMESTAMPTZ) AS order_time,
                           CASE WHEN length(trim(promised_delivery_time)) = 10
                                THEN TRY_CAST(trim(promised_delivery_time) AS DATE)::TIMESTAMPTZ
                                     + INTERVAL 1 DAY - INTERVAL 1 MICROSECOND
                                ELSE TRY_CAST(promised_delivery_time AS TIMESTAMPTZ) END AS promised_time,
                           TRY_CAST(quantity AS INTEGER) AS quantity,
                           coalesce(nullif(upper(trim(status)), ''), 'OK') AS status
                    FROM read_csv('%1$s/orders_*.csv', header = true, all_varchar = true, filename = true,
                                  union_by_name = true, delim = ',', quote = '"', escape = '"')
                    QUALIFY row_number() OVER (PARTITION BY trim(order_id), TRY_CAST(line_no AS INTEGER)
                                               ORDER BY filename DESC) = 1
                ) WHERE status = 'OK' AND line_no IS NOT NULL AND order_time IS NOT NULL
                    AND promised_time IS NOT NULL AND quantity >= 1;
                CREATE OR REPLACE TEMP VIEW v_delivered AS
                SELECT order_id, line_no, quantity, delivered_time FROM (
                    SELECT trim(order_id) AS order_id, TRY_CAST(line_no AS INTEGER) AS line_no,
                           TRY_CAST(quantity AS INTEGER) AS quantity,
                           TRY_CAST(delivered_time AS TIMESTAMPTZ) AS delivered_time,
                           upper(trim(status)) AS status
                    FROM read_csv('%1$s/shipments_*.csv', header = true, all_varchar = true, filename = true,
                                  union_by_name = true, delim = ',', quote = '"', escape = '"')
                    QUALIFY row_number() OVER (PARTITION BY trim(shipment_id), trim(order_id),
                                               TRY_CAST(line_no AS INTEGER) ORDER BY filename DESC) = 1
                ) WHERE status = 'DELIVERED' AND delivered_time IS NOT NULL AND quantity >= 0;
                """.formatted(dir);
    }
}
