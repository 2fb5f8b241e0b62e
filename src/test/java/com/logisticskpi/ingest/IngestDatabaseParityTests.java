package com.logisticskpi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.logisticskpi.cli.AppContext;
import com.logisticskpi.cli.CommonOptions;
import com.logisticskpi.jobs.ingest.IngestJobRunner;
import com.logisticskpi.testsupport.TestDatabases;

/**
 * The same fixture set (src/test/resources/ingest/mixed: the example inbox plus later files with a BOM, CRLF,
 * shuffled and extra columns, offsets, a date-only promise, duplicates, orphans, reason aliases, and GB18030
 * surveys with the 4-byte character U+20BB7 𠮷) ingested through the ingest JOB into H2 and into MariaDB: every
 * stored row of the export tables must be equal, and the batch metadata must be there on both.
 */
class IngestDatabaseParityTests {

    static final Map<String, Object> SETTINGS = Map.of(
            "kpi.ingest.reject-limit", "0.5",
            "kpi.ingest.surveys.encoding", "GB18030",
            "kpi.ingest.returns.reason-code-aliases.DAMAGED[0]", "破损");

    record Run(IngestJobRunner.Outcome outcome, Map<String, List<String>> rows, Map<String, Object> stepCounts,
               String v4Comment, String jobStatus, List<com.logisticskpi.history.JobRun> history,
               IngestSummary failedRun, Map<String, List<String>> rowsAfterFailures) {
    }

    @TempDir
    static Path work;
    static Run h2;
    static Run mariadb;

    @BeforeAll
    static void ingestIntoBoth() {
        Path inbox = IngestTestKit.copyResourceSet("mixed", work.resolve("inbox"));
        h2 = run(TestDatabases.h2Options(work.resolve("h2")), inbox);
        mariadb = run(TestDatabases.mysqlOptions(work.resolve("mariadb")), inbox);
    }

    private static Run run(CommonOptions options, Path inbox) {
        try (ConfigurableApplicationContext ctx = AppContext.start(options, SETTINGS)) {
            IngestJobRunner.Outcome outcome = ctx.getBean(IngestJobRunner.class).run(inbox, ZoneId.of("Asia/Shanghai"));
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            Map<String, Object> steps = jdbc.queryForMap("""
                    SELECT STEP_NAME, STATUS, READ_COUNT, WRITE_COUNT, FILTER_COUNT FROM BATCH_STEP_EXECUTION
                    WHERE JOB_EXECUTION_ID = ? AND STEP_NAME = 'ingestStep'""", outcome.jobExecutionId());
            String jobStatus = jdbc.queryForObject("""
                    SELECT i.JOB_NAME || ':' || e.STATUS FROM BATCH_JOB_EXECUTION e
                    JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE e.JOB_EXECUTION_ID = ?"""
                    .replace("i.JOB_NAME || ':' || e.STATUS", "CONCAT(i.JOB_NAME, ':', e.STATUS)"),
                    String.class, outcome.jobExecutionId());
            String v4 = jdbc.queryForObject("select comment_text from survey_response where response_id = 'V4'", String.class);
            Map<String, List<String>> rows = IngestTestKit.dumpExports(jdbc);
            List<com.logisticskpi.history.JobRun> history = ctx.getBean(com.logisticskpi.history.JobHistoryRepository.class).recent(5);
            // files that must fail and change nothing: 2 of 3 rows rejected (67 % > 50 %), a truncated file, bad bytes
            Path bad = work.resolve("bad-" + (options.profileOrDefault() == null ? "h2" : "mariadb"));
            IngestTestKit.write(bad, "orders_20261120.csv", """
                    order_id,line_no,customer_id,order_time,promised_delivery_time,sku,quantity
                    A1,1,C1,2026-11-20 10:00:00,2026-11-22,S1,7
                    A2,0,C1,2026-11-20 10:00:00,2026-11-22,S1,1
                    A3,1,C1,2026-11-20 10:00:00,2026-11-22,S1,0
                    """);
            IngestTestKit.write(bad, "shipments_20261120.csv", """
                    shipment_id,order_id,line_no,sku,quantity,carrier,ship_time,status
                    P1,A1,1,S1,1,SF,2026-11-20 08:00:00,LOST
                    P2,A1,1,S1,1,"SF""");
            // 0x81 0x20: a GB18030 lead byte followed by a byte that is no valid second byte
            byte[] head = "response_id,response_time,comment\nV1,2026-11-20 09:00:00,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] survey = java.util.Arrays.copyOf(head, head.length + 3);
            survey[head.length] = (byte) 0x81;
            survey[head.length + 1] = 0x20;
            survey[head.length + 2] = '\n';
            try {
                java.nio.file.Files.write(bad.resolve("surveys_20261120.csv"), survey);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            IngestSummary failed = ctx.getBean(IngestService.class).ingest(bad, ZoneId.of("Asia/Shanghai"), null);
            return new Run(outcome, rows, Map.copyOf(lowerKeys(steps)), v4, jobStatus, history, failed,
                    IngestTestKit.dumpExports(jdbc));
        }
    }

    private static Map<String, Object> lowerKeys(Map<String, Object> m) {
        Map<String, Object> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(k.toLowerCase(), v instanceof Number n ? (Object) n.longValue() : v));
        return out;
    }

    @Test
    void everyStoredRowIsTheSameOnH2AndMariaDb() {
        assertThat(mariadb.rows()).isEqualTo(h2.rows());
        // hand count (see the fixture files):
        // orders 9 + A8 + A9 (A1/1 replaced, A10 rejected) = 11; shipments 9 + P9 + P10 + P11 = 12;
        // returns R1 (replaced), R2, R3, R4 = 4; responses V1 (replaced), V2, V3, V4 = 4;
        // answers 16 - 5 (old V1) + 1 (new V1: q_timeliness) + 6 (V4) = 18
        assertThat(h2.rows().get("order_line")).hasSize(11);
        assertThat(h2.rows().get("shipment_line")).hasSize(12);
        assertThat(h2.rows().get("return_line")).hasSize(4);
        assertThat(h2.rows().get("survey_response")).hasSize(4);
        assertThat(h2.rows().get("survey_answer")).hasSize(18);
    }

    @Test
    void dataQualityIsTheSameOnBothAndAsCountedByHand() {
        assertThat(h2.outcome().status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(h2.outcome().summary().files()).extracting(FileResult::fileName, FileResult::rowsRead,
                FileResult::rowsLoaded, FileResult::rowsSuperseded, FileResult::rowsRejected, FileResult::orphans)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orders_20261109.csv", 9L, 9L, 0L, 0L, 0L),
                        // A1/1 replaces the stored row, A10 has line_no 0
                        org.assertj.core.groups.Tuple.tuple("orders_20261110.csv", 4L, 3L, 1L, 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple("shipments_20261111.csv", 8L, 8L, 0L, 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("shipments_20261112.csv", 2L, 2L, 1L, 0L, 0L),
                        // P9 twice in the file (first superseded); P10 is for unknown order A99
                        org.assertj.core.groups.Tuple.tuple("shipments_20261113.csv", 4L, 3L, 1L, 0L, 1L),
                        org.assertj.core.groups.Tuple.tuple("returns_20261113.csv", 2L, 2L, 0L, 0L, 0L),
                        // R1 replaced; R3 is for unknown order A77
                        org.assertj.core.groups.Tuple.tuple("returns_20261114.csv", 3L, 3L, 1L, 0L, 1L),
                        org.assertj.core.groups.Tuple.tuple("surveys_20261112.csv", 3L, 3L, 0L, 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("surveys_20261113.csv", 2L, 2L, 1L, 0L, 0L));
        assertThat(h2.outcome().summary().files().get(1).rejectsByReason()).containsExactly(Map.entry("below_minimum", 1L));
        assertThat(h2.outcome().summary().files().get(1).message()).isEqualTo("extra columns ignored: remark");
        assertThat(mariadb.outcome().summary().files()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("fileId")
                .isEqualTo(h2.outcome().summary().files());
    }

    @Test
    void batchMetadataIsWrittenOnBoth() {
        // read 9+4 + 8+2+4 + 2+3 + 3+2 = 37; written (loaded) 9+3 + 8+2+3 + 2+3 + 3+2 = 35; filtered (rejected) 1
        Map<String, Object> expected = Map.of("step_name", "ingestStep", "status", "COMPLETED",
                "read_count", 37L, "write_count", 35L, "filter_count", 1L);
        assertThat(h2.stepCounts()).isEqualTo(expected);
        assertThat(mariadb.stepCounts()).isEqualTo(expected);
        assertThat(h2.jobStatus()).isEqualTo("ingest:COMPLETED");
        for (Run run : List.of(h2, mariadb)) {
            assertThat(run.history()).singleElement().satisfies(r -> {
                assertThat(r.jobName()).isEqualTo("ingest");
                assertThat(r.status()).isEqualTo("COMPLETED");
                assertThat(r.readCount()).isEqualTo(37);
                assertThat(r.writeCount()).isEqualTo(35);
                assertThat(r.identifyingParameters()).startsWith("inbox=" + work.resolve("inbox")).contains(", launchedAt=");
                assertThat(r.duration()).isNotNull();
            });
        }
        assertThat(mariadb.jobStatus()).isEqualTo("ingest:COMPLETED");
    }

    @Test
    void failedFilesLeaveTheStoredRowsExactlyAsBeforeOnBoth() {
        for (Run run : List.of(h2, mariadb)) {
            assertThat(run.failedRun().files()).extracting(FileResult::fileName, FileResult::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("orders_20261120.csv", "FAILED"),
                    org.assertj.core.groups.Tuple.tuple("shipments_20261120.csv", "FAILED"),
                    org.assertj.core.groups.Tuple.tuple("surveys_20261120.csv", "FAILED"));
            assertThat(run.failedRun().files().get(0).message()).startsWith("orders_20261120.csv: 2 of 3 rows rejected");
            assertThat(run.failedRun().files().get(1).message()).startsWith("shipments_20261120.csv: truncated");
            assertThat(run.failedRun().files().get(2).message()).isEqualTo("surveys_20261120.csv: not valid GB18030 at byte 57 (line 2)");
            assertThat(run.rowsAfterFailures()).isEqualTo(run.rows());
        }
    }

    @Test
    void gb18030FourByteCharacterRoundTripsThroughMariaDb() {
        String expected = new StringBuilder().appendCodePoint(0x20BB7).append("野家 好评").toString();
        assertThat(mariadb.v4Comment()).isEqualTo(expected);
        assertThat(mariadb.v4Comment().codePointAt(0)).isEqualTo(0x20BB7);
        assertThat(h2.v4Comment()).isEqualTo(expected);
        // and the rest of the Chinese text of the GB18030 file
        assertThat(mariadb.rows().get("survey_response")).anySatisfy(r -> assertThat(r).contains("comment_text=改了主意"));
        assertThat(mariadb.rows().get("return_line")).anySatisfy(r -> assertThat(r).contains("return_id=R1", "reason_code=DAMAGED"));
    }
}
