package com.logisticskpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming: a 5,000,000-row orders file loads in a child JVM limited to -Xmx256m (the file is ~460 MB, so it
 * cannot be held in memory). Slow (about 10-30 min on 2 busy cores with the embedded H2): tagged "slow". Row count
 * can be lowered with -Dingest.bigRows=N.
 */
@Tag("slow")
class IngestLargeFileTests {

    @TempDir
    Path work;

    @Test
    void fiveMillionRowsLoadWith256MegabytesOfHeap() throws Exception {
        int rows = Integer.getInteger("ingest.bigRows", 5_000_000);
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        try (BufferedWriter w = Files.newBufferedWriter(inbox.resolve("orders_20261110.csv"), StandardCharsets.UTF_8)) {
            w.write("order_id,line_no,customer_id,order_time,promised_delivery_time,sku,category,quantity,unit_price,"
                    + "warehouse_id,region,channel,status\n");
            for (int i = 0; i < rows; i++) {
                // two lines per order; the last row repeats the first key: last row wins -> 1 superseded
                int order = i == rows - 1 ? 0 : i / 2;
                int line = i == rows - 1 ? 1 : i % 2 + 1;
                w.write("O" + order + "," + line + ",C" + (i % 5000) + ",2026-11-10 10:00:00,2026-11-12 18:00:00,S"
                        + (i % 777) + ",cat," + (1 + i % 3) + ",12.50,SH01,华东,APP,OK\n");
            }
        }
        Path dataDir = work.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "com.logisticskpi.cli.KpiCli", "ingest", "--inbox", inbox.toString(), "--data-dir", dataDir.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.HOURS)).isTrue();
        String out = Files.readString(work.resolve("out.txt"));
        assertThat(p.exitValue()).as(out).isZero();
        // read = rows, loaded = rows - 1 (the repeated key), superseded 1
        assertThat(out).containsPattern("orders_20261110\\.csv\\s+orders\\s+LOADED\\s+" + rows + "\\s+" + (rows - 1) + "\\s+1\\s+0");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/kpi")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             ResultSet rs = c.createStatement().executeQuery("select count(*), max(src_line) from order_line")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(rows - 1);
            assertThat(rs.getLong(2)).isEqualTo(rows + 1L); // the last physical line (header is line 1)
        }
    }
}
