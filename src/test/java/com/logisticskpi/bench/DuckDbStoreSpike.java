package com.logisticskpi.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Issue 11, spike (b): DuckDB as the embedded store. Loads the orders, shipments, returns and surveys files of a set
 * (parsed in Java like the product: Commons CSV, values to UTC instants) through DuckDB's Appender into a staging table
 * per file, then merges the latest row per key into product-shaped stored tables ({@link DuckDbStoreSchema}), one
 * transaction per file, in the product's load order (kind, then file name). Then checkpoints, reports the size on disk
 * and computes the two figures of {@link OnTimeAndCycleSql} from the stored rows.
 *
 * <p>Not a product feature: no rejects file, no plausibility rules, no survey items, no tickets, no ingest_file
 * bookkeeping, no outcomes table. It measures what the store costs for the same rows.
 *
 * <p>usage: {@code DuckDbStoreSpike INBOX AS_OF DB_DIR [ZONE] [THREADS] [MEMORY_LIMIT] [keys|append]}
 */
public final class DuckDbStoreSpike {

    private static final String[] KINDS = {"orders", "shipments", "returns", "surveys"};

    private final DuckDBConnection connection;
    private final ZoneId zone;
    private final boolean withKey;
    private long rows;
    private long rejected;

    private DuckDbStoreSpike(DuckDBConnection connection, ZoneId zone, boolean withKey) {
        this.connection = connection;
        this.zone = zone;
        this.withKey = withKey;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: DuckDbStoreSpike INBOX AS_OF DB_DIR [ZONE] [THREADS] [MEMORY_LIMIT] [keys|append]");
            System.exit(2);
        }
        Path inbox = Path.of(args[0]);
        OffsetDateTime asOf = OffsetDateTime.parse(args[1]);
        Path dir = Path.of(args[2]);
        String zone = args.length > 3 ? args[3] : "Asia/Shanghai";
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        String memory = args.length > 5 ? args[5] : "1GB";
        boolean withKey = !(args.length > 6 && args[6].equals("append"));
        Files.createDirectories(dir);
        Path db = dir.resolve("kpi.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db)) {
            OnTimeAndCycleSql.configure(c, zone, threads, memory, dir.resolve("tmp"));
            DuckDbStoreSpike spike = new DuckDbStoreSpike(c.unwrap(DuckDBConnection.class), ZoneId.of(zone), withKey);
            long t0 = System.nanoTime();
            spike.createTables();
            spike.loadAll(inbox);
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
            long t1 = System.nanoTime();
            long bytes = sizeOnDisk(dir);
            try (Statement s = c.createStatement()) {
                s.execute(DuckDbStoreSchema.views(withKey));
            }
            String figures = OnTimeAndCycleSql.computeAndWrite(c, asOf, dir.resolve("figures"));
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "duckdb store (%s): load %.1f s (%d rows stored from the files, %d rejected),"
                            + " figures %.1f s (%s), size on disk %.1f MB after CHECKPOINT%n",
                    withKey ? "primary keys, INSERT OR REPLACE" : "append-only, latest row per key when read",
                    (t1 - t0) / 1e9, spike.rows, spike.rejected, (t2 - t1) / 1e9, figures, bytes / 1048576.0);
        }
    }

    private void createTables() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (DuckDbStoreSchema.Table t : DuckDbStoreSchema.ALL) {
                s.execute(t.ddl(withKey));
                s.execute(t.stagingDdl());
            }
        }
    }

    private void loadAll(Path inbox) throws IOException, SQLException {
        long fileId = 0;
        for (String kind : KINDS) {
            List<Path> files;
            try (Stream<Path> list = Files.list(inbox)) {
                files = list.filter(p -> p.getFileName().toString().startsWith(kind + "_")
                        && p.getFileName().toString().endsWith(".csv")).sorted().toList();
            }
            for (Path f : files) {
                loadFile(kind, f, ++fileId);
            }
        }
    }

    /** One file: appended to its staging table, merged into the stored table, staging emptied, one transaction. */
    private void loadFile(String kind, Path file, long fileId) throws IOException, SQLException {
        DuckDbStoreSchema.Table table = switch (kind) {
            case "orders" -> DuckDbStoreSchema.ORDER_LINE;
            case "shipments" -> DuckDbStoreSchema.SHIPMENT_LINE;
            case "returns" -> DuckDbStoreSchema.RETURN_LINE;
            default -> DuckDbStoreSchema.SURVEY_RESPONSE;
        };
        String order = file.getFileName().toString();
        connection.setAutoCommit(false);
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            Map<String, Integer> columns = new HashMap<>();
            parser.getHeaderMap().forEach((k, v) -> columns.put(k.trim().toLowerCase(Locale.ROOT), v));
            ExportRows r = new ExportRows(zone, columns);
            try (DuckDBAppender a = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_" + table.name())) {
                for (CSVRecord rec : parser) {
                    r.use(rec);
                    Object[] values;
                    try {
                        values = values(kind, r);
                    } catch (RuntimeException bad) {   // a value that does not parse: the row is rejected
                        rejected++;
                        continue;
                    }
                    a.beginRow();
                    appendAll(a, values);
                    a.append(order).append(fileId).append(rec.getRecordNumber());
                    a.endRow();
                    rows++;
                }
            }
            try (Statement s = connection.createStatement()) {
                s.execute(table.merge(withKey));
                s.execute("DELETE FROM stg_" + table.name());
            }
            connection.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** The stored columns of one row, every value parsed before anything is appended (a bad value throws). */
    private static Object[] values(String kind, ExportRows r) {
        Object[] v = switch (kind) {
            case "orders" -> new Object[] {r.required("order_id"), r.integer("line_no"), r.required("customer_id"),
                    r.instant("order_time"), r.instant("promised_delivery_time"), r.dateOnly("promised_delivery_time"),
                    r.required("sku"), r.text("category"), r.integer("quantity"), scaled(r.decimal("unit_price")),
                    r.text("warehouse_id"), r.text("region"), r.text("channel"), status(r.text("status"))};
            case "shipments" -> new Object[] {r.required("shipment_id"), r.required("order_id"),
                    r.integer("line_no"), r.required("sku"), r.integer("quantity"), r.text("warehouse_id"),
                    r.required("carrier"), r.instant("ship_time"), r.instant("delivered_time"),
                    r.required("status").toUpperCase(Locale.ROOT), r.bool("damaged", false), r.bool("documents_ok", true)};
            case "returns" -> new Object[] {r.required("return_id"), zeroIfNull(r.integer("line_no")),
                    r.required("order_id"), r.text("sku"), r.integer("quantity"), r.instant("requested_time"),
                    r.instant("received_time"), r.instant("refunded_time"),
                    r.required("reason_code").toUpperCase(Locale.ROOT), r.text("comment")};
            default -> new Object[] {r.required("response_id"), r.text("order_id"), r.text("customer_id"),
                    r.instant("response_time"), r.integer("q_overall"), r.integer("q_recommend"), r.text("comment")};
        };
        int[] required = switch (kind) {     // NOT NULL columns that the parsers above may leave null
            case "orders" -> new int[] {1, 3, 4, 8};
            case "shipments" -> new int[] {2, 4, 7};
            case "returns" -> new int[] {5};
            default -> new int[] {3};
        };
        for (int i : required) {
            if (v[i] == null) {
                throw new IllegalArgumentException("required value missing");
            }
        }
        return v;
    }

    private static Integer zeroIfNull(Integer i) {
        return i == null ? 0 : i;
    }

    private static String status(String s) {
        return s == null ? "OK" : s.toUpperCase(Locale.ROOT);
    }

    private static BigDecimal scaled(BigDecimal d) {
        return d == null ? null : d.setScale(4, RoundingMode.HALF_UP);
    }

    private static void appendAll(DuckDBAppender a, Object[] values) throws SQLException {
        for (Object v : values) {
            if (v == null) {
                a.appendNull();
            } else if (v instanceof String s) {
                a.append(s);
            } else if (v instanceof Integer i) {
                a.append(i.intValue());
            } else if (v instanceof Boolean b) {
                a.append(b.booleanValue());
            } else if (v instanceof LocalDateTime t) {
                a.append(t);
            } else if (v instanceof BigDecimal d) {
                a.append(d);
            } else {
                throw new IllegalArgumentException("no appender for " + v.getClass());
            }
        }
    }

    private static long sizeOnDisk(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
