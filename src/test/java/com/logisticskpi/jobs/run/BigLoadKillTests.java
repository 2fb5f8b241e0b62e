package com.logisticskpi.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, acceptance 3: a big orders file loads in bounded transactions (kpi.ingest.commit-rows); the loading process
 * is killed with SIGKILL after some chunks committed (the test checkpoint ingest-rows:n), the next ingest takes the
 * killed load back from the undo log (the rows it inserted deleted, the 10,000 stored rows it had replaced restored)
 * and loads the file again: every stored order line then equals a clean load's of the same files (content, source
 * file and line), the undo log is empty, and the embedded store is no bigger than after the clean load (both
 * compacted when the process that wrote the big file ends) within 5 % (H2's compacted file is not deterministic to the
 * byte; measured +1.5 %). The default is a 200,000-row file in chunks of 20,000
 * rows (about 3 minutes on 2 busy cores); the 1,000,000-row file in the default chunks of 100,000 rows is tagged slow
 * (about 15 minutes at load 12; store +1.3 % against the clean load's).
 */
class BigLoadKillTests {

    static final Duration TIMEOUT = Duration.ofMinutes(15);

    @TempDir
    Path tmp;

    @Test
    void aKilledBigLoadLeavesNothingAndTheNextIngestLoadsIt() throws Exception {
        check(Integer.getInteger("bigload.rows", 200_000), 20_000);
    }

    @Test
    @Tag("slow")
    void aKilledMillionRowLoadLeavesNothingAndTheNextIngestLoadsIt() throws Exception {
        check(1_000_000, 100_000);
    }

    private void check(int rows, int commitRows) throws Exception {
        // the history: 10,000 lines (orders O0..O4999, lines 1 and 2) that the big file replaces in its first chunk
        Path inbox1 = Files.createDirectories(tmp.resolve("inbox1"));
        Path inbox2 = Files.createDirectories(tmp.resolve("inbox2"));
        String header = "order_id,line_no,customer_id,order_time,promised_delivery_time,sku,category,quantity,"
                + "unit_price,warehouse_id,region,channel,status\n";
        StringBuilder base = new StringBuilder(header);
        for (int i = 0; i < 10_000; i++) {
            base.append('O').append(i / 2).append(',').append(i % 2 + 1)
                    .append(",OLD,2026-11-09 09:00:00,2026-11-11 18:00:00,OLDSKU,old,9,1.25,BJ01,north,WEB,OK\n");
        }
        Files.writeString(inbox1.resolve("orders_20261109.csv"), base);
        Files.writeString(inbox2.resolve("orders_20261109.csv"), base);
        try (BufferedWriter w = Files.newBufferedWriter(inbox2.resolve("orders_20261110.csv"), StandardCharsets.UTF_8)) {
            w.write(header);
            for (int i = 0; i < rows; i++) {
                w.write("O" + i / 2 + "," + (i % 2 + 1) + ",C" + i % 5000 + ",2026-11-10 10:00:00,2026-11-12 18:00:00,S"
                        + i % 777 + ",cat," + (1 + i % 3) + ",12.50,SH01,east,APP,OK\n");
            }
        }
        for (Path inbox : List.of(inbox1, inbox2)) { // older than the inbox's min-age
            try (var files = Files.list(inbox)) {
                for (Path f : files.toList()) {
                    Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(300)));
                }
            }
        }
        List<String> props = List.of("-Dkpi.ingest.commit-rows=" + commitRows, "-Dkpi.partitioning.threads=1");
        String loaded = "orders_20261110\\.csv\\s+orders\\s+LOADED\\s+" + rows + "\\s+" + rows + "\\s+10000\\s+0";

        // a clean load of the same files
        Path clean = tmp.resolve("clean");
        ingest(clean, "history", props, inbox1);
        NightlyKit.Result cleanBig = ingest(clean, "big", props, inbox2);
        assertThat(cleanBig.out()).containsPattern(loaded);
        String cleanDigest = orderLines(clean);
        long cleanSize = Files.size(clean.resolve("db/kpi.mv.db"));

        // the same, killed in the middle of the big file (after its second chunk committed), then ingested again
        Path dir = tmp.resolve("killed");
        ingest(dir, "history", props, inbox1);
        String historyDigest = orderLines(dir);
        int pauseAt = 2 * commitRows + commitRows / 2;
        NightlyKit.Child killed = NightlyKit.Child.start(dir, "killed", concat(props,
                "-Dkpi.test.pause-at=ingest-rows:" + pauseAt), Map.of(), args(dir, inbox2));
        killed.killWhenPaused(dir.resolve("pause-ingest-rows"), TIMEOUT);
        Files.delete(dir.resolve("pause-ingest-rows"));
        String fileId = query(dir, "SELECT file_id FROM ingest_file WHERE status = 'RUNNING'").get(0);
        long committed = Long.parseLong(query(dir, "SELECT COUNT(*) FROM order_line WHERE src_file_id = " + fileId).get(0));
        assertThat(committed).as("rows of the killed load's committed chunks").isGreaterThanOrEqualTo(commitRows);
        assertThat(query(dir, "SELECT COUNT(*) FROM ingest_undo_order_line WHERE undo_file_id = " + fileId))
                .as("the history rows its first chunk replaced, saved").containsExactly("10000");

        NightlyKit.Result again = ingest(dir, "again", props, inbox2);
        assertThat(again.out()).containsPattern(loaded);
        assertThat(orderLines(dir)).as("stored order lines equal the clean load's").isEqualTo(cleanDigest);
        assertThat(cleanDigest).isNotEqualTo(historyDigest);
        assertThat(query(dir, "SELECT status, message FROM ingest_file WHERE file_id = " + fileId)).containsExactly(
                "INTERRUPTED", "the process ended during the load; its " + committed
                        + " committed rows were taken back (10000 replaced rows restored)");
        assertThat(query(dir, "SELECT COUNT(*) FROM ingest_undo_order_line")).containsExactly("0");
        long size = Files.size(dir.resolve("db/kpi.mv.db"));
        System.out.printf("BigLoadKillTests %d rows: store after the clean load %d bytes, after the killed load and"
                + " the next ingest %d bytes%n", rows, cleanSize, size);
        // both stores are compacted (BigLoadCompaction) to their live content, but H2's compacted file is not
        // byte-for-byte deterministic and the recovered store holds a few more bookkeeping rows (the killed execution,
        // its ingest_file row, the left-over note): measured +225 KB on 14.7 MB (1.5 %) for 200,000 rows; allowed 5 %.
        // Without the compaction the killed load's pages would stay: the store would be several times bigger.
        assertThat(size).as("store size after the recovered load, against the clean load's " + cleanSize)
                .isLessThanOrEqualTo(cleanSize + cleanSize / 20);
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.add(b);
        return out;
    }

    private static String[] args(Path dataDir, Path inbox) {
        return new String[] {"ingest", "--inbox", inbox.toString(), "--data-dir", dataDir.toString()};
    }

    private static NightlyKit.Result ingest(Path dataDir, String tag, List<String> props, Path inbox) throws Exception {
        NightlyKit.Result r = NightlyKit.Child.start(dataDir, tag, props, Map.of(), args(dataDir, inbox)).await(TIMEOUT);
        assertThat(r.exitCode()).as(r.all()).isZero();
        return r;
    }

    /** A digest of every stored order line: its content, source order and line, and the NAME of its source file. */
    private static String orderLines(Path dataDir) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        long n = 0;
        try (Connection c = DriverManager.getConnection(NightlyKit.h2Url(dataDir), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT o.order_id, o.line_no, o.customer_id, o.order_time, o.promised_time,"
                     + " o.promised_date_only, o.sku, o.category, o.quantity, o.unit_price, o.warehouse_id, o.region,"
                     + " o.channel, o.status, o.src_order, o.src_line, f.file_name FROM order_line o"
                     + " JOIN ingest_file f ON f.file_id = o.src_file_id ORDER BY o.order_id, o.line_no")) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= cols; i++) {
                    md.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                }
                n++;
            }
        }
        return n + " rows " + HexFormat.of().formatHex(md.digest());
    }

    private static List<String> query(Path dataDir, String sql) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(NightlyKit.h2Url(dataDir), "sa", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= cols; i++) {
                    out.add(rs.getString(i));
                }
            }
        }
        return out;
    }
}
