package com.logisticskpi.ingest;

import static com.logisticskpi.ingest.IngestTestKit.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.config.AppProperties;
import com.logisticskpi.config.SurveyProperties;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * The ingest against the embedded database. One context for the class (tables cleared before each test); it runs
 * with reject-limit 1 so that single bad rows do not fail their file, except where a test builds a service with
 * the default 1 % limit.
 */
class IngestServiceTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext ctx;
    static IngestService service;
    static JdbcTemplate jdbc;
    static Path rejectsDir;

    @TempDir
    Path inbox;

    @BeforeAll
    static void start() {
        ctx = AppContext.start(TestDatabases.h2Options(dataDir), Map.of("kpi.ingest.reject-limit", "1"));
        service = ctx.getBean(IngestService.class);
        jdbc = ctx.getBean(JdbcTemplate.class);
        rejectsDir = ctx.getBean(AppProperties.class).rejectsDir();
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @BeforeEach
    void clear() {
        IngestTestKit.clearAll(jdbc);
    }

    private static LocalDateTime utc(String iso) {
        return LocalDateTime.parse(iso);
    }

    private IngestService serviceWithDefaultLimit() {
        return new IngestService(ctx.getBean(DataSource.class), ctx.getBean(PlatformTransactionManager.class),
                IngestProperties.defaults(), ctx.getBean(SurveyProperties.class), ctx.getBean(AppProperties.class));
    }

    @Test
    void exampleInboxLoadsTheExpectedRows() {
        IngestSummary summary = service.ingest(IngestTestKit.EXAMPLE_INBOX, SHANGHAI, null);

        assertThat(summary.files()).extracting(FileResult::fileName, FileResult::status, FileResult::rowsRead,
                FileResult::rowsLoaded, FileResult::rowsSuperseded, FileResult::rowsRejected, FileResult::orphans)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orders_20261109.csv", "LOADED", 9L, 9L, 0L, 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("shipments_20261111.csv", "LOADED", 8L, 8L, 0L, 0L, 0L),
                        // P7 was IN_TRANSIT in the 11-11 file: the 11-12 row replaces it (1 superseded)
                        org.assertj.core.groups.Tuple.tuple("shipments_20261112.csv", "LOADED", 2L, 2L, 1L, 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("returns_20261113.csv", "LOADED", 2L, 2L, 0L, 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("surveys_20261112.csv", "LOADED", 3L, 3L, 0L, 0L, 0L));

        // 7 orders, 9 lines; 8 + 2 - 1 = 9 shipment rows; 2 returns; 3 responses
        assertThat(jdbc.queryForObject("select count(distinct order_id) from order_line", Integer.class)).isEqualTo(7);
        assertThat(jdbc.queryForObject("select count(*) from order_line", Integer.class)).isEqualTo(9);
        assertThat(jdbc.queryForObject("select count(*) from shipment_line", Integer.class)).isEqualTo(9);
        assertThat(jdbc.queryForObject("select count(*) from return_line", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from survey_response", Integer.class)).isEqualTo(3);
        // answers: V1 5 items (after_sales empty), V2 all 6, V3 5 (accuracy empty) = 16
        assertThat(jdbc.queryForObject("select count(*) from survey_answer", Integer.class)).isEqualTo(16);

        // A1: 10:00 Shanghai = 02:00 UTC; promise 18:00 = 10:00 UTC
        Map<String, Object> a1 = jdbc.queryForMap("select * from order_line where order_id = 'A1'");
        assertThat(jdbc.queryForObject("select order_time from order_line where order_id = 'A1'", LocalDateTime.class))
                .isEqualTo(utc("2026-11-09T02:00:00"));
        assertThat(a1.get("promised_date_only")).isEqualTo(false);
        assertThat(jdbc.queryForObject("select unit_price from order_line where order_id = 'A1'", String.class))
                .isEqualTo("100.0000");
        assertThat(a1.get("region")).isEqualTo("华东");
        assertThat(a1.get("src_order")).isEqualTo("20261109/orders_20261109.csv");
        assertThat(a1.get("src_line")).isEqualTo(2L);
        // A2: date-only 2026-11-11 = end of that Shanghai day = 2026-11-11T15:59:59.999999Z
        assertThat(jdbc.queryForObject("select promised_time from order_line where order_id = 'A2'", LocalDateTime.class))
                .isEqualTo(utc("2026-11-11T15:59:59.999999"));
        assertThat(jdbc.queryForObject("select promised_date_only from order_line where order_id = 'A2'", Boolean.class))
                .isTrue();
        // A7: 16:00+08:00 = 08:00Z; A6 line 2 cancelled
        assertThat(jdbc.queryForObject("select order_time from order_line where order_id = 'A7'", LocalDateTime.class))
                .isEqualTo(utc("2026-11-09T08:00:00"));
        assertThat(jdbc.queryForObject("select status from order_line where order_id = 'A6' and line_no = 2", String.class))
                .isEqualTo("CANCELLED");

        // P2: blank damaged/documents_ok = N / Y; P5: damaged 是; P6: 02:00Z kept as is
        assertThat(jdbc.queryForMap("select damaged, documents_ok from shipment_line where shipment_id = 'P2'"))
                .containsEntry("damaged", false).containsEntry("documents_ok", true);
        assertThat(jdbc.queryForObject("select damaged from shipment_line where shipment_id = 'P5'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select delivered_time from shipment_line where shipment_id = 'P6'", LocalDateTime.class))
                .isEqualTo(utc("2026-11-11T02:00:00"));
        // P7: the later file wins: DELIVERED 2026-11-12 08:00 local = 00:00Z
        Map<String, Object> p7 = jdbc.queryForMap("select status, src_order from shipment_line where shipment_id = 'P7'");
        assertThat(p7).containsEntry("status", "DELIVERED").containsEntry("src_order", "20261112/shipments_20261112.csv");
        assertThat(jdbc.queryForObject("select delivered_time from shipment_line where shipment_id = 'P7'", LocalDateTime.class))
                .isEqualTo(utc("2026-11-12T00:00:00"));
        // P3 has two lines (A3/1 and A3/2)
        assertThat(jdbc.queryForObject("select count(*) from shipment_line where shipment_id = 'P3'", Integer.class)).isEqualTo(2);

        // R2: whole-order return (line 0); its comment is stored as plain text, formula and all
        Map<String, Object> r2 = jdbc.queryForMap("select line_no, reason_code, comment_text, quantity from return_line where return_id = 'R2'");
        assertThat(r2).containsEntry("line_no", 0).containsEntry("reason_code", "CHANGED_MIND")
                .containsEntry("comment_text", "=HYPERLINK(\"http://example.invalid\",\"x\")");
        assertThat(r2.get("quantity")).isNull();

        // V2: quoted line break kept; V1 answers
        assertThat(jdbc.queryForObject("select comment_text from survey_response where response_id = 'V2'", String.class))
                .isEqualTo("late, \none box came a day later");
        assertThat(jdbc.queryForList("select item from survey_answer where response_id = 'V1' order by item", String.class))
                .containsExactly("q_accuracy", "q_condition", "q_information", "q_service", "q_timeliness");
        assertThat(jdbc.queryForMap("select q_overall, q_recommend, order_id from survey_response where response_id = 'V3'"))
                .containsEntry("q_overall", 4).containsEntry("q_recommend", 8).containsEntry("order_id", null);
        // nothing left in staging
        assertThat(jdbc.queryForObject("select count(*) from stg_shipment_line", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from stg_survey_answer", Integer.class)).isZero();
    }

    @Test
    void lastRowOfAFileWins() {
        write(inbox, "orders_20261110.csv", """
                order_id,line_no,customer_id,order_time,promised_delivery_time,sku,quantity
                A1,1,C1,2026-11-10 10:00:00,2026-11-12 18:00:00,S1,1
                A1,2,C1,2026-11-10 10:00:00,2026-11-12 18:00:00,S2,1
                A1,1,C1,2026-11-10 10:00:00,2026-11-12 18:00:00,S1,5
                """);
        FileResult r = service.ingest(inbox, SHANGHAI, null).files().get(0);
        // 3 read, 2 keys: the first A1/1 row is superseded by the one on line 4
        assertThat(r.rowsRead()).isEqualTo(3);
        assertThat(r.rowsLoaded()).isEqualTo(2);
        assertThat(r.rowsSuperseded()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select quantity, src_line from order_line where order_id = 'A1' and line_no = 1"))
                .containsEntry("quantity", 5).containsEntry("src_line", 4L);
    }

    @Test
    void latestFileWinsAndAnOlderFileLoadedLaterDoesNotRollBack() {
        String header = "shipment_id,order_id,line_no,sku,quantity,carrier,ship_time,delivered_time,status\n";
        Path newer = inbox.resolve("newer");
        write(newer, "shipments_20261112.csv", header + "P7,A7,1,S9,2,YTO,2026-11-10 13:00:00,2026-11-12 08:00:00,DELIVERED\n");
        FileResult first = service.ingest(newer, SHANGHAI, null).files().get(0);
        assertThat(first.rowsLoaded()).isEqualTo(1);

        Path older = inbox.resolve("older");
        write(older, "shipments_20261111.csv", header
                + "P7,A7,1,S9,2,YTO,2026-11-10 13:00:00,,IN_TRANSIT\n"
                + "P8,A8,1,S1,1,YTO,2026-11-10 13:00:00,,IN_TRANSIT\n");
        FileResult second = service.ingest(older, SHANGHAI, null).files().get(0);
        // P7 not applied (the 11-12 file holds it): superseded 1; P8 is new: loaded 1
        assertThat(second.status()).isEqualTo("LOADED");
        assertThat(second.rowsLoaded()).isEqualTo(1);
        assertThat(second.rowsSuperseded()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from shipment_line where shipment_id = 'P7'", String.class))
                .isEqualTo("DELIVERED");

        // same business date: the name decides, shipments_20261112_part2.csv comes after shipments_20261112.csv
        Path part2 = inbox.resolve("part2");
        write(part2, "shipments_20261112_part2.csv", header + "P7,A7,1,S9,2,YTO,2026-11-10 13:00:00,,LOST\n");
        FileResult third = service.ingest(part2, SHANGHAI, null).files().get(0);
        assertThat(third.rowsLoaded()).isEqualTo(1);
        assertThat(third.rowsSuperseded()).isEqualTo(1); // the stored 20261112 row it replaced
        assertThat(jdbc.queryForMap("select status, src_order from shipment_line where shipment_id = 'P7'"))
                .containsEntry("status", "LOST").containsEntry("src_order", "20261112/shipments_20261112_part2.csv");
    }

    @Test
    void reIngestChangesNothing() {
        service.ingest(IngestTestKit.EXAMPLE_INBOX, SHANGHAI, 1L);
        Map<String, List<String>> before = IngestTestKit.dumpExports(jdbc);
        IngestSummary again = service.ingest(IngestTestKit.EXAMPLE_INBOX, SHANGHAI, 2L);
        assertThat(again.files()).hasSize(5).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(FileStatus.SKIPPED);
            assertThat(f.message()).isEqualTo("already loaded (same name and content)");
        });
        assertThat(IngestTestKit.dumpExports(jdbc)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from ingest_file where job_execution_id = 2 and status = 'SKIPPED'",
                Integer.class)).isEqualTo(5);
    }

    @Test
    void everyRejectReasonIsWrittenWithItsPhysicalLine() {
        write(inbox, "orders_20261110.csv", """
                order_id,line_no,customer_id,order_time,promised_delivery_time,sku,quantity,unit_price,status,region
                A1,1,C1,2026-11-10 10:00:00,2026-11-12,S1,1,1.50,OK,"华东
                second line of the region"
                A2,1,,2026-11-10 10:00:00,2026-11-12,S1,1,,,
                A3,1,C1,2026-11-10 25:00:00,2026-11-12,S1,1,,,
                A4,x,C1,2026-11-10 10:00:00,2026-11-12,S1,1,,,
                A5,1,C1,2026-11-10 10:00:00,2026-11-12,S1,0,,,
                A6,1,C1,2026-11-10 10:00:00,2026-11-12,S1,1,"1,50",,
                A7,1,C1,2026-11-10 10:00:00,2026-11-12,S1,1,,SHIPPED,
                A8,1,C1,2026-11-10 10:00:00,2026-11-12,S1,1,,,
                A9,1,C1,2026-11-10 10:00:00,2026-11-12,S1,1,,
                A10,1,C1,2026-11-10 10:00:00,2026-11-12 18:00,S1,1,,,
                %s,1,C1,2026-11-10 10:00:00,2026-11-12,S1,1,,,
                """.formatted("X".repeat(101)));
        write(inbox, "shipments_20261111.csv", """
                shipment_id,order_id,line_no,sku,quantity,carrier,ship_time,delivered_time,status,damaged
                P1,A1,1,S1,1,SF,2026-11-10 10:00:00,,DELIVERED,N
                P2,A1,1,S1,1,SF,2026-11-10 10:00:00,,GONE,N
                P3,A1,1,S1,1,SF,2026-11-10 10:00:00,,IN_TRANSIT,maybe
                P4,A1,1,S1,-1,SF,2026-11-10 10:00:00,,IN_TRANSIT,N
                """);
        write(inbox, "returns_20261113.csv", """
                return_id,order_id,line_no,requested_time,reason_code
                R1,A1,1,2026-11-13 10:00:00,BROKEN
                R2,A1,0,2026-11-13 10:00:00,DAMAGED
                R3,A1,,2026-11-13 10:00:00,damaged
                R4,A1,2,2026-11-13 10:00:00,LATE
                =cmd|' /C calc'!A0,A1,,x,LATE
                """);
        write(inbox, "surveys_20261112.csv", """
                response_id,response_time,q_overall,q_service,q_recommend
                V1,2026-11-12 09:00:00,6,3,9
                V2,2026-11-12 09:00:00,5,0,9
                V3,2026-11-12 09:00:00,5,5,11
                V4,2026-11-12 09:00:00,5,5,10
                """);
        IngestSummary summary = service.ingest(inbox, SHANGHAI, null);
        assertThat(summary.hasFailures()).isFalse();

        // orders: header line 1, A1 on lines 2-3 (quoted line break), so A2 starts on line 4
        assertThat(rejectRows("orders_20261110.csv")).containsExactly(
                "4|customer_id|missing_required",
                "5|order_time|bad_timestamp",
                "6|line_no|bad_integer",
                "7|quantity|below_minimum",
                "8|unit_price|bad_decimal",
                "9|status|unknown_status",
                "11||wrong_field_count",
                "12|promised_delivery_time|bad_timestamp",
                "13|order_id|too_long");
        FileResult orders = summary.files().get(0);
        // 11 records read (lines 2-3, 4, ..., 13), A1 and A8 loaded, 9 rejected: 11 = 2 + 9
        assertThat(orders.rowsRead()).isEqualTo(11);
        assertThat(orders.rowsLoaded()).isEqualTo(2);
        assertThat(orders.rowsRejected()).isEqualTo(9);
        assertThat(orders.rejectsByReason()).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "bad_decimal", 1L, "bad_integer", 1L, "bad_timestamp", 2L, "below_minimum", 1L,
                "missing_required", 1L, "too_long", 1L, "unknown_status", 1L, "wrong_field_count", 1L)));
        assertThat(rejectRows("orders_20261110.csv")).hasSize(9);
        assertThat(jdbc.queryForObject("select region from order_line where order_id = 'A1'", String.class))
                .isEqualTo("华东\nsecond line of the region");
        // the raw record is the record as read (CSV, same delimiter)
        CSVRecord first = IngestTestKit.rejects(rejectsDir, "orders_20261110.csv").get(0);
        assertThat(first.get("file")).isEqualTo("orders_20261110.csv");
        assertThat(first.get("raw_record")).isEqualTo("A2,1,,2026-11-10 10:00:00,2026-11-12,S1,1,,,");

        assertThat(rejectRows("shipments_20261111.csv")).containsExactly(
                "2|delivered_time|missing_required",
                "3|status|unknown_status",
                "4|damaged|bad_boolean",
                "5|quantity|below_minimum");
        // R2: line_no 0 is below the minimum 1 (an empty line_no means the whole order); R3: codes are case-insensitive
        assertThat(rejectRows("returns_20261113.csv")).containsExactly(
                "2|reason_code|unknown_reason_code",
                "3|line_no|below_minimum",
                "6|requested_time|bad_timestamp");
        // a raw record that would be a spreadsheet formula is defused with a leading apostrophe
        assertThat(IngestTestKit.rejects(rejectsDir, "returns_20261113.csv").get(2).get("raw_record"))
                .isEqualTo("'=cmd|' /C calc'!A0,A1,,x,LATE");
        assertThat(jdbc.queryForObject("select line_no from return_line where return_id = 'R3'", Integer.class)).isZero();
        assertThat(rejectRows("surveys_20261112.csv")).containsExactly(
                "2|q_overall|score_out_of_scale",
                "3|q_service|score_out_of_scale",
                "4|q_recommend|score_out_of_scale");
        assertThat(jdbc.queryForObject("select count(*) from ingest_reject_count", Integer.class))
                .isEqualTo(8 + 4 + 3 + 1);
    }

    @Test
    void rejectShareAboveTheLimitFailsTheFileAndLeavesTheStoredDataAsBefore() {
        IngestService strict = serviceWithDefaultLimit();
        strict.ingest(IngestTestKit.EXAMPLE_INBOX, SHANGHAI, null);
        Map<String, List<String>> before = IngestTestKit.dumpExports(jdbc);

        // 100 rows, 2 bad: 2 % > 1 % -> the file fails, although 98 good rows would change A1 and add A100..
        StringBuilder csv = new StringBuilder("order_id,line_no,customer_id,order_time,promised_delivery_time,sku,quantity\n");
        csv.append("A1,1,C1,2026-11-10 10:00:00,2026-11-12 18:00:00,S1,9\n");
        for (int i = 2; i <= 98; i++) {
            csv.append("B").append(i).append(",1,C1,2026-11-10 10:00:00,2026-11-12 18:00:00,S1,1\n");
        }
        csv.append("B99,1,C1,2026-11-10 10:00:00,2026-11-12 18:00:00,S1,0\n");
        csv.append("B100,1,C1,not a time,2026-11-12 18:00:00,S1,1\n");
        write(inbox, "orders_20261110.csv", csv.toString());
        FileResult r = strict.ingest(inbox, SHANGHAI, 7L).files().get(0);

        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.message()).isEqualTo("orders_20261110.csv: 2 of 100 rows rejected (2.00 %), above the reject "
                + "limit of 1 % (see rejects/orders_20261110.csv.csv)");
        assertThat(IngestTestKit.dumpExports(jdbc)).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from stg_order_line", Integer.class)).isZero();
        assertThat(jdbc.queryForMap("select status, rows_read, rows_rejected, rows_loaded from ingest_file where job_execution_id = 7"))
                .containsEntry("status", "FAILED").containsEntry("rows_read", 100L)
                .containsEntry("rows_rejected", 2L).containsEntry("rows_loaded", 0L);
        assertThat(rejectRows("orders_20261110.csv")).containsExactly("100|quantity|below_minimum", "101|order_time|bad_timestamp");

        // exactly 1 % (1 of 100) is not above the limit: loads
        write(inbox, "orders_20261110.csv", csv.toString().replace("B99,1,C1,2026-11-10 10:00:00,2026-11-12 18:00:00,S1,0",
                "B99,1,C1,2026-11-10 10:00:00,2026-11-12 18:00:00,S1,1"));
        FileResult ok = strict.ingest(inbox, SHANGHAI, 8L).files().get(0);
        assertThat(ok.status()).isEqualTo("LOADED");
        assertThat(ok.rowsLoaded()).isEqualTo(99);
        assertThat(ok.rowsRejected()).isEqualTo(1);
        // A1/1 from the example replaced (quantity 9): superseded 1
        assertThat(ok.rowsSuperseded()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select quantity from order_line where order_id = 'A1' and line_no = 1", Integer.class))
                .isEqualTo(9);
    }

    @Test
    void truncatedCorruptAndHeaderlessFilesFailByNameWhileTheOthersLoad() throws Exception {
        service.ingest(IngestTestKit.EXAMPLE_INBOX, SHANGHAI, null);
        Map<String, List<String>> before = IngestTestKit.dumpExports(jdbc);

        write(inbox, "orders_20261110.csv", """
                order_id,line_no,customer_id,order_time,promised_delivery_time,sku,quantity
                N1,1,C1,2026-11-10 10:00:00,2026-11-12 18:00:00,S1,1
                """);
        // truncated: the last record's quoted field never closes; its first rows would have changed P1
        write(inbox, "shipments_20261113.csv", """
                shipment_id,order_id,line_no,sku,quantity,carrier,ship_time,status,documents_ok
                P1,A1,1,S1,1,SF,2026-11-10 08:00:00,LOST,N
                P99,A1,1,S1,1,"SF""");
        // invalid UTF-8 byte (0xFF) after a good row that would have changed R1
        byte[] good = "return_id,order_id,line_no,requested_time,reason_code\nR1,A1,1,2026-11-13 10:00:00,LATE\nR9,A1,1,2026-11-13 10:00:00,"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(good, good.length + 2);
        bad[good.length] = (byte) 0xFF;
        bad[good.length + 1] = '\n';
        Files.write(inbox.resolve("returns_20261114.csv"), bad);
        write(inbox, "surveys_20261113.csv", "response_id,q_overall\nV1,5\n");

        IngestSummary summary = service.ingest(inbox, SHANGHAI, null);
        assertThat(summary.files()).extracting(FileResult::fileName, FileResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("orders_20261110.csv", "LOADED"),
                org.assertj.core.groups.Tuple.tuple("shipments_20261113.csv", "FAILED"),
                org.assertj.core.groups.Tuple.tuple("returns_20261114.csv", "FAILED"),
                org.assertj.core.groups.Tuple.tuple("surveys_20261113.csv", "FAILED"));
        assertThat(summary.failedFiles()).extracting(FileResult::message).containsExactly(
                "shipments_20261113.csv: truncated: the quoted field of the record starting on line 3 is not closed "
                        + "at the end of the file",
                "returns_20261114.csv: not valid UTF-8 at byte " + good.length + " (line 3)",
                "surveys_20261113.csv: missing required column response_time");
        assertThat(summary.failureLine()).contains("shipments_20261113.csv", "returns_20261114.csv", "surveys_20261113.csv");

        // only the new order was added; shipments, returns and surveys exactly as before
        Map<String, List<String>> after = IngestTestKit.dumpExports(jdbc);
        assertThat(after.get("order_line")).hasSize(before.get("order_line").size() + 1);
        assertThat(after.get("shipment_line")).isEqualTo(before.get("shipment_line"));
        assertThat(after.get("return_line")).isEqualTo(before.get("return_line"));
        assertThat(after.get("survey_response")).isEqualTo(before.get("survey_response"));
        assertThat(after.get("survey_answer")).isEqualTo(before.get("survey_answer"));
        assertThat(jdbc.queryForObject("select count(*) from stg_shipment_line", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from stg_return_line", Integer.class)).isZero();
    }

    @Test
    void orphansAreKeptAndCounted() {
        service.ingest(IngestTestKit.EXAMPLE_INBOX, SHANGHAI, null);
        write(inbox, "shipments_20261113.csv", """
                shipment_id,order_id,line_no,sku,quantity,carrier,ship_time,status
                Q1,A1,1,S1,1,SF,2026-11-12 08:00:00,IN_TRANSIT
                Q2,A1,7,S1,1,SF,2026-11-12 08:00:00,IN_TRANSIT
                Q3,Z9,1,S1,1,SF,2026-11-12 08:00:00,IN_TRANSIT
                """);
        write(inbox, "returns_20261114.csv", """
                return_id,order_id,line_no,requested_time,reason_code
                R5,A3,,2026-11-14 10:00:00,LATE
                R6,Z9,,2026-11-14 10:00:00,LATE
                R7,A3,3,2026-11-14 10:00:00,LATE
                R8,A3,2,2026-11-14 10:00:00,LATE
                """);
        IngestSummary summary = service.ingest(inbox, SHANGHAI, null);
        // shipments: A1/7 and Z9/1 are unknown order lines -> 2 orphans, all 3 kept
        assertThat(summary.files().get(0).orphans()).isEqualTo(2);
        assertThat(summary.files().get(0).rowsLoaded()).isEqualTo(3);
        // returns: R6 (order Z9 unknown, whole order) and R7 (A3 has no line 3) -> 2 orphans; R5 (whole A3), R8 fine
        assertThat(summary.files().get(1).orphans()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from return_line", Integer.class)).isEqualTo(2 + 4);
        assertThat(jdbc.queryForObject("select orphans from ingest_file where file_name = 'returns_20261114.csv'", Long.class))
                .isEqualTo(2L);
    }

    @Test
    void aSupersededSurveyResponseGetsTheAnswersOfTheNewOne() {
        service.ingest(IngestTestKit.EXAMPLE_INBOX, SHANGHAI, null);
        write(inbox, "surveys_20261113.csv", """
                response_id,response_time,q_overall,q_timeliness,q_condition,q_recommend
                V1,2026-11-13 09:00:00,2,1,,3
                """);
        FileResult r = service.ingest(inbox, SHANGHAI, null).files().get(0);
        assertThat(r.rowsSuperseded()).isEqualTo(1);
        // V1 had 5 answers; now only q_timeliness = 1
        assertThat(jdbc.queryForList("select item || '=' || score from survey_answer where response_id = 'V1'", String.class))
                .containsExactly("q_timeliness=1");
        assertThat(jdbc.queryForObject("select count(*) from survey_answer", Integer.class)).isEqualTo(16 - 5 + 1);
        assertThat(jdbc.queryForMap("select q_overall, q_recommend, customer_id from survey_response where response_id = 'V1'"))
                .containsEntry("q_overall", 2).containsEntry("q_recommend", 3).containsEntry("customer_id", null);
    }

    @Test
    void fileWithoutBusinessDateInTheNameFails() {
        write(inbox, "orders_latest.csv", "order_id,line_no\n");
        FileResult r = service.ingest(inbox, SHANGHAI, null).files().get(0);
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.message()).isEqualTo("orders_latest.csv: no business date yyyyMMdd in the file name");
    }

    @Test
    void emptyOrMissingInboxIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.ingest(inbox, SHANGHAI, null))
                .isInstanceOf(IngestException.class).hasMessageStartingWith("no export files in inbox " + inbox);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.ingest(inbox.resolve("nope"), SHANGHAI, null))
                .isInstanceOf(IngestException.class).hasMessage("inbox " + inbox.resolve("nope") + " is not a directory");
    }

    @Test
    void dataQualityRepositoryReturnsTheFilesOfAJobAndOfABusinessDate() {
        service.ingest(IngestTestKit.EXAMPLE_INBOX, SHANGHAI, 41L);
        DataQualityRepository quality = ctx.getBean(DataQualityRepository.class);
        assertThat(quality.forJobExecution(41L)).extracting(FileResult::fileName).containsExactly(
                "orders_20261109.csv", "shipments_20261111.csv", "shipments_20261112.csv", "returns_20261113.csv",
                "surveys_20261112.csv");
        List<FileResult> day = quality.loadedForBusinessDate(java.time.LocalDate.of(2026, 11, 12));
        assertThat(day).extracting(FileResult::fileName, FileResult::rowsSuperseded).containsExactly(
                org.assertj.core.groups.Tuple.tuple("shipments_20261112.csv", 1L),
                org.assertj.core.groups.Tuple.tuple("surveys_20261112.csv", 0L));
        assertThat(day.get(0).businessDate()).isEqualTo(java.time.LocalDate.of(2026, 11, 12));
    }

    @Test
    void zoneOfTheRunAppliesToLocalTimes() {
        write(inbox, "orders_20261110.csv", """
                order_id,line_no,customer_id,order_time,promised_delivery_time,sku,quantity
                A1,1,C1,2026-11-10 10:00:00,2026-11-12,S1,1
                """);
        service.ingest(inbox, ZoneId.of("Europe/London"), null);
        // London is UTC+0 in November: 10:00 local = 10:00Z; end of 11-12 = 23:59:59.999999Z
        assertThat(jdbc.queryForObject("select order_time from order_line", LocalDateTime.class)).isEqualTo(utc("2026-11-10T10:00:00"));
        assertThat(jdbc.queryForObject("select promised_time from order_line", LocalDateTime.class))
                .isEqualTo(utc("2026-11-12T23:59:59.999999"));
    }

    private static List<String> rejectRows(String fileName) {
        return IngestTestKit.rejects(rejectsDir, fileName).stream()
                .map(r -> r.get("line") + "|" + r.get("column") + "|" + r.get("reason")).toList();
    }
}
