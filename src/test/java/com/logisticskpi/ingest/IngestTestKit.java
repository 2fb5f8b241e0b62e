package com.logisticskpi.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;

/** Helpers for the ingest tests: fixture files, table dumps, reject files. */
final class IngestTestKit {

    static final Path EXAMPLE_INBOX = Path.of("src/test/resources/spec-example/inbox");

    /** The stored export tables with their ordering keys. */
    static final Map<String, String> EXPORT_TABLES = new LinkedHashMap<>();

    static {
        EXPORT_TABLES.put("order_line", "order_id, line_no");
        EXPORT_TABLES.put("shipment_line", "shipment_id, order_id, line_no");
        EXPORT_TABLES.put("return_line", "return_id, line_no");
        EXPORT_TABLES.put("survey_response", "response_id");
        EXPORT_TABLES.put("survey_answer", "response_id, item");
        EXPORT_TABLES.put("service_ticket", "ticket_id");
    }

    private IngestTestKit() {
    }

    static Path write(Path dir, String name, String content) {
        return write(dir, name, content, StandardCharsets.UTF_8);
    }

    static Path write(Path dir, String name, String content, Charset charset) {
        try {
            Files.createDirectories(dir);
            Path f = dir.resolve(name);
            Files.write(f, content.getBytes(charset));
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies test resources (src/test/resources/ingest/<set>) into a directory. */
    static Path copyResourceSet(String set, Path target) {
        try {
            Files.createDirectories(target);
            Path source = Path.of("src/test/resources/ingest", set);
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every row of a table as "col=value|col=value", ordered by the key; values typed the same on H2 and MariaDB
     * (timestamps as UTC LocalDateTime, booleans as true/false, decimals as plain strings).
     */
    static List<String> dump(JdbcTemplate jdbc, String table, String orderBy) {
        List<String> rows = new ArrayList<>();
        jdbc.query("SELECT * FROM " + table + " ORDER BY " + orderBy, rs -> {
            ResultSetMetaData md = rs.getMetaData();
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                Object v;
                switch (md.getColumnType(i)) {
                    case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> v = rs.getObject(i, LocalDateTime.class);
                    case Types.BOOLEAN, Types.BIT, Types.TINYINT -> v = rs.getObject(i) == null ? null : rs.getBoolean(i);
                    case Types.DECIMAL, Types.NUMERIC -> v = rs.getBigDecimal(i) == null ? null : rs.getBigDecimal(i).toPlainString();
                    case Types.INTEGER, Types.BIGINT, Types.SMALLINT -> v = rs.getObject(i) == null ? null : rs.getLong(i);
                    default -> v = rs.getString(i);
                }
                sb.append(i == 1 ? "" : "|").append(md.getColumnLabel(i).toLowerCase()).append('=').append(v);
            }
            rows.add(sb.toString());
        });
        return rows;
    }

    /** All stored export tables. */
    static Map<String, List<String>> dumpExports(JdbcTemplate jdbc) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        EXPORT_TABLES.forEach((t, key) -> out.put(t, dump(jdbc, t, key)));
        return out;
    }

    static void clearAll(JdbcTemplate jdbc) {
        for (String t : List.of("order_line", "shipment_line", "return_line", "survey_response", "survey_answer", "service_ticket",
                "ingest_reject_count", "ingest_file", "stg_order_line", "stg_shipment_line", "stg_return_line",
                "stg_survey_response", "stg_survey_answer")) {
            jdbc.update("DELETE FROM " + t);
        }
    }

    /** Rows of a reject file (without the header). */
    static List<CSVRecord> rejects(Path rejectsDir, String fileName) {
        try (CSVParser p = CSVParser.parse(rejectsDir.resolve(fileName + ".csv"), StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
