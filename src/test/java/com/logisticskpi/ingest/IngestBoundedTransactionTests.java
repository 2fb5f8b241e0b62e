package com.logisticskpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.cli.CommonOptions;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * A big file is written in bounded transactions ({@code kpi.ingest.commit-rows}, here 1,000 rows) with an undo log; a
 * load that fails after some of its chunks committed is taken back at once: every stored export table is exactly as
 * before (a full dump compared), the undo log is empty, and the file is FAILED with its counts as with one
 * transaction. Two ways to fail: an orders file whose reject share is above the limit (known only after the last row,
 * when all its chunks committed) and a surveys file cut by undecodable bytes (replaced responses must get their old
 * answers back). On H2 and on MariaDB.
 */
class IngestBoundedTransactionTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path work;

    @Test
    void h2TakesAFailedBigLoadBack() throws Exception {
        Path dataDir = work.resolve("h2");
        check(TestDatabases.h2Options(dataDir), dataDir);
    }

    @Test
    void mariadbTakesAFailedBigLoadBack() throws Exception {
        Path dataDir = work.resolve("mariadb");
        check(TestDatabases.mysqlOptions(dataDir), dataDir);
    }

    private static String id(String prefix, int n) {
        return prefix + String.format("%05d", n);
    }

    private void check(CommonOptions options, Path dataDir) throws Exception {
        // before: orders O00001..O03000, survey responses S00001..S01500 with two answers each (q_timeliness, q_service)
        Path first = work.resolve("inbox1");
        StringBuilder orders = new StringBuilder("order_id,line_no,customer_id,order_time,promised_delivery_time,sku,quantity\n");
        for (int i = 1; i <= 3000; i++) {
            orders.append(id("O", i)).append(",1,C1,2026-11-01 10:00:00,2026-11-03 18:00:00,S1,1\n");
        }
        IngestTestKit.write(first, "orders_20261101.csv", orders.toString());
        StringBuilder surveys = new StringBuilder("response_id,order_id,response_time,q_overall,q_timeliness,q_service\n");
        for (int i = 1; i <= 1500; i++) {
            surveys.append(id("S", i)).append(',').append(id("O", i)).append(",2026-11-02 10:00:00,4,3,5\n");
        }
        IngestTestKit.write(first, "surveys_20261101.csv", surveys.toString());

        // the failing files: 4,000 valid orders (O00501..O04500: 2,500 replace stored rows, 1,500 are new) and 100
        // rejected rows at the end (2.4 % > 1 %): four chunks of 1,000 rows committed, then the reject limit fails
        Path second = work.resolve("inbox2");
        StringBuilder bigOrders = new StringBuilder("order_id,line_no,customer_id,order_time,promised_delivery_time,sku,quantity\n");
        for (int i = 501; i <= 4500; i++) {
            bigOrders.append(id("O", i)).append(",1,C2,2026-11-02 10:00:00,2026-11-04 18:00:00,S2,2\n");
        }
        for (int i = 1; i <= 100; i++) {
            bigOrders.append(id("X", i)).append(",1,C2,2026-11-02 10:00:00,2026-11-04 18:00:00,S2,many\n");
        }
        IngestTestKit.write(second, "orders_20261102.csv", bigOrders.toString());
        // 3,000 survey rows of about 250 bytes (S00001..S01500 replace stored responses, with other answers), the
        // last with bytes that are no UTF-8: the reader (a 64 KiB buffer, about 260 rows ahead) fails after the
        // chunks at 1,000 and 2,000 rows committed
        ByteArrayOutputStream bigSurveys = new ByteArrayOutputStream();
        bigSurveys.writeBytes("response_id,order_id,response_time,q_overall,q_timeliness,comment\n".getBytes(StandardCharsets.UTF_8));
        String comment = "x".repeat(200);
        for (int i = 1; i <= 3000; i++) {
            String line = id("S", i) + ',' + id("O", i) + ",2026-11-03 10:00:00,1,2," + comment + (i == 3000 ? "" : "\n");
            bigSurveys.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        }
        bigSurveys.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, '\n'});
        Files.write(second.resolve("surveys_20261102.csv"), bigSurveys.toByteArray());

        try (ConfigurableApplicationContext ctx = AppContext.start(options, Map.of("kpi.ingest.commit-rows", "1000"))) {
            IngestService service = ctx.getBean(IngestService.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertThat(service.ingest(first, SHANGHAI, null).files()).extracting(FileResult::status)
                    .containsOnly(FileStatus.LOADED);
            Map<String, List<String>> before = IngestTestKit.dumpExports(jdbc);
            assertThat(before.get("order_line")).hasSize(3000);
            assertThat(before.get("survey_answer")).hasSize(3000);

            List<FileResult> failed = service.ingest(second, SHANGHAI, null).files();
            assertThat(failed).extracting(r -> r.fileName() + " " + r.status() + " " + r.rowsRead() + " "
                    + r.rowsLoaded() + " " + r.rowsRejected()).containsExactly(
                    "orders_20261102.csv FAILED 4100 0 100",
                    "surveys_20261102.csv FAILED " + failed.get(1).rowsRead() + " 0 0");
            assertThat(failed.get(0).message()).isEqualTo("orders_20261102.csv: 100 of 4100 rows rejected (2.44 %),"
                    + " above the reject limit of 1 % (see rejects/orders_20261102.csv.csv)");
            assertThat(failed.get(1).rowsRead()).isBetween(2000L, 3000L);

            assertThat(IngestTestKit.dumpExports(jdbc)).isEqualTo(before);
            for (ExportKind kind : ExportKind.values()) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + FileUndo.undoTable(kind), Long.class))
                        .as(kind.label()).isZero();
            }
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + FileUndo.ANSWERS_TABLE, Long.class)).isZero();
            assertThat(jdbc.queryForList("SELECT status FROM ingest_file ORDER BY file_id", String.class))
                    .containsExactly("LOADED", "LOADED", "FAILED", "FAILED");
        }
        // the chunks had committed and were taken back (rows deleted = rows of the committed chunks, restored = the
        // stored rows among them that the file replaced)
        String log = Files.readString(dataDir.resolve("logs").resolve("kpi.log"));
        assertThat(log).contains("orders_20261102.csv: the failed load's 4 committed chunks were taken back:"
                + " 4000 rows deleted, 2500 rows restored");
        assertThat(log).contains("surveys_20261102.csv: the failed load's 2 committed chunks were taken back:"
                + " 2000 rows deleted, 1500 rows restored");
    }
}
